namespace Pipeline.Functions.Http;

/// <summary>
/// What an HTTP function answers, for its OpenAPI description (<see cref="ApiDescription"/>): a one-line summary and the
/// type of its 200 answer (serialized as the API serializes it). Every HTTP function carries one; a test holds them to it.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class ApiOperationAttribute(string summary, Type response) : Attribute
{
    public string Summary { get; } = summary;

    public Type Response { get; } = response;

    /// <summary>The media type of the 200 answer: JSON unless said otherwise.</summary>
    public string ContentType { get; init; } = "application/json";
}

/// <summary>A query-string parameter an HTTP function reads, for its OpenAPI description.</summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class ApiQueryAttribute(string name, string description) : Attribute
{
    public string Name { get; } = name;

    public string Description { get; } = description;

    public bool Required { get; init; }
}

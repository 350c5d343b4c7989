namespace Pipeline.Queries;

/// <summary>Why a query has no result: an HTTP status and a message for <c>application/problem+json</c>.</summary>
public sealed record QueryProblem(int Status, string Title, string Detail)
{
    public static QueryProblem BadRequest(string detail) => new(400, "Bad request", detail);

    public static QueryProblem NotFound(string detail) => new(404, "Not found", detail);

    public static QueryProblem Unavailable(string detail) => new(503, "Storage unavailable", detail);
}

/// <summary>A query's value, or the problem that stopped it. Client mistakes are problems, never exceptions.</summary>
public readonly record struct QueryResult<T>(T? Value, QueryProblem? Problem)
{
    public bool IsSuccess => Problem is null;

    public static implicit operator QueryResult<T>(T value) => new(value, null);

    public static implicit operator QueryResult<T>(QueryProblem problem) => new(default, problem);
}

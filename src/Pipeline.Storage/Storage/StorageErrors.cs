using Azure;

namespace Pipeline.Storage;

/// <summary>
/// Tells a storage failure that the next attempt may not meet (a timeout, throttling, a server error, a connection that
/// failed) from one that every attempt would meet again (a request the service refuses as it stands: an entity too
/// large, an invalid value). The first is retried by the trigger and answered with a 503; the second fails the article
/// at once with the service's own reason.
/// </summary>
public static class StorageErrors
{
    /// <summary>True when retrying the same request later may succeed: storage was slow, busy or unreachable.</summary>
    public static bool IsTransient(Exception e) => e switch
    {
        RequestFailedException { Status: 0 or 408 or 429 or >= 500 } => true,
        RequestFailedException => false,
        HttpRequestException or TimeoutException or IOException or System.Net.Sockets.SocketException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.All(IsTransient),
        _ => e.InnerException is not null && IsTransient(e.InnerException),
    };

    /// <summary>
    /// True when storage refused the request itself and would refuse it again (400-class answers such as
    /// <c>EntityTooLarge</c>, <c>PropertyValueTooLarge</c>, <c>InvalidInput</c>, <c>OutOfRangeInput</c>). Not found
    /// (a table or container being created), conflicts and failed conditions (races with another writer) are not: the
    /// code that meets them handles them, and a retry reads afresh.
    /// </summary>
    public static bool IsPermanent(Exception e) => e switch
    {
        RequestFailedException { Status: >= 400 and < 500 and not (404 or 408 or 409 or 412 or 429) } => true,
        AggregateException aggregate => aggregate.InnerExceptions.Count > 0 && aggregate.InnerExceptions.Any(IsPermanent),
        _ => e.InnerException is not null && IsPermanent(e.InnerException),
    };

    /// <summary>The service's answer in one line: <c>400 EntityTooLarge: The entity is larger than …</c>.</summary>
    public static string Describe(Exception e)
    {
        var failure = Find(e);
        if (failure is null)
        {
            return e.Message;
        }
        string message = failure.Message;
        int line = message.IndexOfAny(['\r', '\n']);
        if (line > 0)
        {
            message = message[..line];
        }
        // A batch's message starts with the index of the failed action ("0:The entity is larger…").
        int colon = message.IndexOf(':');
        if (colon > 0 && colon < 4 && int.TryParse(message.AsSpan(0, colon), out _))
        {
            message = message[(colon + 1)..];
        }
        return $"{failure.Status} {failure.ErrorCode}: {message.Trim()}";
    }

    private static RequestFailedException? Find(Exception? e) => e switch
    {
        null => null,
        RequestFailedException failure => failure,
        AggregateException aggregate => aggregate.InnerExceptions.Select(Find).FirstOrDefault(f => f is not null),
        _ => Find(e.InnerException),
    };
}

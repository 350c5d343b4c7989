using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Logging;
using Pipeline.Storage;

namespace Pipeline.Functions.Http;

/// <summary>
/// The HTTP functions' one error boundary, the same on both hosts: storage that did not answer is a 503, anything else
/// a 500, both as <c>application/problem+json</c> and logged once. The Functions app runs it as worker middleware
/// (<see cref="ProblemResponseMiddleware"/>); the local host runs it around its routes.
/// </summary>
public static class ProblemResponses
{
    /// <summary>Answers an exception an HTTP function threw; false when the response has started or the client left.</summary>
    public static async Task<bool> TryAnswerAsync(HttpContext context, Exception e, ILogger logger)
    {
        if (context.Response.HasStarted || context.RequestAborted.IsCancellationRequested)
        {
            return false;
        }
        if (StorageErrors.IsTransient(e))
        {
            logger.LogWarning(e, "Storage unavailable while serving {Path}", context.Request.Path);
            await WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "Storage unavailable", "Table storage did not answer; try again shortly.");
        }
        else
        {
            logger.LogError(e, "Unhandled error while serving {Path}", context.Request.Path);
            await WriteAsync(context, StatusCodes.Status500InternalServerError, "Internal error", "The request failed; the error is in the host's log.");
        }
        return true;
    }

    public static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.Clear();
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(
            new ProblemDetails { Status = status, Title = title, Detail = detail },
            options: null, contentType: ActionResults.ProblemJson);
    }
}

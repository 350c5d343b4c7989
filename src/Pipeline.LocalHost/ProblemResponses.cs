using Azure;
using Microsoft.AspNetCore.Mvc;

namespace Pipeline.LocalHost;

/// <summary>
/// The local host's one error boundary: storage that cannot be reached is a 503, anything else a 500, both as
/// <c>application/problem+json</c> and logged once.
/// </summary>
public static class ProblemResponses
{
    public static IApplicationBuilder UseProblemResponses(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception e) when (!context.Response.HasStarted && !context.RequestAborted.IsCancellationRequested)
            {
                var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ProblemResponses));
                if (IsStorageUnavailable(e))
                {
                    logger.LogWarning(e, "Storage unavailable while serving {Path}", context.Request.Path);
                    await WriteAsync(context, StatusCodes.Status503ServiceUnavailable, "Storage unavailable", "Table storage did not answer; try again shortly.");
                }
                else
                {
                    logger.LogError(e, "Unhandled error while serving {Path}", context.Request.Path);
                    await WriteAsync(context, StatusCodes.Status500InternalServerError, "Internal error", "The request failed; the error is in the host's log.");
                }
            }
        });

    public static Task WriteAsync(HttpContext context, int status, string title, string detail)
    {
        context.Response.Clear();
        context.Response.StatusCode = status;
        return context.Response.WriteAsJsonAsync(
            new ProblemDetails { Status = status, Title = title, Detail = detail },
            options: null, contentType: "application/problem+json");
    }

    private static bool IsStorageUnavailable(Exception e) => e switch
    {
        RequestFailedException { Status: 0 or >= 500 } => true,
        HttpRequestException => true,
        AggregateException aggregate => aggregate.InnerExceptions.All(IsStorageUnavailable),
        _ => e.InnerException is not null && IsStorageUnavailable(e.InnerException),
    };
}

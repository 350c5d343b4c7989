using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace Pipeline.Functions.Http;

/// <summary>
/// <see cref="ProblemResponses"/> in the Functions worker: registered after the ASP.NET Core integration, it runs inside
/// that integration's middleware and answers on its <c>HttpContext</c>. Without it the worker answers a failed HTTP
/// invocation with the host's bare 500. Triggers other than HTTP have no <c>HttpContext</c>: their exceptions go on to the
/// host, which retries them (the blob trigger) as before.
/// </summary>
public sealed class ProblemResponseMiddleware(ILogger<ProblemResponseMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception e) when (context.GetHttpContext() is { } http)
        {
            if (!await ProblemResponses.TryAnswerAsync(http, e, logger))
            {
                throw; // The response had started, or the client left: nothing to answer.
            }
        }
    }
}

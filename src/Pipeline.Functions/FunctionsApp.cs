using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Pipeline.Functions.Http;

namespace Pipeline.Functions;

/// <summary>The Functions app as <c>Program</c> runs it; tests build the same host without starting it.</summary>
public static class FunctionsApp
{
    public static IHost Build(string[] args)
    {
        var builder = FunctionsApplication.CreateBuilder(args);
        builder.ConfigureFunctionsWebApplication();
        // After the ASP.NET Core integration, so that it runs inside the integration's middleware and sees the HttpContext.
        builder.UseMiddleware<ProblemResponseMiddleware>();
        builder.Services.AddApplicationInsightsTelemetryWorkerService().ConfigureFunctionsApplicationInsights();
        builder.Services.AddPipeline(builder.Configuration);
        return builder.Build();
    }
}

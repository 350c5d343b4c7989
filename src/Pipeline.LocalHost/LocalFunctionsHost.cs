using Microsoft.Azure.WebJobs;
using Microsoft.Azure.WebJobs.Host;
using Pipeline.Configuration;
using Pipeline.Recovery;
using Pipeline.Functions;
using Pipeline.Functions.Http;
using Pipeline.Processing;

namespace Pipeline.LocalHost;

/// <summary>
/// Runs the Functions app's classes without the Functions host: the WebJobs SDK blob extension (the one the
/// Functions host loads) drives the blob trigger, and Kestrel serves the HTTP functions on their own routes.
/// </summary>
public static class LocalFunctionsHost
{
    public const string DefaultUrl = "http://127.0.0.1:7071";

    /// <summary>Shared by all local hosts on one storage account, so they share blob receipts and the scan lease.</summary>
    public const string HostId = "pipeline-local";

    /// <param name="args">Command-line arguments; <c>--settings &lt;path&gt;</c> names the local.settings.json to read.</param>
    /// <param name="configure">Lets tests override configuration or services before the app is built.</param>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["ReconcileSchedule"] = ReconcileArticles.DefaultSchedule });
        builder.Configuration.AddLocalSettings(builder.Configuration["settings"] ?? LocalSettings.DefaultPath);
        builder.Configuration.AddEnvironmentVariables();
        builder.Configuration.AddCommandLine(args);
        if (string.IsNullOrEmpty(builder.Configuration["urls"]) && string.IsNullOrEmpty(builder.Configuration["ASPNETCORE_URLS"]))
        {
            builder.WebHost.UseUrls(builder.Configuration["Host:LocalHttpPort"] is { Length: > 0 } port ? $"http://127.0.0.1:{port}" : DefaultUrl);
        }
        // Azure.Core logs every expected 404 (container or queue not created yet) as a warning.
        builder.Logging.AddFilter("Azure.Core", LogLevel.Error);
        builder.Logging.AddFilter("Host.Triggers.Blob", LogLevel.Warning);

        builder.Services.AddSingleton<ITriggerReceipts, ScanTriggerReceipts>();
        builder.Services.AddPipeline(builder.Configuration);
        // One host scans the container at a time (a blob lease). When it dies, another takes over within ~30 s
        // rather than the WebJobs default of up to a minute.
        builder.Services.Configure<SingletonOptions>(singleton =>
        {
            singleton.ListenerLockPeriod = TimeSpan.FromSeconds(15);
            singleton.ListenerLockRecoveryPollingInterval = TimeSpan.FromSeconds(15);
        });
        builder.Services.AddFunctionClasses(typeof(ProcessArticle).Assembly);
        builder.Services.AddHostedService<TimerTriggers>();
        builder.Host.ConfigureWebJobs(webJobs =>
        {
            webJobs.UseHostId(HostId);
            webJobs.AddAzureStorageCoreServices();
            // host.json is the Functions host's; its app-setting override works here too.
            webJobs.AddAzureStorageBlobs(blobs => blobs.MaxDegreeOfParallelism =
                builder.Configuration.GetValue("AzureFunctionsJobHost:extensions:blobs:maxDegreeOfParallelism", ProcessArticle.MaxConcurrency));
            webJobs.AddAzureStorageQueues(queues =>
            {
                // The poison queue is quiet: look every 2 s rather than backing off to a minute; space a failed
                // message's retries so that a short storage outage does not use them all up.
                queues.MaxPollingInterval = TimeSpan.FromSeconds(2);
                queues.VisibilityTimeout = TimeSpan.FromSeconds(10);
            });
        });
        configure?.Invoke(builder);

        var app = builder.Build();
        // The Functions app's own error boundary, around every route (in Azure it is worker middleware).
        app.Use(async (context, next) =>
        {
            try
            {
                await next(context);
            }
            catch (Exception e)
            {
                var logger = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ProblemResponses));
                if (!await ProblemResponses.TryAnswerAsync(context, e, logger))
                {
                    throw;
                }
            }
        });
        app.MapHttpFunctions(typeof(ProcessArticle).Assembly);
        return app;
    }

    /// <summary>Runs until Ctrl-C or SIGTERM.</summary>
    public static async Task RunAsync(WebApplication app)
    {
        try
        {
            await app.RunAsync();
        }
        catch (InvalidOperationException e) when (IsKnownShutdownFault(e))
        {
        }
    }

    /// <summary>Stops and disposes a host started with <c>StartAsync</c> (tests).</summary>
    public static async Task StopAsync(WebApplication app)
    {
        try
        {
            await app.StopAsync();
            await app.DisposeAsync();
        }
        catch (InvalidOperationException e) when (IsKnownShutdownFault(e))
        {
        }
    }

    /// <summary>
    /// The WebJobs SDK releases the scan's singleton lock in StopAsync and again in Dispose; the second release
    /// throws "The timer has already been stopped" (Azure/azure-webjobs-sdk#2961). The lock is already released.
    /// </summary>
    private static bool IsKnownShutdownFault(InvalidOperationException e) =>
        e.Message.Contains("timer has already been stopped", StringComparison.Ordinal);
}

using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Pipeline.Storage;

/// <summary>Creates the articles container and the tables when a host starts, so uploads and queries work at once.</summary>
public sealed class StorageInitializer(ArticleBlobs blobs, PipelineTables tables, ILogger<StorageInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await blobs.EnsureContainerAsync(cancellationToken);
            await tables.EnsureCreatedAsync(cancellationToken);
        }
        catch (Exception e) when (e is Azure.RequestFailedException or HttpRequestException or AggregateException)
        {
            // Not fatal: the host still serves /api/health (503) and creates tables on first use.
            logger.LogWarning(e, "Storage is not reachable yet; containers and tables will be created on first use");
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}

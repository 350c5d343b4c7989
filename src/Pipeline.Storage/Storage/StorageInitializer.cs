using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Pipeline.Storage;

/// <summary>
/// Creates the articles container and the tables when a host starts, so uploads and queries work at once, and warns
/// when a host on a real storage account signs continuation tokens with the public default key.
/// </summary>
public sealed class StorageInitializer(StorageClients clients, ArticleBlobs blobs, PipelineTables tables, IOptions<PipelineOptions> options,
    ILogger<StorageInitializer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (KeyWarning(options.Value, clients) is { } warning)
        {
            logger.LogWarning("{Warning}", warning);
        }
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

    /// <summary>The warning for a host on a real storage account that signs continuation tokens with the public default key.</summary>
    public static string? KeyWarning(PipelineOptions options, StorageClients clients) =>
        options.ContinuationTokenKey == PipelineOptions.DefaultContinuationTokenKey && !clients.IsLocalEmulator
            ? "Pipeline:ContinuationTokenKey is the built-in default, which anyone can read in the source, so continuation tokens " +
              "can be forged. Set Pipeline__ContinuationTokenKey to a secret of your own, the same on every instance " +
              "(infra/main.bicep generates one per deployment)."
            : null;
}

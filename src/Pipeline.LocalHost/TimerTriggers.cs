using Microsoft.Extensions.Options;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using NCrontab;
using Pipeline.Functions;
using Pipeline.Recovery;
using Pipeline.Processing;
using Pipeline.Storage;

namespace Pipeline.LocalHost;

/// <summary>
/// Runs the timer-triggered functions on their NCRONTAB schedule, on one host at a time (a blob lease), as the
/// Functions timer extension does. (The WebJobs timer extension in the package mirror is too old for the storage
/// extensions, so the local host schedules the same function class itself.)
/// </summary>
public sealed class TimerTriggers(IServiceProvider services, IConfiguration configuration, StorageClients storage, ILogger<TimerTriggers> logger)
    : BackgroundService
{
    private static readonly TimeSpan LeasePeriod = TimeSpan.FromSeconds(60);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(RunSweepAsync(stoppingToken), RunMissedCheckAsync(stoppingToken));

    /// <summary>
    /// The scan trigger skips blobs written while it lists the container: found here within seconds rather than at the
    /// next sweep. Every host may run it (processing is idempotent); where receipts cannot be read it does nothing.
    /// </summary>
    private async Task RunMissedCheckAsync(CancellationToken stoppingToken)
    {
        var reconciler = services.GetRequiredService<IArticleRecovery>();
        // How often the host looks for blobs its container scan skipped (IArticleRecovery.ProcessMissedAsync).
        var interval = services.GetRequiredService<IOptions<RecoveryOptions>>().Value.MissedCheckInterval;
        using var timer = new PeriodicTimer(interval);
        while (await timer.WaitForNextTickAsync(stoppingToken))
        {
            try
            {
                await reconciler.ProcessMissedAsync(stoppingToken);
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogWarning(e, "Looking for blobs the scan skipped failed; it looks again in {Interval}", interval);
            }
        }
    }

    private async Task RunSweepAsync(CancellationToken stoppingToken)
    {
        string setting = ReconcileArticles.Schedule.Trim('%');
        var schedule = CrontabSchedule.Parse(configuration[setting] ?? ReconcileArticles.DefaultSchedule, new CrontabSchedule.ParseOptions { IncludingSeconds = true });
        var lockBlob = storage.Blobs.GetBlobContainerClient("azure-webjobs-hosts")
            .GetBlobClient($"locks/{LocalFunctionsHost.HostId}/{nameof(ReconcileArticles)}");
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = DateTime.UtcNow;
            await Task.Delay(schedule.GetNextOccurrence(now) - now, stoppingToken);
            try
            {
                if (await TryLeaseAsync(lockBlob, stoppingToken) is not { } lease)
                {
                    continue; // Another host runs it this time.
                }
                try
                {
                    long started = System.Diagnostics.Stopwatch.GetTimestamp();
                    using var scope = services.CreateScope();
                    await scope.ServiceProvider.GetRequiredService<ReconcileArticles>().Run(new Microsoft.Azure.Functions.Worker.TimerInfo(), stoppingToken);
                    logger.LogInformation("Executed '{Function}' (Succeeded, Duration={Duration:F0}ms)", nameof(ReconcileArticles),
                        System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                finally
                {
                    await lease.ReleaseAsync(cancellationToken: CancellationToken.None);
                }
            }
            catch (Exception e) when (!stoppingToken.IsCancellationRequested)
            {
                logger.LogError(e, "{Function} failed; it runs again on schedule", nameof(ReconcileArticles));
            }
        }
    }

    private static async Task<BlobLeaseClient?> TryLeaseAsync(BlobClient blob, CancellationToken cancellationToken)
    {
        await blob.GetParentBlobContainerClient().CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        try
        {
            await blob.UploadAsync(BinaryData.Empty, new BlobUploadOptions { Conditions = new BlobRequestConditions { IfNoneMatch = ETag.All } }, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 409 or 412)
        {
            // The lock blob exists (and may be leased).
        }
        var lease = blob.GetBlobLeaseClient();
        try
        {
            await lease.AcquireAsync(LeasePeriod, cancellationToken: cancellationToken);
            return lease;
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            return null;
        }
    }
}

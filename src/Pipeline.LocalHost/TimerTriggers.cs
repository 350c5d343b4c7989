using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;
using Azure.Storage.Blobs.Specialized;
using NCrontab;
using Pipeline.Functions;
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
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
                    using var scope = services.CreateScope();
                    await scope.ServiceProvider.GetRequiredService<ReconcileArticles>().Run(new Microsoft.Azure.Functions.Worker.TimerInfo(), stoppingToken);
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

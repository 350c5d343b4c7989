using Pipeline.Evaluation.Hosting;
using System.Text;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Moq;
using Pipeline.Articles;
using Pipeline.Recovery;
using Pipeline.Processing;
using Pipeline.Storage;
using Pipeline.Storage.Rows;
using Pipeline.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Pipeline.Tests.Integration;

[CollectionDefinition(Name)]
public sealed class ResilienceCollection
{
    public const string Name = "Resilience (own Azurite and host processes)";
}

/// <summary>
/// Nothing lost, nothing doubled, when hosts race, crash or lose their storage. Each test runs its own Azurite and
/// local hosts as separate processes. <c>PIPELINE_SOAK_ARTICLES</c> sets the scale (CI: 40; scripts/soak.sh: 1,000).
/// </summary>
[Collection(ResilienceCollection.Name)]
public sealed class ResilienceTests(ITestOutputHelper output)
{
    private static int Articles => int.TryParse(Environment.GetEnvironmentVariable("PIPELINE_SOAK_ARTICLES"), out int n) ? n : 40;

    private static TimeSpan Patience(int articles) => TimeSpan.FromSeconds(90 + articles * 0.5);

    /// <summary>Host settings for these tests: the reconciliation sweep every 5 s, re-driving after 20 s without progress.</summary>
    private static readonly string[] FastRecovery = ["--ReconcileSchedule", "*/5 * * * * *", "--Recovery:StuckAfter", "00:00:20"];

    [Fact]
    public async Task Two_hosts_process_every_article_once_even_when_one_is_killed_midway_and_a_tenth_are_deleted()
    {
        await using var azurite = new AzuriteServer();
        await azurite.StartAsync();
        await using var services = StoredResults.Services(azurite.ConnectionString);
        int n = Articles;
        var names = Enumerable.Range(0, n).Select(i => SeedVariants.BlobName("soak", i)).ToList();
        // Every tenth article is deleted once half are done: some processed, some in flight, some not yet started.
        var deleted = Enumerable.Range(0, n).Where(i => i % 10 == 5).ToHashSet();
        var kept = names.Where((_, i) => !deleted.Contains(i)).ToList();

        var first = await LocalHostProcess.StartAsync(azurite.ConnectionString, FastRecovery);
        await using var second = await LocalHostProcess.StartAsync(azurite.ConnectionString, FastRecovery);
        LocalHostProcess? restarted = null;
        try
        {
            await UploadAsync(services, n);
            var monitor = services.GetRequiredService<ProcessingMonitor>();
            await WaitUntilAsync(monitor, names, s => s.Succeeded >= n / 3, Patience(n));
            first.Kill(); // kill -9: no shutdown, leases left to expire
            restarted = await LocalHostProcess.StartAsync(azurite.ConnectionString, FastRecovery);
            await WaitUntilAsync(monitor, names, s => s.Succeeded >= n / 2, Patience(n));
            var container = services.GetRequiredService<ArticleBlobs>().Container;
            await Parallel.ForEachAsync(deleted, async (i, ct) => await container.DeleteBlobAsync(names[i], cancellationToken: ct));

            var final = await monitor.WaitAsync(kept, Patience(n), null, CancellationToken.None);
            int left = await WaitUntilRemovedAsync(services, deleted.Select(i => names[i]).ToList(), TimeSpan.FromSeconds(60));
            var check = await CheckExactlyOnceAsync(services, n, skip: deleted);
            output.WriteLine($"two hosts, one killed at a third, {deleted.Count} deleted at half: {n} uploaded, {final.Succeeded} succeeded, " +
                             $"{final.Failed} failed, {final.Waiting} lost, {check.Mismatches} with rows differing from a single run, " +
                             $"{left} deleted with something left, {check.CatalogErrors} catalog counts off");
            Assert.Equal(kept.Count, final.Succeeded);
            Assert.Equal(0, check.Mismatches);
            Assert.Equal(0, left);
            Assert.Equal(0, check.CatalogErrors);
        }
        finally
        {
            await first.DisposeAsync();
            if (restarted is not null)
            {
                await restarted.DisposeAsync();
            }
        }
    }

    /// <summary>Waits until nothing is left of the articles of these deleted blobs; how many still have something left.</summary>
    private async Task<int> WaitUntilRemovedAsync(ServiceProvider services, List<string> blobNames, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var left = new List<string>();
            foreach (var name in blobNames)
            {
                if (await StoredResults.LeftOfAsync(services, ArticleId.FromBlobName(name)) is { Length: > 0 } what)
                {
                    left.Add($"{name}: {what}");
                }
            }
            if (left.Count == 0 || DateTime.UtcNow >= deadline)
            {
                foreach (var line in left.Take(10))
                {
                    output.WriteLine("left after deletion: " + line);
                }
                return left.Count;
            }
            await Task.Delay(500);
        }
    }

    [Fact]
    public async Task Storage_down_for_a_few_seconds_midway_loses_nothing()
    {
        await using var azurite = new AzuriteServer();
        await azurite.StartAsync();
        await using var blobProxy = new OutageProxy(azurite.BlobPort);
        await using var queueProxy = new OutageProxy(azurite.QueuePort);
        await using var tableProxy = new OutageProxy(azurite.TablePort);
        await using var services = StoredResults.Services(azurite.ConnectionString);
        int n = Math.Max(20, Articles / 2);
        var names = Enumerable.Range(0, n).Select(i => SeedVariants.BlobName("outage", i)).ToList();
        // The host reaches storage through the proxies; the test checks it directly.
        await using var host = await LocalHostProcess.StartAsync(AzuriteServer.ConnectionStringFor(blobProxy.Port, queueProxy.Port, tableProxy.Port), FastRecovery);

        await UploadAsync(services, n, "outage");
        var monitor = services.GetRequiredService<ProcessingMonitor>();
        await WaitUntilAsync(monitor, names, s => s.Succeeded >= 3, Patience(n));
        blobProxy.Cut();
        queueProxy.Cut();
        tableProxy.Cut();
        await Task.Delay(TimeSpan.FromSeconds(4));
        blobProxy.Restore();
        queueProxy.Restore();
        tableProxy.Restore();

        var final = await monitor.WaitAsync(names, Patience(n), null, CancellationToken.None);
        var check = await CheckExactlyOnceAsync(services, n, "outage");
        output.WriteLine($"storage down 4 s: {n} uploaded, {final.Succeeded} succeeded, {final.Failed} failed, {final.Waiting} lost, " +
                         $"{check.Mismatches} with rows differing from a single run");
        Assert.False(host.HasExited, "the host survives the outage");
        Assert.Equal(n, final.Succeeded);
        Assert.Equal(0, check.Mismatches);
    }

    [Fact]
    public async Task Transient_failures_end_in_the_poison_queue_are_recorded_and_can_be_redriven()
    {
        await using var azurite = new AzuriteServer();
        await azurite.StartAsync();
        await using var tableProxy = new OutageProxy(azurite.TablePort);
        await using var services = StoredResults.Services(azurite.ConnectionString);
        // No client retries: each of the trigger's five attempts fails at once while Table storage is unreachable.
        // No reconciliation sweep during the test: it would process the blob itself once tables answer again.
        await using var host = await LocalHostProcess.StartAsync(
            AzuriteServer.ConnectionStringFor(azurite.BlobPort, azurite.QueuePort, tableProxy.Port), "--Pipeline:StorageRetries", "0",
            "--ReconcileSchedule", "0 0 0 1 1 *");
        var blobs = services.GetRequiredService<ArticleBlobs>();
        await blobs.EnsureContainerAsync(CancellationToken.None);

        tableProxy.Cut();
        const string name = "poison/article.txt";
        await blobs.Container.GetBlobClient(name).UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(SeedVariants.Text(7))));
        var poison = services.GetRequiredService<StorageClients>().Queues.GetQueueClient(PoisonMessages.Queue);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!await poison.ExistsAsync() || (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the blob trigger never gave up into the poison queue");
            await Task.Delay(250);
        }
        // Long enough for the poison-queue function (polled every 2 s) to try while tables are still down.
        await Task.Delay(TimeSpan.FromSeconds(6));
        tableProxy.Restore();

        // The poison-queue function records the give-up once tables answer again: an attempt that fails while they are
        // down puts the message back for Recovery:PoisonRecordDelay (15 s), rather than leaving it to the queue
        // trigger, which would hold it for ten minutes (PoisonRecordTests).
        var tables = services.GetRequiredService<PipelineTables>();
        var id = ArticleId.FromBlobName(name);
        ArticleRow? row = null;
        var restored = DateTime.UtcNow;
        deadline = restored.AddMinutes(2);
        while (row is not { Status: ArticleStatus.Failed, Retriable: true })
        {
            if (DateTime.UtcNow >= deadline)
            {
                int left = (await poison.GetPropertiesAsync()).Value.ApproximateMessagesCount;
                string log = host.Output;
                Assert.Fail($"the article was not recorded as failed and retriable (status {row?.Status}); messages left in " +
                            $"{PoisonMessages.Queue}: {left}; host log (end):\n{log[Math.Max(0, log.Length - 6000)..]}");
            }
            await Task.Delay(500);
            row = await StoredResults.ArticleAsync(tables, id);
        }
        Assert.Contains("gave up", row.Error);
        output.WriteLine($"poison: recorded {(DateTime.UtcNow - restored).TotalSeconds:F0} s after tables came back");

        var report = await services.GetRequiredService<ArticleRecovery>().RetryAsync(RetrySelection.Poisoned, false, CancellationToken.None);
        Assert.Equal(1, report.Redriven);
        var final = await services.GetRequiredService<ProcessingMonitor>().WaitAsync([name], TimeSpan.FromSeconds(60), null, CancellationToken.None);
        output.WriteLine($"poison: recorded as '{row.Error}', re-driven, then {(final.Succeeded == 1 ? "succeeded" : "not succeeded")}");
        Assert.Equal(1, final.Succeeded);
    }

    [Fact]
    public async Task A_blob_no_trigger_ever_started_is_processed_by_the_reconciliation_sweep()
    {
        await using var azurite = new AzuriteServer();
        await azurite.StartAsync();
        // No host runs, so nothing triggers: as when the container scan skips a blob written while it lists.
        await using var services = StoredResults.Services(azurite.ConnectionString, ("Recovery:UnseenAfter", "00:00:05"));
        var blobs = services.GetRequiredService<ArticleBlobs>();
        var tables = services.GetRequiredService<PipelineTables>();
        var reconciler = services.GetRequiredService<IArticleRecovery>();
        await blobs.EnsureContainerAsync(CancellationToken.None);
        const string name = "missed/article.txt";
        string text = SeedVariants.Text(3), id = ArticleId.FromBlobName(name);
        await blobs.Container.GetBlobClient(name).UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(text)));

        Assert.Equal(0, (await reconciler.ReconcileAsync(CancellationToken.None)).Selected); // the trigger may still come
        await Task.Delay(TimeSpan.FromSeconds(7));
        var report = await reconciler.ReconcileAsync(CancellationToken.None);
        output.WriteLine($"missed blob: {report.Selected} selected, {report.Redriven} processed by the sweep");

        Assert.Equal((1, 1), (report.Selected, report.Redriven));
        Assert.Equal(ArticleStatus.Succeeded, (await StoredResults.ArticleAsync(tables, id))!.Status);
        Assert.Equal(StoredResults.Expected(name, text), await StoredResults.CountAsync(tables, id));
        Assert.Equal(0, (await reconciler.ReconcileAsync(CancellationToken.None)).Selected); // nothing left to do
    }

    [Fact]
    public async Task While_the_trigger_makes_progress_the_sweep_leaves_it_the_blobs_it_has_not_started()
    {
        await using var azurite = new AzuriteServer();
        await azurite.StartAsync();
        await using var services = StoredResults.Services(azurite.ConnectionString, ("Recovery:UnseenAfter", "00:00:05"));
        var blobs = services.GetRequiredService<ArticleBlobs>();
        var reconciler = services.GetRequiredService<IArticleRecovery>();
        await blobs.EnsureContainerAsync(CancellationToken.None);
        var waiting = blobs.Container.GetBlobClient("burst/waiting.txt");
        await waiting.UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(SeedVariants.Text(4))));
        await Task.Delay(TimeSpan.FromSeconds(7));

        // Another article is processed now, as a trigger working through a burst would.
        var busy = blobs.Container.GetBlobClient("burst/busy.txt");
        await busy.UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(SeedVariants.Text(5))));
        await services.GetRequiredService<IArticleProcessor>().ProcessAsync(busy, CancellationToken.None);
        Assert.Equal(0, (await reconciler.ReconcileAsync(CancellationToken.None)).Selected);

        await Task.Delay(TimeSpan.FromSeconds(7)); // quiet now: what the trigger left is the sweep's
        Assert.Equal(1, (await reconciler.ReconcileAsync(CancellationToken.None)).Redriven);
    }

    [Fact]
    public async Task While_the_trigger_makes_progress_the_sweep_takes_a_blob_it_holds_no_receipt_for()
    {
        await using var azurite = new AzuriteServer();
        await azurite.StartAsync();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await using var services = WithReceipts(azurite, seen, "Recovery:UnseenAfter", "00:00:05");
        var blobs = services.GetRequiredService<ArticleBlobs>();
        var reconciler = services.GetRequiredService<IArticleRecovery>();
        await blobs.EnsureContainerAsync(CancellationToken.None);
        var waiting = blobs.Container.GetBlobClient("burst/waiting.txt");
        var skipped = blobs.Container.GetBlobClient("burst/skipped.txt");
        var etag = (await waiting.UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(SeedVariants.Text(4))))).Value.ETag;
        seen.Add(TriggerReceipts.Key(waiting.Name, ArticleBlobs.NormalizeETag(etag))); // queued by the scan
        await skipped.UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(SeedVariants.Text(6)))); // never seen by it
        await Task.Delay(TimeSpan.FromSeconds(7));

        var busy = blobs.Container.GetBlobClient("burst/busy.txt");
        await busy.UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(SeedVariants.Text(5))));
        await services.GetRequiredService<IArticleProcessor>().ProcessAsync(busy, CancellationToken.None);
        var report = await reconciler.ReconcileAsync(CancellationToken.None);

        Assert.Equal((1, 1), (report.Selected, report.Redriven));
        var tables = services.GetRequiredService<PipelineTables>();
        Assert.Equal(ArticleStatus.Succeeded, (await StoredResults.ArticleAsync(tables, ArticleId.FromBlobName(skipped.Name)))!.Status);
        Assert.Null(await StoredResults.ArticleAsync(tables, ArticleId.FromBlobName(waiting.Name))); // still the trigger's
    }

    [Fact]
    public async Task The_missed_blob_check_processes_what_the_scan_skipped_and_only_that()
    {
        await using var azurite = new AzuriteServer();
        await azurite.StartAsync();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        await using var services = WithReceipts(azurite, seen, "Recovery:MissedAfter", "00:00:05");
        var blobs = services.GetRequiredService<ArticleBlobs>();
        var reconciler = services.GetRequiredService<IArticleRecovery>();
        await blobs.EnsureContainerAsync(CancellationToken.None);
        var queued = blobs.Container.GetBlobClient("scan/queued.txt");
        var skipped = blobs.Container.GetBlobClient("scan/skipped.txt");
        var etag = (await queued.UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(SeedVariants.Text(4))))).Value.ETag;
        seen.Add(TriggerReceipts.Key(queued.Name, ArticleBlobs.NormalizeETag(etag))); // taken up by the scan
        await skipped.UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(SeedVariants.Text(6)))); // never seen by it
        Assert.Equal(0, await reconciler.ProcessMissedAsync(CancellationToken.None)); // too young to call missed
        await Task.Delay(TimeSpan.FromSeconds(6));
        var fresh = blobs.Container.GetBlobClient("scan/fresh.txt");
        await fresh.UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(SeedVariants.Text(5)))); // the scan may still come

        Assert.Equal(1, await reconciler.ProcessMissedAsync(CancellationToken.None));
        Assert.Equal(0, await reconciler.ProcessMissedAsync(CancellationToken.None)); // done once

        var tables = services.GetRequiredService<PipelineTables>();
        Assert.Equal(ArticleStatus.Succeeded, (await StoredResults.ArticleAsync(tables, ArticleId.FromBlobName(skipped.Name)))!.Status);
        Assert.Null(await StoredResults.ArticleAsync(tables, ArticleId.FromBlobName(queued.Name))); // the trigger's
        Assert.Null(await StoredResults.ArticleAsync(tables, ArticleId.FromBlobName(fresh.Name)));

        // A new version of the skipped blob, skipped again, is processed again.
        await skipped.UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(SeedVariants.Text(7))), overwrite: true);
        await Task.Delay(TimeSpan.FromSeconds(6));
        seen.Add(TriggerReceipts.Key(fresh.Name, ArticleBlobs.NormalizeETag((await fresh.GetPropertiesAsync()).Value.ETag)));
        Assert.Equal(1, await reconciler.ProcessMissedAsync(CancellationToken.None));
    }

    /// <summary>The pipeline's services on <paramref name="azurite"/>, with the trigger's receipts being <paramref name="seen"/>.</summary>
    private static ServiceProvider WithReceipts(AzuriteServer azurite, IReadOnlySet<string> seen, string setting, string value)
    {
        var receipts = new Mock<ITriggerReceipts>();
        receipts.Setup(r => r.SeenAsync(It.IsAny<CancellationToken>())).ReturnsAsync(() => seen);
        return new ServiceCollection()
            .AddLogging()
            .AddSingleton(receipts.Object)
            .AddPipeline(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
            {
                ["AzureWebJobsStorage"] = azurite.ConnectionString,
                [setting] = value,
            }).Build())
            .BuildServiceProvider();
    }

    private static async Task UploadAsync(ServiceProvider services, int count, string prefix = "soak")
    {
        var blobs = services.GetRequiredService<ArticleBlobs>();
        await blobs.EnsureContainerAsync(CancellationToken.None);
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
            await blobs.Container.GetBlobClient(SeedVariants.BlobName(prefix, i))
                .UploadAsync(new BinaryData(Encoding.UTF8.GetBytes(SeedVariants.Text(i))), overwrite: true, ct));
    }

    private static async Task WaitUntilAsync(ProcessingMonitor monitor, IReadOnlyCollection<string> names, Func<ProcessingSnapshot, bool> done, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!done(await monitor.CheckAsync(names, CancellationToken.None)))
        {
            Assert.True(DateTime.UtcNow < deadline, "processing did not progress");
            await Task.Delay(250);
        }
    }

    /// <summary>Every article holds exactly what one clean run stores, and every entity's count matches its index rows.</summary>
    private static async Task<(int Mismatches, int CatalogErrors)> CheckExactlyOnceAsync(ServiceProvider services, int count, string prefix = "soak", IReadOnlySet<int>? skip = null)
    {
        var tables = services.GetRequiredService<PipelineTables>();
        int mismatches = 0;
        for (int i = 0; i < count; i++)
        {
            if (skip?.Contains(i) == true)
            {
                continue;
            }
            var name = SeedVariants.BlobName(prefix, i);
            var stored = await StoredResults.CountAsync(tables, ArticleId.FromBlobName(name));
            if (stored != StoredResults.Expected(name, SeedVariants.Text(i)))
            {
                mismatches++;
            }
        }
        int catalogErrors = (await StoredResults.CatalogErrorsAsync(services)).Count;
        return (mismatches, catalogErrors);
    }
}

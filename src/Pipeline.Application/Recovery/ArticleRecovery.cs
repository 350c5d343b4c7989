using Azure.Data.Tables;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Articles;
using Pipeline.Extraction;
using Pipeline.Processing;
using Pipeline.Results;
using Pipeline.Storage;
using Pipeline.Storage.Rows;

namespace Pipeline.Recovery;

/// <summary>
/// Recovery: takes up every article nobody finished, in one place (docs/architecture.md, "Recovery", has the words).
/// <list type="bullet">
/// <item><b>Retry</b> (<c>pipeline retry</c>): re-uploads blobs unchanged, so the trigger fires again (container scan
/// locally, Event Grid in Azure); the article is pending until it is processed.</item>
/// <item><b>Sweep</b> (the <c>ReconcileArticles</c> timer): processes <em>unseen</em> versions itself, retries
/// <em>stuck</em> ones, and removes the articles whose blob is <em>gone</em>.</item>
/// <item><b>Missed-blob check</b> (local host, every <see cref="RecoveryOptions.MissedCheckInterval"/>): processes the
/// versions the scan trigger <em>missed</em> (no receipt) and removes the articles of blobs deleted since the last
/// listing.</item>
/// <item><b>Poisoned</b> messages are recorded by <see cref="PoisonMessages"/>: failed, retriable.</item>
/// </list>
/// </summary>
public sealed class ArticleRecovery(ArticleBlobs blobs, PipelineTables tables, ArticleStore store, IArticleProcessor processor,
    IArticleDeletions deletions, ITriggerReceipts receipts, IOptions<RecoveryOptions> options, TimeProvider time, ILogger<ArticleRecovery> logger) : IArticleRecovery
{
    /// <summary>Stands for receipts the host cannot read.</summary>
    private static readonly IReadOnlySet<string> Unknown = new HashSet<string>();

    /// <summary>Skipped versions already processed by <see cref="ProcessMissedAsync"/>, which never get a receipt: not read again.</summary>
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, byte> handled = new(StringComparer.Ordinal);

    /// <summary>Versions <see cref="handled"/> remembers at most (then it starts again, at the cost of a point read each).</summary>
    private const int MaxHandled = 100_000;

    /// <summary>The blob names of the missed-blob check's last listing: a name gone from the next one was deleted.</summary>
    private HashSet<string>? listed;

    /// <summary>
    /// The reconciliation sweep: processes blob versions no trigger has started for <see cref="RecoveryOptions.UnseenAfter"/>
    /// (re-uploading them could be missed again), re-drives articles stuck for <see cref="RecoveryOptions.StuckAfter"/>,
    /// and removes the articles whose blob is gone (deletions no event reported, or whose removal was interrupted).
    /// </summary>
    public async Task<RecoveryReport> ReconcileAsync(CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var (unseen, stuck, gone) = await FindUnfinishedAsync(cancellationToken);
        int removed = await RemoveGoneAsync(gone.ConvertAll(row => row.BlobName), cancellationToken);
        if (removed > 0)
        {
            logger.LogWarning("Reconciliation removed {Removed} articles whose blob was deleted", removed);
        }
        var errors = new List<(string, string)>();
        int processed = 0;
        await Parallel.ForEachAsync(unseen, new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = cancellationToken }, async (row, ct) =>
        {
            try
            {
                // The trigger's own path: idempotent, so a trigger that fires late finds the work done.
                await processor.ProcessAsync(blobs.Container.GetBlobClient(row.BlobName), ct);
                Interlocked.Increment(ref processed);
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                // Its status now says processing: if it stays so, a later sweep re-drives it as stuck.
                lock (errors)
                {
                    errors.Add((row.PartitionKey, e.Message));
                }
            }
        });
        if (unseen.Count > 0)
        {
            logger.LogWarning("Reconciliation processed {Processed} of {Unseen} blobs the trigger had not started within {UnseenAfter}",
                processed, unseen.Count, options.Value.UnseenAfter);
        }
        var redriven = await RetryAsync(stuck, cancellationToken);
        return new RecoveryReport(unseen.Count + redriven.Selected, processed + redriven.Redriven, [.. errors, .. redriven.Errors]);
    }

    /// <summary>
    /// Processes the blob versions the trigger's container scan skipped: no receipt <see cref="RecoveryOptions.MissedAfter"/>
    /// after they were written, and no article row started on them. Two blob listings and a point read per skipped
    /// blob, no table scan, so the local host runs it every few seconds; nothing where receipts cannot be read.
    /// </summary>
    /// <returns>How many blobs it processed.</returns>
    public async Task<int> ProcessMissedAsync(CancellationToken cancellationToken)
    {
        if (await receipts.SeenAsync(cancellationToken) is not { } seen)
        {
            return 0;
        }
        var cutoff = time.GetUtcNow() - options.Value.MissedAfter;
        var missed = new List<(string Name, string ETag)>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var blob in blobs.Container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            names.Add(blob.Name);
            string etag = ArticleBlobs.NormalizeETag(blob.Properties.ETag);
            string key = TriggerReceipts.Key(blob.Name, etag);
            if (blob.Properties.LastModified < cutoff && !seen.Contains(key) && !handled.ContainsKey(key))
            {
                missed.Add((blob.Name, etag));
            }
        }
        int processed = 0;
        await Parallel.ForEachAsync(missed, new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = cancellationToken }, async (blob, ct) =>
        {
            // Started already on this version (by the sweep, or by this check before a restart): nothing to do.
            if ((await store.GetAsync(ArticleId.FromBlobName(blob.Name), ct))?.BlobETag != blob.ETag)
            {
                try
                {
                    await processor.ProcessAsync(blobs.Container.GetBlobClient(blob.Name), ct);
                    Interlocked.Increment(ref processed);
                }
                catch (Exception e) when (!ct.IsCancellationRequested)
                {
                    // Its status says processing: the next check or sweep takes it again.
                    logger.LogWarning(e, "Processing {Blob}, which the trigger's scan skipped, failed", blob.Name);
                    return;
                }
            }
            if (handled.Count >= MaxHandled)
            {
                handled.Clear();
            }
            handled.TryAdd(TriggerReceipts.Key(blob.Name, blob.ETag), 0);
        });
        if (processed > 0)
        {
            logger.LogWarning("Processed {Processed} blobs the trigger's scan skipped (no receipt after {MissedAfter})", processed, options.Value.MissedAfter);
        }

        // Deletions: Azurite sends no events, so a name the last listing held and this one does not was deleted.
        var before = listed;
        listed = names;
        if (before is not null)
        {
            before.ExceptWith(names);
            int removed = await RemoveGoneAsync(before, cancellationToken);
            if (removed > 0)
            {
                logger.LogInformation("Removed {Removed} articles whose blob was deleted", removed);
            }
        }
        return processed;
    }

    /// <summary>Removes the articles of these blobs where they are gone; how many it removed.</summary>
    private async Task<int> RemoveGoneAsync(IReadOnlyCollection<string> blobNames, CancellationToken cancellationToken)
    {
        int removed = 0;
        await Parallel.ForEachAsync(blobNames, new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = cancellationToken }, async (name, ct) =>
        {
            try
            {
                if (await deletions.RemoveIfGoneAsync(name, ct))
                {
                    Interlocked.Increment(ref removed);
                }
            }
            catch (Exception e) when (!ct.IsCancellationRequested)
            {
                // Its row stays (deleting, or as it was): the next sweep finds the blob gone and tries again.
                logger.LogWarning(e, "Removing the article of deleted blob {Blob} failed", name);
            }
        });
        return removed;
    }

    public async Task<RecoveryReport> RetryAsync(RetrySelection selection, bool dryRun, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        List<ArticleRow> selected;
        if (selection == RetrySelection.Stuck)
        {
            (_, selected, _) = await FindUnfinishedAsync(cancellationToken, unseenAsStuck: true);
        }
        else
        {
            selected = await SelectByStatusAsync(selection, cancellationToken);
        }
        return dryRun ? new RecoveryReport(selected.Count, 0, []) : await RetryAsync(selected, cancellationToken);
    }

    private async Task<RecoveryReport> RetryAsync(List<ArticleRow> selected, CancellationToken cancellationToken)
    {
        var errors = new List<(string, string)>();
        int redriven = 0;
        await Parallel.ForEachAsync(selected, new ParallelOptions { MaxDegreeOfParallelism = options.Value.Parallelism, CancellationToken = cancellationToken }, async (row, ct) =>
        {
            // Pending first: the trigger may finish before a later status write would land.
            await store.MarkRedrivenAsync(row.PartitionKey, row.BlobName, ct);
            var error = await blobs.ReuploadAsync(row.BlobName, ct);
            if (error is null)
            {
                Interlocked.Increment(ref redriven);
                return;
            }
            await store.FailAsync(row.PartitionKey, row.BlobName, "Re-drive failed: " + error, ct);
            lock (errors)
            {
                errors.Add((row.PartitionKey, error));
            }
        });
        return new RecoveryReport(selected.Count, redriven, errors);
    }

    private async Task<List<ArticleRow>> SelectByStatusAsync(RetrySelection selection, CancellationToken cancellationToken)
    {
        var selected = new List<ArticleRow>();
        await foreach (var row in tables.Articles.QueryAsync<ArticleRow>(
            select: ["PartitionKey", "RowKey", "BlobName", "Status", "Retriable", "ExtractorVersion"], cancellationToken: cancellationToken))
        {
            bool wanted = selection switch
            {
                RetrySelection.Failed => row.Status == ArticleStatus.Failed,
                RetrySelection.Poisoned => row.Status == ArticleStatus.Failed && row.Retriable,
                RetrySelection.Outdated => row.Status == ArticleStatus.Succeeded && row.ExtractorVersion != ArticleExtractor.Version,
                _ => true,
            };
            if (wanted)
            {
                selected.Add(row);
            }
        }
        return selected;
    }

    /// <summary>
    /// Blob versions that have neither succeeded nor failed: <em>unseen</em> ones, which no trigger has started
    /// (no status row holds their ETag) for <see cref="RecoveryOptions.UnseenAfter"/> while it is quiet (for
    /// <see cref="RecoveryOptions.StuckAfter"/> while it is busy), and <em>stuck</em> ones, started
    /// or re-driven but not finished for <see cref="RecoveryOptions.StuckAfter"/>. <paramref name="unseenAsStuck"/>
    /// counts unseen versions as stuck once they pass <see cref="RecoveryOptions.StuckAfter"/> (the re-drive command).
    /// <em>Gone</em>: article rows whose blob the listing no longer holds.
    /// </summary>
    private async Task<(List<ArticleRow> Unseen, List<ArticleRow> Stuck, List<ArticleRow> Gone)> FindUnfinishedAsync(CancellationToken cancellationToken, bool unseenAsStuck = false)
    {
        var rows = new Dictionary<string, ArticleRow>(StringComparer.Ordinal);
        await foreach (var row in tables.Articles.QueryAsync<ArticleRow>(
            select: ["PartitionKey", "RowKey", "BlobName", "Status", "Retriable", "BlobETag", "UpdatedAt"], cancellationToken: cancellationToken))
        {
            rows[row.PartitionKey] = row;
        }
        var now = time.GetUtcNow();
        var stuckCutoff = now - options.Value.StuckAfter;
        var unseenCutoff = now - options.Value.UnseenAfter;
        var missedCutoff = unseenCutoff;
        // While the trigger is making progress (an article changed within UnseenAfter), a blob it has not started is most
        // likely waiting in its queue behind a burst of uploads: leave it to the trigger until StuckAfter rather than do
        // the work twice. Once the trigger falls quiet, what it missed is taken after UnseenAfter; so is, at once, a
        // version the trigger holds no receipt for (its container scan skipped it), when the host can tell.
        foreach (var row in rows.Values)
        {
            if (row.UpdatedAt > unseenCutoff)
            {
                unseenCutoff = stuckCutoff;
                break;
            }
        }
        List<ArticleRow> unseen = [], stuck = [];
        IReadOnlySet<string>? seen = null;
        var listedIds = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var blob in blobs.Container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            string id = ArticleId.FromBlobName(blob.Name);
            listedIds.Add(id);
            string etag = ArticleBlobs.NormalizeETag(blob.Properties.ETag);
            rows.TryGetValue(id, out var row);
            var lastModified = blob.Properties.LastModified ?? DateTimeOffset.MinValue;
            if (row is null || row.BlobETag != etag)
            {
                // No trigger has started this version (a re-drive marks the row pending and keeps the old ETag).
                var found = row ?? new ArticleRow { PartitionKey = id, BlobName = blob.Name };
                found.BlobName = blob.Name;
                bool missed = false;
                if (!unseenAsStuck && lastModified < missedCutoff && lastModified >= unseenCutoff)
                {
                    // Read once, and only when they decide something (never on an idle container). A version the scan
                    // takes up after this read counts as missed, and is at worst processed twice: the same results.
                    seen ??= await receipts.SeenAsync(cancellationToken) ?? Unknown;
                    missed = !ReferenceEquals(seen, Unknown) && !seen.Contains(TriggerReceipts.Key(blob.Name, etag));
                }
                if (unseenAsStuck ? lastModified < stuckCutoff : lastModified < (missed ? missedCutoff : unseenCutoff))
                {
                    (unseenAsStuck ? stuck : unseen).Add(found);
                }
                continue;
            }
            // A give-up after transient errors is not final: the sweep tries it again, at most once per StuckAfter.
            bool final = row.Status == ArticleStatus.Succeeded || (row.Status == ArticleStatus.Failed && !row.Retriable);
            if (!final && row.UpdatedAt < stuckCutoff)
            {
                stuck.Add(row);
            }
        }
        // Rows were read before the listing: a blob that existed throughout is listed, so a row not listed lost its blob.
        var gone = new List<ArticleRow>();
        foreach (var (id, row) in rows)
        {
            if (!listedIds.Contains(id))
            {
                gone.Add(row);
            }
        }
        return (unseen, stuck, gone);
    }
}

using Azure.Data.Tables;
using Pipeline.Articles;
using Pipeline.Storage;
using Pipeline.Storage.Rows;

namespace Pipeline.Processing;

/// <summary>How far the pipeline is with the blobs in the container.</summary>
/// <param name="Waiting">Blobs whose current version has no final status yet.</param>
/// <param name="Failures">Failed articles with their reasons.</param>
/// <param name="Unfinished">The first waiting articles (at most <see cref="ProcessingMonitor.MaxListed"/>) with their status: <c>pending</c> before any attempt.</param>
public sealed record ProcessingSnapshot(int Total, int Succeeded, int Failed, int Waiting, IReadOnlyList<(string Id, string? Reason)> Failures,
    IReadOnlyList<(string Id, string Status)> Unfinished)
{
    public bool IsDone => Waiting == 0;
}

/// <summary>Compares the blobs in the container with the articles' status rows.</summary>
public sealed class ProcessingMonitor(ArticleBlobs blobs, PipelineTables tables)
{
    /// <summary>Waiting articles a snapshot names.</summary>
    public const int MaxListed = 50;

    /// <param name="blobNames">Only these blobs; all blobs in the container when null.</param>
    public async Task<ProcessingSnapshot> CheckAsync(IReadOnlyCollection<string>? blobNames, CancellationToken cancellationToken)
    {
        await tables.EnsureCreatedAsync(cancellationToken);
        var rows = new Dictionary<string, ArticleRow>(StringComparer.Ordinal);
        await foreach (var row in tables.Articles.QueryAsync<ArticleRow>(
            select: ["PartitionKey", "RowKey", "Status", "BlobETag", "Error"], cancellationToken: cancellationToken))
        {
            rows[row.PartitionKey] = row;
        }

        var wanted = blobNames is null ? null : new HashSet<string>(blobNames, StringComparer.Ordinal);
        int total = 0, succeeded = 0, failed = 0, waiting = 0;
        var failures = new List<(string, string?)>();
        var unfinished = new List<(string, string)>();
        await foreach (var blob in blobs.Container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            if (wanted is not null && !wanted.Contains(blob.Name))
            {
                continue;
            }
            total++;
            string id = ArticleId.FromBlobName(blob.Name);
            if (!rows.TryGetValue(id, out var row) || row.BlobETag != ArticleBlobs.NormalizeETag(blob.Properties.ETag))
            {
                waiting++;
                if (unfinished.Count < MaxListed)
                {
                    unfinished.Add((id, ArticleStatus.Pending));
                }
            }
            else if (row.Status == ArticleStatus.Succeeded)
            {
                succeeded++;
            }
            else if (row.Status == ArticleStatus.Failed)
            {
                failed++;
                failures.Add((id, row.Error));
            }
            else
            {
                waiting++;
                if (unfinished.Count < MaxListed)
                {
                    unfinished.Add((id, row.Status));
                }
            }
        }
        if (wanted is not null)
        {
            waiting += wanted.Count - total; // named but not (yet) listed
            total = wanted.Count;
        }
        return new ProcessingSnapshot(total, succeeded, failed, waiting, failures, unfinished);
    }

    /// <summary>Polls until every blob has a final status or <paramref name="timeout"/> passes.</summary>
    public async Task<ProcessingSnapshot> WaitAsync(IReadOnlyCollection<string>? blobNames, TimeSpan timeout, IProgress<ProcessingSnapshot>? progress, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            var snapshot = await CheckAsync(blobNames, cancellationToken);
            progress?.Report(snapshot);
            if (snapshot.IsDone || DateTimeOffset.UtcNow >= deadline)
            {
                return snapshot;
            }
            await Task.Delay(TimeSpan.FromMilliseconds(250), cancellationToken);
        }
    }
}

using Azure.Data.Tables;
using Pipeline.Storage.Rows;

namespace Pipeline.Storage;

/// <summary>
/// Which articles mention an entity, and how many: the (entity, article) index rows and the entity's article count.
/// </summary>
/// <remarks>
/// The count lives in a row of the entity's own <c>entityarticles</c> partition (RowKey <see cref="CountRowKey"/>),
/// so adding an index row and incrementing the count is one batch transaction, as are removing one and decrementing:
/// the count is exact whatever crashes or races, and costs no scan. The <c>entities</c> table only lists names and
/// types for browsing; its counts are read from the count rows. <c>EntityCatalog.Counts.cs</c> holds the count rows,
/// <c>EntityCatalog.Listing.cs</c> the browsable catalog and names index.
/// </remarks>
public sealed partial class EntityCatalog(PipelineTables tables)
{
    /// <summary>Index rows end before this RowKey, which starts the count row's (ids never hold "~c").</summary>
    public const string RowsEnd = "~count";

    /// <summary>RowKey of the partition's count row (<see cref="IndexKeys.MarkerRowKey"/>).</summary>
    public static string CountRowKey(string partition) => IndexKeys.MarkerRowKey(RowsEnd, partition);

    /// <summary>
    /// The count row's RowKey before it held its partition (the same in every partition). A partition that has no count
    /// row under <see cref="CountRowKey"/> is read under this one, and its next write moves the count to the new key in
    /// the same batch, so tables written by earlier versions keep their counts without a migration step.
    /// </summary>
    public const string LegacyCountRowKey = "~count";

    private const string CountProperty = "ArticleCount";
    private const int MaxAttempts = 50;

    /// <summary>Index rows in one batch, beside the count row and the legacy one it may replace (a batch holds at most 100 actions).</summary>
    private const int MaxRowsPerBatch = 98;

    /// <summary>Index rows waiting to be written, by partition; an entry lives while a caller uses it.</summary>
    private readonly Dictionary<string, PartitionWrites> partitions = new(StringComparer.Ordinal);

    /// <summary>
    /// Adds or replaces an (entity, article) index row; counts it when it is new. Articles processed at once in this
    /// host that mention the same entity share one batch: an entity most articles mention (a news outlet) would
    /// otherwise make every one of them race for its count row, each losing attempt costing a read and a batch.
    /// </summary>
    public async Task AddArticleAsync(EntityArticleRow row, CancellationToken cancellationToken)
    {
        var add = new PendingAdd(row);
        PartitionWrites writes;
        lock (partitions)
        {
            if (!partitions.TryGetValue(row.PartitionKey, out writes!))
            {
                partitions[row.PartitionKey] = writes = new PartitionWrites();
            }
            writes.Users++;
            writes.Queue.Add(add);
        }
        try
        {
            // One writer per partition at a time; it takes whatever has queued by then, so a waiter often finds its row
            // written when its turn comes.
            while (!add.Done.Task.IsCompleted)
            {
                await writes.Writer.WaitAsync(cancellationToken);
                try
                {
                    if (!add.Done.Task.IsCompleted)
                    {
                        await WriteQueuedAsync(writes, cancellationToken);
                    }
                }
                finally
                {
                    writes.Writer.Release();
                }
            }
        }
        finally
        {
            lock (partitions)
            {
                writes.Queue.Remove(add); // Still queued only when cancelled.
                if (--writes.Users == 0)
                {
                    partitions.Remove(row.PartitionKey);
                }
            }
        }
        await add.Done.Task;
    }

    /// <summary>Writes up to a batch of the rows queued for one partition, and settles each of them.</summary>
    private async Task WriteQueuedAsync(PartitionWrites writes, CancellationToken cancellationToken)
    {
        var batch = new List<PendingAdd>();
        lock (partitions)
        {
            var keys = new HashSet<string>(StringComparer.Ordinal);
            for (int i = 0; i < writes.Queue.Count && batch.Count < MaxRowsPerBatch; i++)
            {
                // The same article twice (a trigger and the sweep at once) cannot share a batch: it waits for the next.
                if (keys.Add(writes.Queue[i].Row.RowKey))
                {
                    batch.Add(writes.Queue[i]);
                }
            }
            foreach (var add in batch)
            {
                writes.Queue.Remove(add);
            }
        }
        try
        {
            await AddBatchAsync(batch, cancellationToken);
        }
        catch (Exception e)
        {
            foreach (var add in batch)
            {
                add.Done.TrySetException(e);
            }
        }
    }

    /// <summary>Adds rows of one partition and counts them in one batch; a row counted already takes the single-row path.</summary>
    private async Task AddBatchAsync(List<PendingAdd> batch, CancellationToken cancellationToken)
    {
        for (int attempt = 0; attempt < MaxAttempts && batch.Count > 0; attempt++)
        {
            string partition = batch[0].Row.PartitionKey;
            var found = await ReadCountAsync(partition, cancellationToken);
            int count = found.Count;
            var actions = new List<TableTransactionAction>(batch.Count + 2);
            foreach (var add in batch)
            {
                actions.Add(new TableTransactionAction(TableTransactionActionType.Add, add.Row));
            }
            AddCountActions(actions, partition, found, count + batch.Count);
            try
            {
                await tables.EntityArticles.SubmitTransactionAsync(actions, cancellationToken);
                if (count == 0)
                {
                    await ListAsync(batch[0].Row, cancellationToken);
                }
                foreach (var add in batch)
                {
                    add.Done.TrySetResult();
                }
                return;
            }
            catch (TableTransactionFailedException e) when (e.FailedTransactionActionIndex is int failed && failed < batch.Count && e.Status == 409)
            {
                if (batch.Count == 1)
                {
                    // Already counted (reprocessing, or a retry after a crash): replace its content, and rewrite the count
                    // row unchanged in the same batch, so that its ETag still moves with every write to the partition.
                    if (await TryReplaceAsync(batch[0].Row, found, cancellationToken))
                    {
                        batch[0].Done.TrySetResult();
                        return;
                    }
                    continue;
                }
                // That row alone, then the rest again.
                var counted = batch[failed];
                batch.RemoveAt(failed);
                try
                {
                    await AddBatchAsync([counted], cancellationToken);
                }
                catch (Exception single)
                {
                    counted.Done.TrySetException(single);
                    throw;
                }
            }
            catch (TableTransactionFailedException e) when (e.Status is 404 or 409 or 412)
            {
                // The count moved since we read it (another host): read it again.
            }
        }
        if (batch.Count > 0)
        {
            throw new InvalidOperationException($"Could not count '{batch[0].Row.EntityKey}' after {MaxAttempts} attempts.");
        }
    }

    /// <summary>
    /// Removes an article's index row for an entity unless it belongs to <paramref name="keepGeneration"/> (null: whatever
    /// it holds), and uncounts it; an entity no article mentions any more leaves the browsable catalog.
    /// </summary>
    public async Task RemoveArticleAsync(string entityKey, string articleId, string? keepGeneration, CancellationToken cancellationToken)
    {
        string partition = IndexKeys.Entity(entityKey);
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var row = await tables.EntityArticles.GetEntityIfExistsAsync<TableEntity>(partition, articleId, ["Generation"], cancellationToken);
            if (!row.HasValue || row.Value!.GetString("Generation") == keepGeneration)
            {
                return;
            }
            var found = await ReadCountAsync(partition, cancellationToken);
            int count = Math.Max(0, found.Count - 1);
            // A selected read may omit the keys: name the row to delete explicitly.
            var actions = new List<TableTransactionAction>(3)
            {
                new(TableTransactionActionType.Delete, new TableEntity(partition, articleId), row.Value.ETag),
            };
            AddCountActions(actions, partition, found, count);
            try
            {
                await tables.EntityArticles.SubmitTransactionAsync(actions, cancellationToken);
                if (count == 0)
                {
                    await UnlistAsync(entityKey, cancellationToken);
                }
                return;
            }
            catch (TableTransactionFailedException e) when (e.Status is 404 or 409 or 412)
            {
                // The row or the count changed since we read them: read them again.
            }
        }
        throw new InvalidOperationException($"Could not uncount '{partition}' after {MaxAttempts} attempts.");
    }

    private sealed class PendingAdd(EntityArticleRow row)
    {
        public EntityArticleRow Row { get; } = row;
        public TaskCompletionSource Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class PartitionWrites
    {
        public List<PendingAdd> Queue { get; } = [];
        public SemaphoreSlim Writer { get; } = new(1, 1);
        public int Users { get; set; }
    }
}


using Azure;
using Azure.Data.Tables;
using Pipeline.Storage.Rows;

namespace Pipeline.Storage;

/// <summary>An entity's article count, kept in a row of its own partition and changed in the same batch as the index rows.</summary>
public sealed partial class EntityCatalog
{
    private async Task<bool> TryReplaceAsync(EntityArticleRow row, CountRow found, CancellationToken cancellationToken)
    {
        if (found.ETag is null)
        {
            // A counted row but no count row: the partition was written before counts existed. Count its rows once, so
            // that the batch rewriting this one gives the partition its count row, and with it a version.
            found = found with { Count = await CountRowsAsync(row.PartitionKey, cancellationToken) };
        }
        try
        {
            var actions = new List<TableTransactionAction>(3) { new(TableTransactionActionType.UpsertReplace, row) };
            AddCountActions(actions, row.PartitionKey, found, found.Count);
            await tables.EntityArticles.SubmitTransactionAsync(actions, cancellationToken);
            return true;
        }
        catch (TableTransactionFailedException e) when (e.Status is 404 or 409 or 412)
        {
            return false; // The count moved since we read it.
        }
    }

    /// <summary>The index rows of a partition, counted by a partition query (for partitions written before counts).</summary>
    private async Task<int> CountRowsAsync(string partition, CancellationToken cancellationToken)
    {
        int count = 0;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {RowsEnd}");
        await foreach (var _ in tables.EntityArticles.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            count++;
        }
        return count;
    }

    /// <summary>
    /// The ETag of the partition's count row, which every write to the partition rewrites in its batch: the version of
    /// the partition's rows for cached pages; <see cref="PartitionMarkers.Unmarked"/> when this version never wrote it.
    /// </summary>
    public Task<string> VersionAsync(string partition, CancellationToken cancellationToken) =>
        PartitionMarkers.VersionAsync(tables.EntityArticles, partition, CountRowKey(partition), cancellationToken);

    /// <summary>How many articles mention the entity whose index partition this is.</summary>
    public async Task<int> CountAsync(string partition, CancellationToken cancellationToken) =>
        (await ReadCountAsync(partition, cancellationToken)).Count;

    /// <summary>The partition's count row as read: under its own RowKey, else under the legacy one (<paramref name="Legacy"/>); no ETag when there is none.</summary>
    private readonly record struct CountRow(int Count, ETag? ETag, bool Legacy);

    private async Task<CountRow> ReadCountAsync(string partition, CancellationToken cancellationToken)
    {
        var row = await tables.EntityArticles.GetEntityIfExistsAsync<TableEntity>(partition, CountRowKey(partition), [CountProperty], cancellationToken);
        bool legacy = false;
        if (!row.HasValue)
        {
            row = await tables.EntityArticles.GetEntityIfExistsAsync<TableEntity>(partition, LegacyCountRowKey, [CountProperty], cancellationToken);
            legacy = row.HasValue;
        }
        return row.HasValue ? new CountRow(row.Value!.GetInt32(CountProperty) ?? 0, row.Value.ETag, legacy) : new CountRow(0, null, false);
    }

    /// <summary>
    /// The batch actions that set the partition's count to <paramref name="count"/>, on the condition that the count row
    /// is still as <paramref name="found"/>: replaced, created, or moved from the legacy RowKey to its own.
    /// </summary>
    private static void AddCountActions(List<TableTransactionAction> actions, string partition, CountRow found, int count)
    {
        var row = new TableEntity(partition, CountRowKey(partition)) { [CountProperty] = count };
        if (found.Legacy)
        {
            actions.Add(new(TableTransactionActionType.Delete, new TableEntity(partition, LegacyCountRowKey), found.ETag!.Value));
            actions.Add(new(TableTransactionActionType.Add, row));
        }
        else
        {
            actions.Add(found.ETag is { } current
                ? new(TableTransactionActionType.UpdateReplace, row, current)
                : new(TableTransactionActionType.Add, row));
        }
    }
}

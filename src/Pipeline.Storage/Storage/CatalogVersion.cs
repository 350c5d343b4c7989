using Azure;
using Azure.Data.Tables;

namespace Pipeline.Storage;

/// <summary>
/// One version for everything the entity list reads (the catalog, the article counts, the names index), so that its
/// pages can be kept in memory and still be exact. Table <c>catalogversion</c>, one partition: the version row, whose
/// ETag changes when a write to those tables begins and when it ends, and a row per article whose write is under way.
/// </summary>
/// <remarks>
/// A reader that finds no write under way and version V may answer with a page computed after V was read: every write
/// that ended before V did its work before then, a write that begins afterwards changes the version, and a page computed
/// while one was under way is filed under a version no reader will see again. A write that never ends (its host
/// crashed) leaves its row, and the list is computed afresh on every request until the article's next write (its retry,
/// the sweep's, or its deletion) ends. A write that fails still ends: what it changed is in storage, and the new
/// version says so.
/// </remarks>
public sealed class CatalogVersion(PipelineTables tables)
{
    private const string Partition = "catalog";
    private const string VersionRowKey = "version";
    private const string WritingPrefix = "writing|";

    /// <summary>
    /// Runs <paramref name="write"/>, which changes counts, catalog entries or names for one article, as a write under way.
    /// </summary>
    public async Task WritingAsync(string articleId, Func<Task> write, CancellationToken cancellationToken)
    {
        string writing = WritingPrefix + articleId;
        await tables.CatalogVersion.SubmitTransactionAsync(
            [new(TableTransactionActionType.UpsertReplace, new TableEntity(Partition, writing)), Touch()], cancellationToken);
        try
        {
            await write();
        }
        catch
        {
            // Ended if storage lets us; if not, the row stays and readers compute afresh until the retry ends it.
            try
            {
                await EndAsync(writing, CancellationToken.None);
            }
            catch (Exception e) when (e is RequestFailedException or OperationCanceledException or AggregateException)
            {
            }
            throw;
        }
        await EndAsync(writing, cancellationToken);
    }

    private async Task EndAsync(string writing, CancellationToken cancellationToken)
    {
        try
        {
            await tables.CatalogVersion.SubmitTransactionAsync(
                [new(TableTransactionActionType.Delete, new TableEntity(Partition, writing), ETag.All), Touch()], cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status == 404)
        {
            // Ended by another run of the same article (the trigger and the sweep at once): still move the version.
            await tables.CatalogVersion.SubmitTransactionAsync([Touch()], cancellationToken);
        }
    }

    /// <summary>
    /// The version of the entity list's rows: the version row's ETag (<see cref="PartitionMarkers.Unmarked"/> before
    /// this version of the code wrote any); null while a write is under way, when no version holds.
    /// </summary>
    public async Task<string?> ReadAsync(CancellationToken cancellationToken)
    {
        string version = PartitionMarkers.Unmarked;
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition}");
        await foreach (var row in tables.CatalogVersion.QueryAsync<TableEntity>(filter, select: ["RowKey"], cancellationToken: cancellationToken))
        {
            if (row.RowKey.StartsWith(WritingPrefix, StringComparison.Ordinal))
            {
                return null;
            }
            version = row.ETag.ToString();
        }
        return version;
    }

    private static TableTransactionAction Touch() => PartitionMarkers.Touch(Partition, VersionRowKey);
}

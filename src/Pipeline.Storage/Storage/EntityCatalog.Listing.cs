using Azure;
using Azure.Data.Tables;
using Pipeline.Storage.Rows;
using Pipeline.Text;

namespace Pipeline.Storage;

/// <summary>The <c>entities</c> and <c>entitynames</c> rows: an identity listed while some article mentions it.</summary>
public sealed partial class EntityCatalog
{
    /// <summary>
    /// Takes an entity no article mentions off the browsable catalog and the names index. An article that counts it at
    /// the same time lists it (idempotently) after its own count write: if that count is seen here after the delete, the
    /// entries are put back.
    /// </summary>
    private async Task UnlistAsync(string entityKey, CancellationToken cancellationToken)
    {
        var (type, slug) = CatalogKeys(entityKey);
        var listed = await tables.Entities.GetEntityIfExistsAsync<EntityCatalogRow>(type, slug, cancellationToken: cancellationToken);
        if (!listed.HasValue)
        {
            return;
        }
        var entry = listed.Value!;
        try
        {
            await tables.Entities.DeleteEntityAsync(type, slug, entry.ETag, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return; // Removed or renamed by another writer.
        }
        EntityNameRow? name = null;
        if (entry.Group is { } group)
        {
            var found = await tables.EntityNames.GetEntityIfExistsAsync<EntityNameRow>(SafeKey.Encode(group), SafeKey.Encode(entityKey), cancellationToken: cancellationToken);
            if (found.HasValue)
            {
                name = found.Value!;
                await WriteNameAsync(TableTransactionActionType.Delete, name, cancellationToken);
            }
        }
        if (await CountAsync(IndexKeys.Entity(entityKey), cancellationToken) > 0)
        {
            await tables.Entities.UpsertEntityAsync(entry, TableUpdateMode.Replace, cancellationToken);
            if (name is not null)
            {
                await WriteNameAsync(TableTransactionActionType.UpsertReplace, name, cancellationToken);
            }
        }
    }

    /// <summary>
    /// Upserts or deletes a row of the names index, and rewrites its group's marker row in the same batch
    /// (<see cref="IndexKeys.NamesVersionRowKey"/>), so that a group read from the cache is exactly what storage holds.
    /// </summary>
    private async Task WriteNameAsync(TableTransactionActionType action, EntityNameRow row, CancellationToken cancellationToken)
    {
        var change = action == TableTransactionActionType.Delete
            ? new TableTransactionAction(action, new TableEntity(row.PartitionKey, row.RowKey), ETag.All) // whatever it holds now
            : new TableTransactionAction(action, row);
        try
        {
            await tables.EntityNames.SubmitTransactionAsync(
            [
                change,
                PartitionMarkers.Touch(row.PartitionKey, IndexKeys.NamesVersionRowKey(row.PartitionKey)),
            ], cancellationToken);
        }
        catch (TableTransactionFailedException e) when (e.Status == 404 && action == TableTransactionActionType.Delete)
        {
            // Removed by another writer, whose batch rewrote the marker.
        }
    }

    /// <summary>The catalog's PartitionKey (the type) and RowKey (the encoded slug) of an entity key.</summary>
    private static (string Type, string Slug) CatalogKeys(string entityKey)
    {
        int colon = entityKey.IndexOf(':');
        return (entityKey[..colon], SafeKey.Encode(entityKey[(colon + 1)..]));
    }

    /// <summary>
    /// Lists the identity in the browsable catalog and, when it may link to others, in the names index under its group
    /// (idempotent; a name listed first stays).
    /// </summary>
    private async Task ListAsync(EntityArticleRow row, CancellationToken cancellationToken)
    {
        // Both at once: an article with thousands of new names lists each of them.
        Task named = row.Group is { } group
            ? WriteNameAsync(TableTransactionActionType.UpsertReplace, new EntityNameRow
            {
                PartitionKey = SafeKey.Encode(group),
                RowKey = SafeKey.Encode(row.EntityKey),
                Key = row.EntityKey,
                Name = row.IdentityName ?? row.Name,
                Kind = row.Kind ?? "",
                Given = row.Given,
            }, cancellationToken)
            : Task.CompletedTask;
        var (partition, slug) = CatalogKeys(row.EntityKey);
        var entry = new EntityCatalogRow
        {
            PartitionKey = partition,
            RowKey = slug,
            Key = row.EntityKey,
            Name = row.IdentityName ?? row.Name,
            Group = row.Group,
        };
        try
        {
            await tables.Entities.AddEntityAsync(entry, cancellationToken);
        }
        catch (RequestFailedException e) when (e.Status == 409)
        {
            // Listed already.
        }
        await named;
    }
}

using Azure;
using Pipeline.Entities;
using Pipeline.Storage.Rows;

namespace Pipeline.Storage;

/// <summary>
/// Keeps the <c>entities</c> table: one row per canonical entity with the number of articles mentioning it.
/// Counts move only when an (entity, article) index row is created or removed, so reprocessing never double-counts.
/// </summary>
public sealed class EntityCatalog(PipelineTables tables)
{
    private const int MaxAttempts = 20;

    public async Task AdjustAsync(string entityKey, EntityType type, string name, int delta, CancellationToken cancellationToken)
    {
        string partition = EntityKey.TypeName(type);
        string rowKey = TableKey.Encode(entityKey[(entityKey.IndexOf(':') + 1)..]);
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var existing = await tables.Entities.GetEntityIfExistsAsync<EntityCatalogRow>(partition, rowKey, cancellationToken: cancellationToken);
            try
            {
                if (!existing.HasValue)
                {
                    if (delta <= 0)
                    {
                        return;
                    }
                    await tables.Entities.AddEntityAsync(new EntityCatalogRow
                    {
                        PartitionKey = partition,
                        RowKey = rowKey,
                        Key = entityKey,
                        Name = TableLimits.Cut(name, 1_000),
                        ArticleCount = delta,
                    }, cancellationToken);
                    return;
                }
                var row = existing.Value!;
                row.ArticleCount += delta;
                if (row.ArticleCount <= 0)
                {
                    await tables.Entities.DeleteEntityAsync(partition, rowKey, row.ETag, cancellationToken);
                }
                else
                {
                    await tables.Entities.UpdateEntityAsync(row, row.ETag, Azure.Data.Tables.TableUpdateMode.Replace, cancellationToken);
                }
                return;
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412 or 404)
            {
                // Another writer moved first: read again and reapply the delta.
            }
        }
        throw new InvalidOperationException($"Could not update the catalog count of '{entityKey}' after {MaxAttempts} attempts.");
    }
}

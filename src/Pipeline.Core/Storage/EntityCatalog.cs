using Azure;
using Azure.Data.Tables;
using Pipeline.Entities;
using Pipeline.Storage.Rows;

namespace Pipeline.Storage;

/// <summary>
/// Keeps the <c>entities</c> table: one row per canonical entity with the number of articles mentioning it.
/// </summary>
/// <remarks>
/// A count is never incremented blindly: after an article adds or removes an entity's index row, the entity's
/// count is recounted from its <c>entityarticles</c> partition and written only if the catalog row did not change
/// since it was read (ETag). Every change is followed by a recount by whoever made it, so the last write always sees
/// every row; a crash before the recount is repaired when the retried trigger recounts (see <see cref="EntityArticleRow.Counted"/>).
/// The cost is one partition read per (entity, article) added or removed.
/// </remarks>
public sealed class EntityCatalog(PipelineTables tables)
{
    private const int MaxAttempts = 20;

    public async Task RecountAsync(string entityKey, EntityType type, string name, CancellationToken cancellationToken)
    {
        string partition = EntityKey.TypeName(type);
        string rowKey = TableKey.Encode(entityKey[(entityKey.IndexOf(':') + 1)..]);
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {IndexKeys.Entity(entityKey)}");
        for (int attempt = 0; attempt < MaxAttempts; attempt++)
        {
            // Read the catalog row first, then count: a write that lands between them makes our update fail (412).
            var existing = await tables.Entities.GetEntityIfExistsAsync<EntityCatalogRow>(partition, rowKey, cancellationToken: cancellationToken);
            int count = 0;
            await foreach (var _ in tables.EntityArticles.QueryAsync<TableEntity>(filter, maxPerPage: 1_000, select: ["RowKey"], cancellationToken: cancellationToken))
            {
                count++;
            }
            try
            {
                if (count == 0)
                {
                    if (existing.HasValue)
                    {
                        await tables.Entities.DeleteEntityAsync(partition, rowKey, existing.Value!.ETag, cancellationToken);
                    }
                }
                else if (!existing.HasValue)
                {
                    await tables.Entities.AddEntityAsync(new EntityCatalogRow
                    {
                        PartitionKey = partition,
                        RowKey = rowKey,
                        Key = entityKey,
                        Name = TableLimits.Cut(name, 1_000),
                        ArticleCount = count,
                    }, cancellationToken);
                }
                else if (existing.Value!.ArticleCount != count)
                {
                    var row = existing.Value;
                    row.ArticleCount = count;
                    await tables.Entities.UpdateEntityAsync(row, row.ETag, TableUpdateMode.Replace, cancellationToken);
                }
                return;
            }
            catch (RequestFailedException e) when (e.Status is 404 or 409 or 412)
            {
                // Another writer changed the row since we read it: read and count again.
            }
        }
        throw new InvalidOperationException($"Could not recount the catalog entry of '{entityKey}' after {MaxAttempts} attempts.");
    }
}

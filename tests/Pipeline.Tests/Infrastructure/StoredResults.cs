using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Articles;
using Pipeline.Entities;
using Pipeline.Evaluation.Hosting;
using Pipeline.Results;
using Pipeline.Storage;
using Pipeline.Storage.Rows;

namespace Pipeline.Tests.Infrastructure;

/// <summary>Counts what the tables hold for an article, and what a single clean run would have stored.</summary>
public sealed record StoredCounts(int ArticleEntities, int ArticleQuotes, int EntityIndex, int SpeakerIndex);

public static class StoredResults
{
    /// <summary>The pipeline's services against a storage account, without a host.</summary>
    /// <param name="settings">More configuration, as <c>("Recovery:UnseenAfter", "00:00:05")</c>.</param>
    public static ServiceProvider Services(string connectionString, params (string Key, string Value)[] settings)
    {
        var values = new Dictionary<string, string?> { ["AzureWebJobsStorage"] = connectionString };
        foreach (var (key, value) in settings)
        {
            values[key] = value;
        }
        return new ServiceCollection()
            .AddLogging()
            .AddPipeline(new ConfigurationBuilder().AddInMemoryCollection(values).Build())
            .BuildServiceProvider();
    }

    public static async Task<StoredCounts> CountAsync(PipelineTables tables, string articleId)
    {
        var byPartition = TableClient.CreateQueryFilter($"PartitionKey eq {articleId}");
        var byRow = TableClient.CreateQueryFilter($"RowKey eq {articleId}");
        return new StoredCounts(
            await CountAsync(tables.ArticleEntities, byPartition),
            await CountAsync(tables.ArticleQuotes, byPartition),
            await CountAsync(tables.EntityArticles, byRow),
            await CountAsync(tables.SpeakerQuotes, byRow));
    }

    /// <summary>What one clean run stores for this text: the extraction is deterministic.</summary>
    public static StoredCounts Expected(string blobName, string text)
    {
        var result = Seed.Extractor.Extract(ArticleParser.Parse(ArticleId.FromBlobName(blobName), blobName, text));
        int indexed = result.Entities.Count(e => e.Type != EntityType.Date);
        int speakers = result.Quotes.Where(q => SpeakerIndex.IsIndexable(q.Speaker)).Select(q => SpeakerIndex.Partition(q.Speaker!)).Distinct().Count();
        return new StoredCounts(result.Entities.Count, result.Quotes.Count, indexed, speakers);
    }

    /// <summary>What is left of an article: its row, result and index rows, stored texts. Empty after a removal.</summary>
    public static async Task<string> LeftOfAsync(IServiceProvider services, string articleId)
    {
        var tables = services.GetRequiredService<PipelineTables>();
        var left = new List<string>();
        if (await ArticleAsync(tables, articleId) is { } row)
        {
            left.Add($"article row ({row.Status})");
        }
        var counts = await CountAsync(tables, articleId);
        if (counts != new StoredCounts(0, 0, 0, 0))
        {
            left.Add(counts.ToString());
        }
        await foreach (var text in services.GetRequiredService<ArticleBlobs>().Texts.GetBlobsAsync(new Azure.Storage.Blobs.Models.GetBlobsOptions { Prefix = articleId + "/" }))
        {
            left.Add("text " + text.Name);
        }
        return string.Join(", ", left);
    }

    /// <summary>Entities whose article count differs from their index rows, and listed entities no article mentions.</summary>
    public static async Task<List<string>> CatalogErrorsAsync(IServiceProvider services)
    {
        var tables = services.GetRequiredService<PipelineTables>();
        var catalog = services.GetRequiredService<EntityCatalog>();
        var rowsPerEntity = new Dictionary<string, int>(StringComparer.Ordinal);
        var counted = new HashSet<string>(StringComparer.Ordinal);
        await foreach (var row in tables.EntityArticles.QueryAsync<TableEntity>(select: ["PartitionKey", "RowKey"]))
        {
            if (!row.RowKey.StartsWith(EntityCatalog.RowsEnd, StringComparison.Ordinal))
            {
                rowsPerEntity[row.PartitionKey] = rowsPerEntity.GetValueOrDefault(row.PartitionKey) + 1;
            }
            counted.Add(row.PartitionKey);
        }
        var errors = new List<string>();
        foreach (var partition in counted)
        {
            int count = await catalog.CountAsync(partition, CancellationToken.None);
            if (count != rowsPerEntity.GetValueOrDefault(partition))
            {
                errors.Add($"{partition}: count {count}, rows {rowsPerEntity.GetValueOrDefault(partition)}");
            }
        }
        await foreach (var entry in tables.Entities.QueryAsync<EntityCatalogRow>())
        {
            if (rowsPerEntity.GetValueOrDefault(IndexKeys.Entity(entry.Key)) == 0)
            {
                errors.Add($"{entry.Key}: listed, but no article mentions it");
            }
        }
        return errors;
    }

    public static async Task<ArticleRow?> ArticleAsync(PipelineTables tables, string articleId)
    {
        var row = await tables.Articles.GetEntityIfExistsAsync<ArticleRow>(articleId, ArticleRow.RowKeyValue);
        return row.HasValue ? row.Value : null;
    }

    private static async Task<int> CountAsync(TableClient table, string filter)
    {
        int count = 0;
        await foreach (var _ in table.QueryAsync<TableEntity>(filter, select: ["PartitionKey"]))
        {
            count++;
        }
        return count;
    }
}

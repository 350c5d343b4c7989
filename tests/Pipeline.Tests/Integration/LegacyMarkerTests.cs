using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Entities;
using Pipeline.Queries;
using Pipeline.Results;
using Pipeline.Storage;
using Pipeline.Storage.Rows;
using Pipeline.Tests.Infrastructure;
using Pipeline.Text;

namespace Pipeline.Tests.Integration;

/// <summary>
/// Index partitions written before each partition's marker row had its own RowKey (<c>~count</c> and <c>~version</c> in
/// every partition) keep their counts and their page versions, and move to the new RowKey on their next write.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class LegacyMarkerTests(PipelineFixture pipeline)
{
    private PipelineTables Tables => pipeline.Services.GetRequiredService<PipelineTables>();
    private EntityCatalog Catalog => pipeline.Services.GetRequiredService<EntityCatalog>();

    [Fact]
    public void Marker_row_keys_are_unique_per_partition_and_sort_after_the_rows()
    {
        string a = EntityCatalog.CountRowKey(IndexKeys.Entity("person:ann-lee")), b = EntityCatalog.CountRowKey(IndexKeys.Entity("person:bo-chen"));
        Assert.NotEqual(a, b);
        Assert.True(string.CompareOrdinal(a, EntityCatalog.RowsEnd) > 0);
        Assert.True(string.CompareOrdinal(IndexKeys.SpeakerVersionRowKey("ann-lee"), IndexKeys.SpeakerRowsEnd) > 0);
        // Article ids are encoded blob names: '~' only as an escape followed by two hex digits, never "~c" or "~v".
        string id = SafeKey.Encode("news/~count and ~version.txt");
        Assert.DoesNotContain("~c", id, StringComparison.Ordinal);
        Assert.DoesNotContain("~v", id, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_legacy_count_row_is_read_and_moved_to_its_own_key_by_the_next_write()
    {
        const string key = "organization:legacy-wire-service";
        string partition = IndexKeys.Entity(key);
        const string route = "/api/entities/Organization/Legacy%20Wire%20Service/articles";
        for (int i = 0; i < 3; i++)
        {
            await Tables.EntityArticles.UpsertEntityAsync(Row(partition, key, i));
        }
        await Tables.EntityArticles.UpsertEntityAsync(new TableEntity(partition, EntityCatalog.LegacyCountRowKey) { ["ArticleCount"] = 3 });

        Assert.Equal(3, await Catalog.CountAsync(partition, CancellationToken.None));
        Assert.Equal(3, await ArticlesServedAsync(route));
        Assert.Equal(3, await ArticlesServedAsync(route)); // from the page cache, under the legacy row's ETag

        await Catalog.AddArticleAsync(Row(partition, key, 3), CancellationToken.None);

        Assert.Equal(4, await Catalog.CountAsync(partition, CancellationToken.None));
        Assert.False((await Tables.EntityArticles.GetEntityIfExistsAsync<TableEntity>(partition, EntityCatalog.LegacyCountRowKey)).HasValue);
        var moved = await Tables.EntityArticles.GetEntityIfExistsAsync<TableEntity>(partition, EntityCatalog.CountRowKey(partition));
        Assert.Equal(4, moved.Value!.GetInt32("ArticleCount"));
        Assert.Equal(4, await ArticlesServedAsync(route)); // the version moved with the row: no stale page
    }

    [Fact]
    public async Task Removing_an_article_from_a_legacy_partition_uncounts_it_under_the_new_key()
    {
        const string key = "organization:legacy-press-agency";
        string partition = IndexKeys.Entity(key);
        for (int i = 0; i < 2; i++)
        {
            await Tables.EntityArticles.UpsertEntityAsync(Row(partition, key, i));
        }
        await Tables.EntityArticles.UpsertEntityAsync(new TableEntity(partition, EntityCatalog.LegacyCountRowKey) { ["ArticleCount"] = 2 });

        await Catalog.RemoveArticleAsync(key, Row(partition, key, 0).RowKey, keepGeneration: "g2", CancellationToken.None);

        Assert.Equal(1, await Catalog.CountAsync(partition, CancellationToken.None));
        Assert.False((await Tables.EntityArticles.GetEntityIfExistsAsync<TableEntity>(partition, EntityCatalog.LegacyCountRowKey)).HasValue);
    }

    [Fact]
    public async Task A_speaker_partition_with_a_legacy_marker_is_versioned_by_it_until_written_again()
    {
        const string speaker = "Legacy Spokesperson";
        string partition = SpeakerIndex.Partition(speaker);
        const string route = "/api/quotes?speaker=Legacy%20Spokesperson";
        await Tables.SpeakerQuotes.UpsertEntityAsync(Quotes(partition, "legacy~2Fone.txt", "The first thing."));
        await Tables.SpeakerQuotes.UpsertEntityAsync(new TableEntity(partition, IndexKeys.LegacySpeakerVersionRowKey));
        Assert.Equal(["The first thing."], await QuotesServedAsync(route));
        Assert.Equal(["The first thing."], await QuotesServedAsync(route)); // cached under the legacy marker's ETag

        // A write as the current version makes it: the row and the partition's own marker in one batch.
        await Tables.SpeakerQuotes.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, Quotes(partition, "legacy~2Ftwo.txt", "The second thing.")),
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, new TableEntity(partition, IndexKeys.SpeakerVersionRowKey(partition))),
        ]);
        Assert.Equal(["The first thing.", "The second thing."], await QuotesServedAsync(route));
    }

    private static EntityArticleRow Row(string partition, string key, int i) => new()
    {
        PartitionKey = partition, RowKey = $"legacy~2Farticle-{i:D3}.txt", Generation = "g1", EntityKey = key,
        Name = "Legacy", Type = "organization", MentionCount = 1,
    };

    private static SpeakerQuotesRow Quotes(string partition, string articleId, string text) => new()
    {
        PartitionKey = partition, RowKey = articleId, Generation = "g1", Speaker = "Legacy Spokesperson", QuoteCount = 1,
        QuotesJson = RowMapping.SerializeQuotes([new QuoteDto(text, false, "direct", "Legacy Spokesperson", null, null, "said", 0, text.Length, [], 0)], out _),
    };

    private async Task<int> ArticlesServedAsync(string route)
    {
        using var response = await pipeline.Http.GetAsync(route);
        Assert.True(response.IsSuccessStatusCode, $"{route}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return json.RootElement.GetProperty("items").GetArrayLength();
    }

    private async Task<List<string>> QuotesServedAsync(string route)
    {
        using var response = await pipeline.Http.GetAsync(route);
        Assert.True(response.IsSuccessStatusCode, $"{route}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        using var json = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var texts = new List<string>();
        foreach (var item in json.RootElement.GetProperty("items").EnumerateArray())
        {
            texts.Add(item.GetProperty("quote").GetProperty("text").GetString()!);
        }
        return texts;
    }
}

using Microsoft.Extensions.DependencyInjection;
using Pipeline.Articles;
using Pipeline.Entities;
using Pipeline.Results;
using Pipeline.Storage;
using Pipeline.Storage.Rows;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Integration;

/// <summary>The trigger delivers at least once: repeats change nothing, new content replaces old content entirely.</summary>
[Collection(PipelineCollection.Name)]
public sealed class IdempotencyTests(PipelineFixture pipeline)
{
    private PipelineTables Tables => pipeline.Services.GetRequiredService<PipelineTables>();

    private const string First =
        "Harbour talks stall\nSarah Mitchell said the harbour in Trondheim would stay closed until Friday.\n" +
        "We will not reopen until it is safe, Sarah Mitchell said.\n";

    private const string Second =
        "Harbour reopens\nPeter Lindqvist said the harbour in Bergen reopened on Monday.\n" +
        "It was a long week for everyone, Peter Lindqvist said.\n";

    [Fact]
    public async Task The_same_content_processed_again_changes_nothing()
    {
        const string name = "idempotency/same.txt";
        Assert.Equal(1, (await pipeline.UploadAndWaitAsync(name, First)).Succeeded);
        var id = ArticleId.FromBlobName(name);
        var before = await StoredResults.CountAsync(Tables, id);
        var rowBefore = (await StoredResults.ArticleAsync(Tables, id))!;
        Assert.Equal(StoredResults.Expected(name, First), before);
        int mitchell = await CatalogCountAsync("person:sarah-mitchell");
        Assert.True(mitchell >= 1);

        // The trigger fires again (a new ETag on the same bytes), as a duplicate delivery would.
        Assert.Null(await pipeline.Blobs.ReuploadAsync(name, CancellationToken.None));
        Assert.Equal(1, (await pipeline.Monitor.WaitAsync([name], TimeSpan.FromSeconds(60), null, CancellationToken.None)).Succeeded);

        var rowAfter = (await StoredResults.ArticleAsync(Tables, id))!;
        Assert.NotEqual(rowBefore.BlobETag, rowAfter.BlobETag);
        Assert.Equal(rowBefore.Generation, rowAfter.Generation);
        Assert.Equal(rowBefore.ContentHash, rowAfter.ContentHash);
        Assert.Equal(before, await StoredResults.CountAsync(Tables, id));
        Assert.Equal(mitchell, await CatalogCountAsync("person:sarah-mitchell")); // counted once, not twice
    }

    [Fact]
    public async Task Changed_content_replaces_every_result_row_and_index_entry()
    {
        const string name = "idempotency/changed.txt";
        var id = ArticleId.FromBlobName(name);
        Assert.Equal(1, (await pipeline.UploadAndWaitAsync(name, First)).Succeeded);
        var firstGeneration = (await StoredResults.ArticleAsync(Tables, id))!.Generation;
        // Other tests' articles may mention her too (one Azurite for the class): compare with the count before.
        int mitchellBefore = await CatalogCountAsync("person:sarah-mitchell");
        int lindqvistBefore = await CatalogCountAsync("person:peter-lindqvist");

        Assert.Equal(1, (await pipeline.UploadAndWaitAsync(name, Second)).Succeeded);
        var row = (await StoredResults.ArticleAsync(Tables, id))!;
        Assert.NotEqual(firstGeneration, row.Generation);
        Assert.Equal("Harbour reopens", row.Title);
        Assert.Equal(StoredResults.Expected(name, Second), await StoredResults.CountAsync(Tables, id));

        // Nothing of the first version is left: not in the article's rows, the indexes or the catalog.
        Assert.False((await Tables.EntityArticles.GetEntityIfExistsAsync<EntityArticleRow>(IndexKeys.Entity("person:sarah-mitchell"), id)).HasValue);
        Assert.False((await Tables.SpeakerQuotes.GetEntityIfExistsAsync<SpeakerQuotesRow>(SpeakerIndex.Partition("Sarah Mitchell"), id)).HasValue);
        Assert.True((await Tables.SpeakerQuotes.GetEntityIfExistsAsync<SpeakerQuotesRow>(SpeakerIndex.Partition("Peter Lindqvist"), id)).HasValue);
        Assert.Equal(lindqvistBefore + 1, await CatalogCountAsync("person:peter-lindqvist"));
        Assert.Equal(mitchellBefore - 1, await CatalogCountAsync("person:sarah-mitchell"));
    }

    [Fact]
    public async Task Answers_read_before_a_change_are_never_served_after_it()
    {
        const string name = "idempotency/served.txt";
        var id = ArticleId.FromBlobName(name);
        string[] routes = [$"/api/articles/{id}", $"/api/articles/{id}/quotes", "/api/quotes?speaker=Sarah%20Mitchell", "/api/entities/Person/Sarah%20Mitchell/articles"];

        Assert.Equal(1, (await pipeline.UploadAndWaitAsync(name, First)).Succeeded);
        await AssertServesAsync(routes, mitchell: true);

        // New content, then the first content again: its rows are written anew under the generation it had before.
        Assert.Equal(1, (await pipeline.UploadAndWaitAsync(name, Second)).Succeeded);
        await AssertServesAsync(routes, mitchell: false);
        Assert.Equal(1, (await pipeline.UploadAndWaitAsync(name, First)).Succeeded);
        await AssertServesAsync(routes, mitchell: true);
    }

    /// <summary>
    /// Each route, asked twice (the second answer may come from the page cache), shows this article with Sarah
    /// Mitchell's quote, or does not: the article's own routes by the quote's text, the cross-article ones by its id
    /// (other tests' articles may quote her too).
    /// </summary>
    private async Task AssertServesAsync(string[] routes, bool mitchell)
    {
        for (int round = 1; round <= 2; round++)
        {
            foreach (var route in routes)
            {
                using var response = await pipeline.Http.GetAsync(route);
                string body = await response.Content.ReadAsStringAsync();
                string evidence = route.StartsWith("/api/articles/", StringComparison.Ordinal) ? "We will not reopen until it is safe" : "idempotency~2Fserved.txt";
                bool shown = response.IsSuccessStatusCode && body.Contains(evidence, StringComparison.Ordinal);
                Assert.True(shown == mitchell, $"{route} (round {round}) after the {(mitchell ? "first" : "second")} content: {(int)response.StatusCode} {body}");
            }
        }
    }

    [Fact]
    public async Task Articles_counted_at_once_for_one_entity_are_each_counted_once()
    {
        // 150 articles mention one entity at the same time (more than a batch holds), two of them twice (a trigger and
        // the sweep at once), and one was counted before: the count is exact, and the entity is listed.
        const string key = "organization:concurrent-news-network";
        string partition = IndexKeys.Entity(key);
        var catalog = pipeline.Services.GetRequiredService<EntityCatalog>();
        EntityArticleRow Row(int i) => new()
        {
            PartitionKey = partition, RowKey = $"concurrent~2Farticle-{i:D3}.txt", Generation = "g1", EntityKey = key,
            Name = "Concurrent News Network", Type = "organization", MentionCount = 1,
        };
        await catalog.AddArticleAsync(Row(0), CancellationToken.None);

        var adds = new List<Task>();
        for (int i = 0; i < 150; i++)
        {
            var row = Row(i);
            adds.Add(Task.Run(() => catalog.AddArticleAsync(row, CancellationToken.None)));
        }
        adds.Add(Task.Run(() => catalog.AddArticleAsync(Row(7), CancellationToken.None)));
        adds.Add(Task.Run(() => catalog.AddArticleAsync(Row(8), CancellationToken.None)));
        await Task.WhenAll(adds);

        Assert.Equal(150, await CatalogCountAsync(key));
        int rows = 0;
        await foreach (var _ in Tables.EntityArticles.QueryAsync<Azure.Data.Tables.TableEntity>(
            Azure.Data.Tables.TableClient.CreateQueryFilter($"PartitionKey eq {partition} and RowKey lt {EntityCatalog.RowsEnd}")))
        {
            rows++;
        }
        Assert.Equal(150, rows);
        Assert.True((await Tables.Entities.GetEntityIfExistsAsync<EntityCatalogRow>("organization", "concurrent-news-network")).HasValue);
    }

    private Task<int> CatalogCountAsync(string key) =>
        pipeline.Services.GetRequiredService<EntityCatalog>().CountAsync(IndexKeys.Entity(key), CancellationToken.None);
}

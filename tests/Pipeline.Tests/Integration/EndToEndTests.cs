using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.LocalHost;
using Pipeline.Recovery;
using Pipeline.Processing;
using Pipeline.Storage;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Integration;

/// <summary>What a new user does: upload the seed into Azurite, let the local host process it, query every route.</summary>
[Collection(PipelineCollection.Name)]
public sealed class EndToEndTests(PipelineFixture pipeline)
{
    private const string SeedId = PipelineFixture.SeedBlobName;

    [Fact]
    public async Task Seed_is_processed_and_listed_with_its_metadata()
    {
        var snapshot = await pipeline.EnsureSeedAsync();
        Assert.True(snapshot.IsDone, "the seed was not processed in time");
        Assert.Equal(1, snapshot.Succeeded);

        var list = await GetJsonAsync("/api/articles?top=1000");
        var seed = list.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetString() == SeedId);
        Assert.Equal("Biden and Netanyahu speak for the first time in a month amid deepening rifts", seed.GetProperty("title").GetString());
        Assert.Equal("2024-03-19", seed.GetProperty("published").GetString());
        Assert.Equal("International", seed.GetProperty("section").GetString());
        Assert.Equal("Washington", seed.GetProperty("dateline").GetString());
        Assert.Equal("CNN", seed.GetProperty("source").GetString());
        Assert.Equal("succeeded", seed.GetProperty("status").GetString());
        Assert.True(seed.GetProperty("entityCount").GetInt32() > 5);
        Assert.True(seed.GetProperty("quoteCount").GetInt32() > 3);
    }

    [Fact]
    public async Task An_article_without_a_date_is_served_with_published_null_as_every_absent_value()
    {
        const string name = "undated/note.txt";
        await pipeline.UploadAndWaitAsync(name, "An undated note\nThe harbour in Tromsø reopened, officials said.\n");
        string id = Pipeline.Articles.ArticleId.FromBlobName(name);
        var detail = await GetJsonAsync($"/api/articles/{id}");
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("published").ValueKind);
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("section").ValueKind);
        var listed = (await GetJsonAsync("/api/articles?top=1000")).GetProperty("items").EnumerateArray()
            .Single(a => a.GetProperty("id").GetString() == id);
        Assert.Equal(JsonValueKind.Null, listed.GetProperty("published").ValueKind);
    }

    [Fact]
    public async Task Article_detail_carries_summary_entities_and_quotes_with_offsets_into_the_text()
    {
        await pipeline.EnsureSeedAsync();
        var text = Repository.SeedText;
        var detail = await GetJsonAsync($"/api/articles/{SeedId}");

        Assert.Equal(SeedId, detail.GetProperty("id").GetString());
        var summary = detail.GetProperty("summary").EnumerateArray().ToList();
        Assert.Equal(3, summary.Count);
        foreach (var sentence in summary)
        {
            Assert.Equal(sentence.GetProperty("text").GetString(), Slice(text, sentence));
        }
        var quotes = detail.GetProperty("quotes").EnumerateArray().ToList();
        Assert.NotEmpty(quotes);
        foreach (var quote in quotes)
        {
            var parts = quote.GetProperty("parts").EnumerateArray().Select(p => Slice(text, p));
            Assert.Equal(quote.GetProperty("text").GetString(), string.Join(" ", parts));
        }
        var phrases = detail.GetProperty("keyPhrases").EnumerateArray().Select(p => p.GetProperty("text").GetString()!).ToList();
        Assert.Contains("Rafah", phrases);
        Assert.Contains(phrases, p => p.Contains("humanitarian aid", StringComparison.OrdinalIgnoreCase) || p.Contains("ceasefire", StringComparison.OrdinalIgnoreCase));
        var entities = detail.GetProperty("entities").EnumerateArray().ToList();
        var biden = Assert.Single(entities, e => e.GetProperty("key").GetString() == "person:joe-biden");
        foreach (var mention in biden.GetProperty("mentions").EnumerateArray())
        {
            Assert.Contains("Biden", Slice(text, mention));
        }
    }

    [Fact]
    public async Task Sub_routes_serve_entities_quotes_and_a_summary_of_the_requested_length()
    {
        await pipeline.EnsureSeedAsync();
        var entities = await GetJsonAsync($"/api/articles/{SeedId}/entities?top=2");
        Assert.Equal(2, entities.GetProperty("items").GetArrayLength());
        var next = entities.GetProperty("continuationToken").GetString();
        Assert.False(string.IsNullOrEmpty(next));
        var page2 = await GetJsonAsync($"/api/articles/{SeedId}/entities?top=2&continuationToken={Uri.EscapeDataString(next!)}");
        Assert.NotEqual(
            entities.GetProperty("items")[0].GetProperty("key").GetString(),
            page2.GetProperty("items")[0].GetProperty("key").GetString());

        var quotes = await GetJsonAsync($"/api/articles/{SeedId}/quotes");
        Assert.True(quotes.GetProperty("items").GetArrayLength() > 3);

        var summary = await GetJsonAsync($"/api/articles/{SeedId}/summary?sentences=2");
        var sentences = summary.GetProperty("sentences").EnumerateArray().Select(s => s.GetProperty("index").GetInt32()).ToList();
        Assert.Equal(2, sentences.Count);
        Assert.True(sentences[0] < sentences[1], "summary sentences come in document order");
    }

    [Fact]
    public async Task Entities_of_type_person_include_Biden_and_Netanyahu_and_lead_to_the_seed()
    {
        await pipeline.EnsureSeedAsync();
        var people = await GetJsonAsync("/api/entities?type=Person&top=1000");
        var names = people.GetProperty("items").EnumerateArray().Select(e => e.GetProperty("name").GetString()).ToList();
        Assert.Contains("Joe Biden", names);
        Assert.Contains("Benjamin Netanyahu", names);
        Assert.All(people.GetProperty("items").EnumerateArray(), e => Assert.Equal("Person", e.GetProperty("type").GetString()));

        var byPrefix = await GetJsonAsync("/api/entities?type=person&prefix=Ben");
        Assert.Contains(byPrefix.GetProperty("items").EnumerateArray(), e => e.GetProperty("name").GetString() == "Benjamin Netanyahu");

        var articles = await GetJsonAsync("/api/entities/Person/Joe%20Biden/articles");
        Assert.Contains(articles.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetString() == SeedId);
    }

    [Fact]
    public async Task Quotes_by_Jake_Sullivan_come_from_the_seed()
    {
        await pipeline.EnsureSeedAsync();
        var quotes = await GetJsonAsync("/api/quotes?speaker=Jake%20Sullivan");
        var items = quotes.GetProperty("items").EnumerateArray().ToList();
        Assert.NotEmpty(items);
        Assert.All(items, q =>
        {
            Assert.Equal(SeedId, q.GetProperty("articleId").GetString());
            Assert.Equal("Jake Sullivan", q.GetProperty("quote").GetProperty("speaker").GetString());
        });
    }

    [Fact]
    public async Task A_new_file_in_the_container_is_queryable_within_seconds()
    {
        var name = $"e2e/new-{Guid.NewGuid():N}.txt";
        var watch = Stopwatch.StartNew();
        var snapshot = await pipeline.UploadAndWaitAsync(name,
            "Storm closes harbour\nThe harbour in Dover was closed on Friday, officials said.\nWe will reopen as soon as it is safe, harbour master Jane Smith said.",
            TimeSpan.FromSeconds(20));
        Assert.Equal(1, snapshot.Succeeded);
        var id = name.Replace("/", "~2F");
        var detail = await GetJsonAsync($"/api/articles/{id}");
        watch.Stop();
        Assert.Equal("Storm closes harbour", detail.GetProperty("title").GetString());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(15), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task The_sweep_reads_the_receipts_the_scan_trigger_leaves()
    {
        // The scan may skip a blob written while it lists (then the sweep processes it, with no receipt), so one of three.
        var receipts = pipeline.Services.GetRequiredService<ITriggerReceipts>();
        var found = new List<bool>();
        for (int i = 0; i < 3 && !found.Contains(true); i++)
        {
            var name = $"receipts/a b-{Guid.NewGuid():N}.txt";
            Assert.Equal(1, (await pipeline.UploadAndWaitAsync(name, "Harbour reopens\nWe are open again, harbour master Jane Smith said.")).Succeeded);
            var etag = ArticleBlobs.NormalizeETag((await pipeline.Blobs.Container.GetBlobClient(name).GetPropertiesAsync()).Value.ETag);
            found.Add((await receipts.SeenAsync(CancellationToken.None))!.Contains(TriggerReceipts.Key(name, etag)));
        }
        Assert.Contains(true, found);
    }

    [Theory]
    [InlineData("/api/articles/no-such-article.txt", HttpStatusCode.NotFound)]
    [InlineData("/api/articles/no-such-article.txt/entities", HttpStatusCode.NotFound)]
    [InlineData("/api/articles/no-such-article.txt/summary", HttpStatusCode.NotFound)]
    [InlineData("/api/articles/bad%20id", HttpStatusCode.BadRequest)]
    [InlineData("/api/articles?top=0", HttpStatusCode.BadRequest)]
    [InlineData("/api/articles?top=1001", HttpStatusCode.BadRequest)]
    [InlineData("/api/articles?top=ten", HttpStatusCode.BadRequest)]
    [InlineData("/api/articles?continuationToken=not-a-token", HttpStatusCode.BadRequest)]
    [InlineData("/api/articles?status=lost", HttpStatusCode.BadRequest)]
    [InlineData("/api/articles/000_09b943ff63819a7c.txt/summary?sentences=0", HttpStatusCode.BadRequest)]
    [InlineData("/api/articles/000_09b943ff63819a7c.txt/summary?sentences=99", HttpStatusCode.BadRequest)]
    [InlineData("/api/entities?type=Planet", HttpStatusCode.BadRequest)]
    [InlineData("/api/entities/Planet/Mars/articles", HttpStatusCode.BadRequest)]
    [InlineData("/api/entities/Person/Nobody%20Atall/articles", HttpStatusCode.NotFound)]
    [InlineData("/api/quotes", HttpStatusCode.BadRequest)]
    [InlineData("/api/quotes?speaker=%27%20or%20PartitionKey%20ne%20%27", HttpStatusCode.OK)]
    [InlineData("/api/nothing-here", HttpStatusCode.NotFound)]
    public async Task Bad_requests_get_a_problem_document_not_a_500(string path, HttpStatusCode expected)
    {
        await pipeline.EnsureSeedAsync();
        using var response = await pipeline.Http.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
        if (expected != HttpStatusCode.OK)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.Equal((int)expected, problem.GetProperty("status").GetInt32());
            Assert.False(string.IsNullOrEmpty(problem.GetProperty("detail").GetString()));
        }
    }

    [Theory]
    [InlineData("search=netanyahu", true)]
    [InlineData("search=NETANYAHU%20speak", true)]
    [InlineData("search=no-such-words", false)]
    [InlineData("section=International", true)]
    [InlineData("section=Sport", false)]
    [InlineData("from=2024-03-19&to=2024-03-19", true)]
    [InlineData("from=2024-03-20", false)]
    [InlineData("status=succeeded&search=biden", true)]
    public async Task The_article_list_filters_by_title_section_date_and_status(string query, bool seedListed)
    {
        await pipeline.EnsureSeedAsync();
        var list = await GetJsonAsync($"/api/articles?top=1000&{query}");
        Assert.Equal(seedListed, list.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("id").GetString() == SeedId));
    }

    [Theory]
    [InlineData("from=2024-13-01")]
    [InlineData("to=yesterday")]
    [InlineData("from=2024-3-1")]
    public async Task Malformed_dates_are_refused(string query)
    {
        using var response = await pipeline.Http.GetAsync($"/api/articles?{query}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_continuation_token_from_one_query_is_refused_by_another()
    {
        await pipeline.EnsureSeedAsync();
        var entities = await GetJsonAsync($"/api/articles/{SeedId}/entities?top=1");
        var token = Uri.EscapeDataString(entities.GetProperty("continuationToken").GetString()!);
        using var response = await pipeline.Http.GetAsync($"/api/articles/{SeedId}/quotes?continuationToken={token}");
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var tampered = await pipeline.Http.GetAsync($"/api/articles/{SeedId}/entities?continuationToken={token}x");
        Assert.Equal(HttpStatusCode.BadRequest, tampered.StatusCode);
    }

    [Fact]
    public async Task Every_http_function_of_the_functions_app_answers_on_the_local_host()
    {
        await pipeline.EnsureSeedAsync();
        var functions = Pipeline.Functions.Http.HttpFunction.Discover(typeof(Pipeline.Functions.ProcessArticle).Assembly);
        Assert.True(functions.Count >= 9);
        foreach (var function in functions)
        {
            var path = "/api/" + function.Route
                .Replace("{id}", SeedId).Replace("{type}", "Person").Replace("{name}", "Joe Biden").Replace("{*path}", "");
            var query = function.Name == "ListQuotes" ? "?speaker=Jake%20Sullivan" : "";
            using var response = await pipeline.Http.GetAsync(path + query);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{function.Name} at {path} answered {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Health_reports_reachable_storage()
    {
        var health = await GetJsonAsync("/api/health");
        Assert.Equal("healthy", health.GetProperty("status").GetString());
    }

    private async Task<JsonElement> GetJsonAsync(string path)
    {
        using var response = await pipeline.Http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"GET {path} answered {(int)response.StatusCode}: {body}");
        return JsonDocument.Parse(body).RootElement.Clone();
    }

    private static string Slice(string text, JsonElement item) =>
        text[item.GetProperty("start").GetInt32()..item.GetProperty("end").GetInt32()];
}

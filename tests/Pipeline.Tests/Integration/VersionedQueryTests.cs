using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Azure.Data.Tables;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Articles;
using Pipeline.Queries;
using Pipeline.Results;
using Pipeline.Storage;
using Pipeline.Storage.Rows;
using Pipeline.Tests.Infrastructure;
using Pipeline.Text;

namespace Pipeline.Tests.Integration;

/// <summary>
/// Answers kept in memory stay exact: the entity list at the catalog's version (<see cref="CatalogVersion"/>), a name
/// group at its marker's, and a speaker partition that does not exist yet at <see cref="PartitionMarkers.Unmarked"/>,
/// each served again only while nothing they read has changed.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class VersionedQueryTests(PipelineFixture pipeline)
{
    private static readonly TimeSpan Seconds = TimeSpan.FromSeconds(30);

    private PipelineTables Tables => pipeline.Services.GetRequiredService<PipelineTables>();
    private CatalogVersion Version => pipeline.Services.GetRequiredService<CatalogVersion>();

    [Fact]
    public async Task The_entity_list_follows_every_upload_and_deletion_through_its_cache()
    {
        const string first = "versioned/first.txt", second = "versioned/second.txt", surname = "versioned/surname.txt";
        await pipeline.UploadAndWaitAsync(first, "Harbour plans\n\"The harbour opens in May,\" Halvard Fjellstad said in Tromsø on Monday.\n");
        Assert.Equal(1, await ListedCountAsync("Halvard Fjellstad"));
        Assert.Equal(1, await ListedCountAsync("Halvard Fjellstad")); // served again, unchanged

        await pipeline.UploadAndWaitAsync(second, "Harbour costs\n\"It is worth every krone,\" Halvard Fjellstad said in Tromsø on Tuesday.\n");
        Assert.Equal(2, await ListedCountAsync("Halvard Fjellstad"));

        // A surname alone, uploaded last, joins the one full name the corpus holds, and is counted with it.
        await pipeline.UploadAndWaitAsync(surname, "Harbour opens\nThe harbour opened on Friday.\n\"We are ready,\" Fjellstad said after the ceremony.\n");
        Assert.Equal(3, await ListedCountAsync("Halvard Fjellstad"));

        await DeleteAsync(first);
        Assert.Equal(2, await ListedCountAsync("Halvard Fjellstad"));
        await DeleteAsync(second);
        await DeleteAsync(surname);
        Assert.Empty(await ListAsync("/api/entities?type=Person&prefix=Halvard"));
    }

    [Fact]
    public async Task While_a_write_is_under_way_the_list_is_read_afresh_and_its_end_moves_the_version()
    {
        const string key = "person:ragnhild-underway";
        var before = await Version.ReadAsync(CancellationToken.None);
        Assert.NotNull(before);
        Assert.Empty(await ListAsync("/api/entities?type=Person&prefix=Ragnhild"));

        await Version.WritingAsync("versioned~2Funderway.txt", async () =>
        {
            Assert.Null(await Version.ReadAsync(CancellationToken.None));
            await pipeline.Services.GetRequiredService<EntityCatalog>().AddArticleAsync(Row(key, "Ragnhild Underway"), CancellationToken.None);
            Assert.Equal(1, await ListedCountAsync("Ragnhild Underway"));
        }, CancellationToken.None);

        var after = await Version.ReadAsync(CancellationToken.None);
        Assert.NotNull(after);
        Assert.NotEqual(before, after);
        Assert.Equal(1, await ListedCountAsync("Ragnhild Underway"));

        await Version.WritingAsync("versioned~2Funderway.txt", () =>
            pipeline.Services.GetRequiredService<EntityCatalog>().RemoveArticleAsync(key, "versioned~2Funderway.txt", null, CancellationToken.None), CancellationToken.None);
        Assert.Equal(0, await ListedCountAsync("Ragnhild Underway"));
    }

    [Fact]
    public async Task A_write_that_fails_still_ends()
    {
        await Assert.ThrowsAsync<InvalidOperationException>(() =>
            Version.WritingAsync("versioned~2Ffailing.txt", () => throw new InvalidOperationException("failed half-way"), CancellationToken.None));
        Assert.NotNull(await Version.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task A_name_group_is_versioned_by_its_marker_row_which_every_change_rewrites()
    {
        const string name = "versioned/group.txt";
        string group = SafeKey.Encode("person|brattvold");
        await pipeline.UploadAndWaitAsync(name, "Ferry routes\nAnne Brattvold was named ferry director on Monday.\n\"New routes start in June,\" Anne Brattvold said.\n");
        var marker = await Tables.EntityNames.GetEntityAsync<TableEntity>(group, IndexKeys.NamesVersionRowKey(group));
        Assert.Equal("Anne Brattvold", await IdentityNameAsync("Brattvold"));

        await DeleteAsync(name);

        var moved = await Tables.EntityNames.GetEntityAsync<TableEntity>(group, IndexKeys.NamesVersionRowKey(group));
        Assert.NotEqual(marker.Value.ETag, moved.Value.ETag);
        Assert.Equal("Brattvold", await IdentityNameAsync("Brattvold")); // no longer joined to a full name
    }

    [Fact]
    public async Task A_speaker_partition_asked_for_before_it_exists_shows_its_first_quotes()
    {
        string partition = SpeakerIndex.Partition("Mr. Quillfeather");
        const string route = "/api/quotes?speaker=Mr.%20Quillfeather";
        Assert.Empty(await ListAsync(route));
        Assert.Empty(await ListAsync(route)); // the missing partition, served again at its one version

        // Written as this version writes: the row and the partition's own marker in one batch.
        await Tables.SpeakerQuotes.SubmitTransactionAsync(
        [
            new TableTransactionAction(TableTransactionActionType.UpsertReplace, new SpeakerQuotesRow
            {
                PartitionKey = partition, RowKey = "versioned~2Fquill.txt", Generation = "g1", Speaker = "Mr. Quillfeather", QuoteCount = 1,
                QuotesJson = RowMapping.SerializeQuotes(
                    [new QuoteDto("Ink is cheap.", false, "direct", "Mr. Quillfeather", null, null, "said", 0, 13, [], 0)], out _),
            }),
            PartitionMarkers.Touch(partition, IndexKeys.SpeakerVersionRowKey(partition)),
        ]);
        Assert.Single(await ListAsync(route));
    }

    private static EntityArticleRow Row(string key, string name) => new()
    {
        PartitionKey = IndexKeys.Entity(key), RowKey = "versioned~2Funderway.txt", Generation = "g1", EntityKey = key,
        Name = name, IdentityName = name, Type = "Person", MentionCount = 1,
    };

    private async Task DeleteAsync(string blobName)
    {
        await pipeline.Blobs.Container.DeleteBlobAsync(blobName);
        var deadline = DateTime.UtcNow + Seconds;
        string id = Uri.EscapeDataString(ArticleId.FromBlobName(blobName));
        while ((await pipeline.Http.GetAsync($"/api/articles/{id}")).StatusCode != HttpStatusCode.NotFound)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{blobName} was still served {Seconds.TotalSeconds} s after its blob was deleted");
            await Task.Delay(250);
        }
    }

    private async Task<int> ListedCountAsync(string name)
    {
        var listed = await ListAsync($"/api/entities?type=Person&prefix={Uri.EscapeDataString(name.Split(' ')[0])}");
        return listed.Where(e => e.GetProperty("name").GetString() == name).Select(e => e.GetProperty("articleCount").GetInt32()).SingleOrDefault();
    }

    private async Task<string?> IdentityNameAsync(string speaker)
    {
        using var response = await pipeline.Http.GetAsync($"/api/quotes?speaker={Uri.EscapeDataString(speaker)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        return page.GetProperty("identity").GetProperty("name").GetString();
    }

    private async Task<List<JsonElement>> ListAsync(string path)
    {
        using var response = await pipeline.Http.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. page.GetProperty("items").EnumerateArray()];
    }
}

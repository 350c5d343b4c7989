using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Pipeline.Articles;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Integration;

/// <summary>Deleting a blob retracts its article: within seconds nothing of it is in any answer, and counts go down.</summary>
[Collection(PipelineCollection.Name)]
public sealed class DeletionTests(PipelineFixture pipeline)
{
    private static readonly TimeSpan Seconds = TimeSpan.FromSeconds(30);

    private static string Article(string unique, string shared) =>
        $"A title about {unique}\n{unique} met {shared} in Oslo on Monday.\n\"We will keep talking,\" {unique} said after the meeting.\n";

    [Fact]
    public async Task Deleting_a_blob_removes_the_article_its_results_its_index_rows_and_its_share_of_every_count()
    {
        const string kept = "deletion/kept.txt", removed = "deletion/removed.txt";
        await pipeline.UploadAndWaitAsync(kept, Article("Ingrid Solbakken", "Torvald Brekke"));
        await pipeline.UploadAndWaitAsync(removed, Article("Magnhild Aasheim", "Torvald Brekke"));
        Assert.Equal(2, await ArticleCountAsync("Person", "Torvald Brekke"));
        Assert.NotEmpty(await SpeakerQuotesAsync("Magnhild Aasheim"));

        await pipeline.Blobs.Container.DeleteBlobAsync(removed);
        await WaitUntilGoneAsync(removed);

        string id = ArticleId.FromBlobName(removed);
        Assert.Equal(HttpStatusCode.NotFound, (await pipeline.Http.GetAsync($"/api/articles/{id}/entities")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await pipeline.Http.GetAsync($"/api/articles/{id}/text")).StatusCode);
        Assert.DoesNotContain(await ListAsync("/api/articles?top=1000"), a => a.GetProperty("id").GetString() == id);
        Assert.Equal(1, await ArticleCountAsync("Person", "Torvald Brekke"));
        Assert.Equal(HttpStatusCode.NotFound, (await pipeline.Http.GetAsync("/api/entities/Person/Magnhild%20Aasheim/articles")).StatusCode);
        Assert.Empty(await ListAsync("/api/entities?type=Person&prefix=Magnhild"));
        Assert.Empty(await SpeakerQuotesAsync("Magnhild Aasheim"));
        Assert.Equal("", await StoredResults.LeftOfAsync(pipeline.Services, id));
        Assert.NotEmpty(await SpeakerQuotesAsync("Ingrid Solbakken"));
    }

    [Fact]
    public async Task An_article_uploaded_again_after_its_deletion_is_processed_again()
    {
        const string name = "deletion/again.txt";
        var text = Article("Sigrun Haugland", "Eirik Vatne");
        await pipeline.UploadAndWaitAsync(name, text);
        await pipeline.Blobs.Container.DeleteBlobAsync(name);
        await WaitUntilGoneAsync(name);

        var snapshot = await pipeline.UploadAndWaitAsync(name, text);

        Assert.Equal(1, snapshot.Succeeded);
        Assert.Equal(1, await ArticleCountAsync("Person", "Sigrun Haugland"));
        Assert.NotEmpty(await SpeakerQuotesAsync("Sigrun Haugland"));
    }

    private async Task WaitUntilGoneAsync(string blobName)
    {
        var deadline = DateTime.UtcNow + Seconds;
        string id = Uri.EscapeDataString(ArticleId.FromBlobName(blobName));
        while ((await pipeline.Http.GetAsync($"/api/articles/{id}")).StatusCode != HttpStatusCode.NotFound)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{blobName} was still served {Seconds.TotalSeconds} s after its blob was deleted");
            await Task.Delay(250);
        }
    }

    private async Task<int> ArticleCountAsync(string type, string name)
    {
        var listed = await ListAsync($"/api/entities?type={type}&prefix={Uri.EscapeDataString(name)}");
        return listed.Where(e => e.GetProperty("name").GetString() == name).Select(e => e.GetProperty("articleCount").GetInt32()).SingleOrDefault();
    }

    private Task<List<JsonElement>> SpeakerQuotesAsync(string speaker) => ListAsync($"/api/quotes?speaker={Uri.EscapeDataString(speaker)}");

    private async Task<List<JsonElement>> ListAsync(string path)
    {
        using var response = await pipeline.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        return [.. page.GetProperty("items").EnumerateArray()];
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Pipeline.Articles;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Integration;

/// <summary>
/// One person, one name across the corpus: a surname-only article uploaded before the full name is found under the
/// full name once it arrives; two people who share a surname never merge; the names of one place are one place.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class IdentityTests(PipelineFixture pipeline)
{
    [Fact]
    public async Task A_surname_only_article_uploaded_first_is_found_under_the_full_name_uploaded_later()
    {
        await pipeline.UploadAndWaitAsync("identity/surname-first.txt",
            "Talks resume\nThe talks resumed in Oslo on Monday.\n\"We will keep talking,\" Rasmussen said after the meeting.\n");
        Assert.DoesNotContain("identity~2Fsurname-first.txt", Ids(await GetAsync("/api/quotes?speaker=Ingvild%20Rasmussen")));

        await pipeline.UploadAndWaitAsync("identity/full-name.txt",
            "A new envoy\nIngvild Rasmussen was named envoy on Tuesday.\n\"The work starts now,\" Ingvild Rasmussen said.\n");

        foreach (var asked in new[] { "Ingvild%20Rasmussen", "Rasmussen", "Minister%20Rasmussen", "Ingvild%20K.%20Rasmussen" })
        {
            var page = await GetAsync($"/api/quotes?speaker={asked}");
            var ids = Ids(page);
            Assert.Contains("identity~2Fsurname-first.txt", ids);
            Assert.Contains("identity~2Ffull-name.txt", ids);
            Assert.Equal("Ingvild Rasmussen", page.GetProperty("identity").GetProperty("name").GetString());
        }
        var articles = await GetAsync("/api/entities/Person/Rasmussen/articles");
        Assert.Equal(["identity~2Ffull-name.txt", "identity~2Fsurname-first.txt"], articles.GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()).Order());
        var listed = Assert.Single((await GetAsync("/api/entities?type=Person&prefix=Rasmussen")).GetProperty("items").EnumerateArray());
        Assert.Equal("Ingvild Rasmussen", listed.GetProperty("name").GetString());
        Assert.Equal(2, listed.GetProperty("articleCount").GetInt32());
        Assert.Equal("Rasmussen", Assert.Single(listed.GetProperty("variants").EnumerateArray()).GetProperty("name").GetString());
    }

    [Fact]
    public async Task Two_people_who_share_a_surname_stay_apart_and_the_surname_alone_stays_its_own_entry()
    {
        await pipeline.UploadAndWaitAsync("identity/oskar.txt", "Oskar\n\"We agree,\" Oskar Lindqvist said in Bergen.\n");
        await pipeline.UploadAndWaitAsync("identity/greta.txt", "Greta\n\"We do not agree,\" Greta Lindqvist said in Bergen.\n");
        await pipeline.UploadAndWaitAsync("identity/lindqvist.txt", "Lindqvist\nThe meeting ended early.\n\"Nothing was decided,\" Lindqvist said.\n");

        Assert.Equal(["identity~2Fgreta.txt"], Ids(await GetAsync("/api/quotes?speaker=Greta%20Lindqvist")));
        Assert.Equal(["identity~2Foskar.txt"], Ids(await GetAsync("/api/quotes?speaker=Oskar%20Lindqvist")));
        Assert.Equal(["identity~2Flindqvist.txt"], Ids(await GetAsync("/api/quotes?speaker=Lindqvist")));
    }

    [Fact]
    public async Task The_names_of_one_place_are_one_place()
    {
        await pipeline.UploadAndWaitAsync("identity/us.txt", "Trade\nThe U.S. raised tariffs on steel, officials in Oslo said.\n");
        await pipeline.UploadAndWaitAsync("identity/united-states.txt", "Trade talks\nOfficials from the United States arrived in Oslo on Friday.\n");

        foreach (var asked in new[] { "U.S.", "United%20States", "America" })
        {
            var ids = (await GetAsync($"/api/entities/Location/{asked}/articles")).GetProperty("items").EnumerateArray().Select(a => a.GetProperty("id").GetString()).ToList();
            Assert.Contains("identity~2Fus.txt", ids);
            Assert.Contains("identity~2Funited-states.txt", ids);
        }
        var detail = await GetAsync($"/api/articles/{ArticleId.FromBlobName("identity/us.txt")}");
        var us = detail.GetProperty("entities").EnumerateArray().Single(e => e.GetProperty("name").GetString() == "U.S.");
        Assert.Equal("location:united-states", us.GetProperty("identity").GetString());
    }

    private static List<string?> Ids(JsonElement page) =>
        page.GetProperty("items").EnumerateArray().Select(q => q.GetProperty("articleId").GetString()).Distinct().ToList();

    private async Task<JsonElement> GetAsync(string path)
    {
        using var response = await pipeline.Http.GetAsync(path);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

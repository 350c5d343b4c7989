using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Pipeline.Articles;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Integration;

/// <summary>Whatever users drop into the container, each file ends processed or failed with a reason, and the host keeps serving.</summary>
[Collection(PipelineCollection.Name)]
public sealed class BadInputTests(PipelineFixture pipeline)
{
    public static TheoryData<string, byte[], string> BadFiles => new()
    {
        { "bad/empty.txt", [], "empty" },
        { "bad/whitespace.txt", Encoding.UTF8.GetBytes(" \n\t\r\n  "), "whitespace" },
        { "bad/image.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13], "PNG" },
        { "bad/archive.txt", [0x50, 0x4B, 0x03, 0x04, 20, 0, 0, 0, 8, 0], "ZIP" },
        { "bad/nul.txt", Encoding.UTF8.GetBytes("Title\nSome text\0with a NUL byte."), "NUL" },
        { "bad/latin1.txt", [.. Encoding.UTF8.GetBytes("Caf"), 0xE9, .. Encoding.UTF8.GetBytes(" au lait")], "not valid UTF-8" },
        { "bad/page.txt", Encoding.UTF8.GetBytes("<!DOCTYPE html><html><head><title>x</title></head><body>Hi</body></html>"), "HTML" },
        { "bad/huge.txt", Encoding.UTF8.GetBytes(new string('a', 5 * 1024 * 1024)), "limit" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task A_bad_file_is_failed_with_its_reason_and_not_retried(string blobName, byte[] content, string reason)
    {
        var snapshot = await pipeline.UploadBytesAndWaitAsync(blobName, content);
        Assert.Equal(1, snapshot.Failed);
        var detail = await GetAsync($"/api/articles/{ArticleId.FromBlobName(blobName)}");
        Assert.Equal("failed", detail.GetProperty("status").GetString());
        Assert.Contains(reason, detail.GetProperty("error").GetString(), StringComparison.OrdinalIgnoreCase);
        Assert.Equal(1, detail.GetProperty("attempts").GetInt32());
        Assert.True((await pipeline.Http.GetAsync("/api/health")).IsSuccessStatusCode, "the host keeps serving");

        var failed = await GetAsync("/api/articles?status=failed&top=1000");
        Assert.Contains(failed.GetProperty("items").EnumerateArray(), a => a.GetProperty("id").GetString() == ArticleId.FromBlobName(blobName));
    }

    public static TheoryData<string, byte[]> OddButValidFiles => new()
    {
        { "odd/utf16.txt", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes("UTF-16 title\nJane Smith said the harbour would reopen on Friday.")] },
        { "odd/bom-crlf.txt", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("CRLF title\r\nOfficials said the talks went well.\r\n")] },
        { "odd/one-line.txt", Encoding.UTF8.GetBytes(string.Join(" ", Enumerable.Repeat("The council met again and agreed to talk", 50_000))) },
        { "odd/emoji-rtl.txt", Encoding.UTF8.GetBytes("عنوان 😀\nمرحبا بالعالم 😀 Hello ‏world‎, she said.") },
    };

    [Theory]
    [MemberData(nameof(OddButValidFiles))]
    public async Task Odd_but_valid_text_is_processed(string blobName, byte[] content)
    {
        var snapshot = await pipeline.UploadBytesAndWaitAsync(blobName, content, TimeSpan.FromSeconds(90));
        Assert.Equal(1, snapshot.Succeeded);
    }

    public static TheoryData<string> Names => new()
    {
        "names/with spaces in it.txt",
        "names/ünïcødé-名前.txt",
        "names/hash#and?question%percent.txt",
        "names/deep/nested/folders/a.txt",
        "names/" + new string('n', 1024 - "names/".Length - 4) + ".txt",
    };

    [Theory]
    [MemberData(nameof(Names))]
    public async Task Any_blob_name_gives_a_queryable_article(string blobName)
    {
        Assert.True(blobName.Length <= 1024);
        var snapshot = await pipeline.UploadBytesAndWaitAsync(blobName, Encoding.UTF8.GetBytes("A title\nOfficials said the plan would work.\n"));
        Assert.Equal(1, snapshot.Succeeded);
        var id = ArticleId.FromBlobName(blobName);
        var detail = await GetAsync($"/api/articles/{Uri.EscapeDataString(id)}");
        Assert.Equal(blobName, detail.GetProperty("blobName").GetString());
        Assert.Equal(id, detail.GetProperty("id").GetString());
    }

    private async Task<JsonElement> GetAsync(string path)
    {
        using var response = await pipeline.Http.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }
}

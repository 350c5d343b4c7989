using System.Net;
using System.Text.Json;
using Pipeline.Entities;
using Pipeline.Tests.Infrastructure;
using Xunit.Abstractions;

namespace Pipeline.Tests.Integration;

/// <summary>
/// Random and hostile requests against every route: never a 5xx, always problem+json for client errors, and never
/// a row the query did not ask for. <c>PIPELINE_FUZZ_REQUESTS</c> sets the count (CI: 2,000; scripts/soak.sh: 10,000).
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class HttpFuzzTests(PipelineFixture pipeline, ITestOutputHelper output)
{
    private static readonly string[] Hostile =
    [
        "' or PartitionKey ne '", "' or 1 eq 1 or '", "PartitionKey eq 'x'", "%", "%25", "%2F", "..%2F..%2Fetc%2Fpasswd", "../..",
        "<script>alert(1)</script>", "null", "undefined", "-1", "0", "1e9", "2147483648", "9999999999999", " ", "", "~", "~~",
        "~zz", "😀", "مرحبا", "a/b", "a\\b", "a#b", "a?b", "\t", "Jake Sullivan", "jake-sullivan", "person:jake-sullivan",
        "000_09b943ff63819a7c.txt", "Person", "person", "Location", "Planet", new string('x', 5_000), new string('é', 300),
    ];

    private static readonly string[] Parameters = ["top", "continuationToken", "status", "type", "prefix", "speaker", "sentences"];

    [Fact]
    public async Task Random_and_hostile_requests_never_get_a_server_error()
    {
        await pipeline.EnsureSeedAsync();
        int requests = int.TryParse(Environment.GetEnvironmentVariable("PIPELINE_FUZZ_REQUESTS"), out int n) ? n : 2_000;
        var random = new Random(20261125);
        var tokens = new List<string>();
        var statuses = new Dictionary<int, int>();
        int checkedRows = 0;

        for (int i = 0; i < requests; i++)
        {
            var (path, query) = RandomRequest(random, tokens);
            var url = path + (query.Count == 0 ? "" : "?" + string.Join("&", query.Select(q => $"{q.Key}={Uri.EscapeDataString(q.Value)}")));
            using var response = await pipeline.Http.GetAsync(url);
            int status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var body = await response.Content.ReadAsStringAsync();
            Assert.True(status < 500, $"{url} answered {status}: {body}");
            if (status == 200)
            {
                checkedRows += CheckOnlyAskedRows(path, query, body, tokens);
            }
            else if (status is 400 or 404 && body.Length > 0)
            {
                Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            }
        }
        output.WriteLine($"{requests} requests: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}")) +
                         $"; 5xx: {statuses.Where(s => s.Key >= 500).Sum(s => s.Value)}; rows checked against their query: {checkedRows}");
    }

    private static string Pick(Random random, IReadOnlyList<string> values) => values[random.Next(values.Count)];

    private static (string Path, Dictionary<string, string> Query) RandomRequest(Random random, List<string> tokens)
    {
        string Segment() => Uri.EscapeDataString(Pick(random, Hostile));
        var path = random.Next(9) switch
        {
            0 => "/api/articles",
            1 => $"/api/articles/{Segment()}",
            2 => $"/api/articles/{Segment()}/entities",
            3 => $"/api/articles/{Segment()}/quotes",
            4 => $"/api/articles/{Segment()}/summary",
            5 => "/api/entities",
            6 => $"/api/entities/{Segment()}/{Segment()}/articles",
            7 => "/api/quotes",
            _ => "/api/health",
        };
        var query = new Dictionary<string, string>();
        int count = random.Next(4);
        for (int i = 0; i < count; i++)
        {
            var name = Pick(random, Parameters);
            query[name] = name == "continuationToken" && tokens.Count > 0 && random.Next(2) == 0
                ? Mutate(random, Pick(random, tokens))
                : name == "top" && random.Next(2) == 0 ? random.Next(-5, 1_200).ToString() : Pick(random, Hostile);
        }
        return (path, query);
    }

    private static string Mutate(Random random, string token) => random.Next(3) switch
    {
        0 => token,
        1 => token[..random.Next(token.Length)],
        _ => token.Remove(random.Next(token.Length), 1).Insert(random.Next(token.Length - 1), "A"),
    };

    /// <summary>Checks the rows of a 200 answer against what was asked; collects continuation tokens for later requests.</summary>
    private static int CheckOnlyAskedRows(string path, Dictionary<string, string> query, string body, List<string> tokens)
    {
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;
        if (root.TryGetProperty("continuationToken", out var token) && token.ValueKind == JsonValueKind.String)
        {
            tokens.Add(token.GetString()!);
        }
        int rows = 0;
        if (path == "/api/quotes" && query.TryGetValue("speaker", out var speaker))
        {
            var slug = EntityKey.Slug(speaker.Contains(':') && EntityKey.TryParseType(speaker.AsSpan(0, speaker.IndexOf(':')), out _) ? speaker[(speaker.IndexOf(':') + 1)..] : speaker);
            foreach (var item in root.GetProperty("items").EnumerateArray())
            {
                Assert.Equal(slug, EntityKey.Slug(item.GetProperty("quote").GetProperty("speaker").GetString()!));
                rows++;
            }
        }
        else if (path == "/api/entities" && query.TryGetValue("type", out var type) && EntityKey.TryParseType(type, out var parsed))
        {
            foreach (var item in root.GetProperty("items").EnumerateArray())
            {
                Assert.Equal(parsed.ToString(), item.GetProperty("type").GetString());
                rows++;
            }
        }
        else if (path.StartsWith("/api/articles/", StringComparison.Ordinal) && path.Count(c => c == '/') == 3 && path.Length > "/api/articles/".Length)
        {
            Assert.Equal(Uri.UnescapeDataString(path["/api/articles/".Length..]), root.GetProperty("id").GetString());
            rows++;
        }
        return rows;
    }
}

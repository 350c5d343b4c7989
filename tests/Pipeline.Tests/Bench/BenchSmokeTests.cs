using System.Text.Json;
using Pipeline.Evaluation.Hosting;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Bench;

/// <summary>
/// <c>pipeline bench run</c> at a tiny scale, as the README documents it: the command must keep working end to end
/// (peers, fresh Azurite and local host, paced uploads, baseline, query load, large article) and report every part.
/// It checks what was measured, never how fast: timings belong to the bench, not to a unit test.
/// </summary>
public sealed class BenchSmokeTests
{
    [Fact]
    public async Task Bench_run_at_small_scale_reports_every_measurement()
    {
        Assert.True(File.Exists(Path.Combine(RepositoryPaths.Root, "node_modules", "wink-nlp", "package.json")),
            $"The npm peers are not installed. Run 'npm ci' in {RepositoryPaths.Root} (scripts/test.sh does it for you).");
        var json = Path.Combine(Path.GetTempPath(), $"bench-smoke-{Guid.NewGuid():N}.json");
        try
        {
            var (exitCode, output) = await CliProcess.RunAsync(TimeSpan.FromMinutes(4), "bench", "run", "--articles", "6", "--throughput-articles", "6",
                "--requests", "10", "--paced-articles", "2", "--paced-interval-ms", "200", "--large-article-bytes", "200000", "--out", json);
            Assert.True(exitCode == 0, $"bench run exited with {exitCode}:\n{output}");
            Assert.Contains("### Extraction throughput", output);
            Assert.Contains("Pipeline / raw storage baseline:", output);
            Assert.Contains("### Query latency under load", output);
            Assert.Contains("### One large article", output);

            using var report = JsonDocument.Parse(await File.ReadAllTextAsync(json));
            var root = report.RootElement;
            Assert.True(root.GetProperty("oneThread").GetProperty("wordsPerSecond").GetDouble() > 0);
            Assert.True(root.GetProperty("allCores").GetProperty("wordsPerSecond").GetDouble() > 0);
            var peers = root.GetProperty("peers").EnumerateArray().Select(p => p.GetProperty("name").GetString()!).ToList();
            Assert.Contains(peers, p => p.StartsWith("compromise", StringComparison.Ordinal));
            Assert.Contains(peers, p => p.StartsWith("wink-nlp", StringComparison.Ordinal));

            var pipeline = root.GetProperty("pipeline");
            Assert.Equal(6, pipeline.GetProperty("succeeded").GetInt32());
            Assert.Equal(6, pipeline.GetProperty("uploadToQueryable").GetProperty("count").GetInt32());
            Assert.True(pipeline.GetProperty("hostPeakResidentBytes").GetInt64() > 0);
            Assert.Equal(2, pipeline.GetProperty("paced").GetProperty("succeeded").GetInt32());
            Assert.Equal(6, root.GetProperty("storageBaseline").GetProperty("succeeded").GetInt32());

            var queries = root.GetProperty("queries").EnumerateArray().ToList();
            Assert.Equal(6 * 2 * 3, queries.Count); // 6 routes (a name variant and the entity list among them), API and raw, at 1, 8 and 32 connections
            Assert.All(queries, q => Assert.Equal(0, q.GetProperty("errors").GetInt32()));
            Assert.All(queries, q => Assert.True(q.GetProperty("clientGcPauseMs").GetDouble() >= 0));

            var large = root.GetProperty("largeArticle");
            Assert.True(large.GetProperty("articleBytes").GetInt64() >= 200_000);
            Assert.True(large.GetProperty("entities").GetInt32() > 0);
        }
        finally
        {
            File.Delete(json);
        }
    }
}

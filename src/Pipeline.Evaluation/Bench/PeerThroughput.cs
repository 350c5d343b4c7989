using System.Diagnostics;
using System.Text.Json;
using Pipeline.Evaluation.Hosting;

namespace Pipeline.Evaluation.Bench;

/// <summary>Runs an npm peer (bench/peers/*.mjs) on the same articles, in the same run, on one thread (Node).</summary>
public static class PeerThroughput
{
    public static async Task<Throughput> MeasureAsync(string script, BenchCorpus corpus, int rounds, CancellationToken cancellationToken)
    {
        var input = Path.Combine(Path.GetTempPath(), $"pipeline-bench-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(input, JsonSerializer.Serialize(corpus.Articles), cancellationToken);
        try
        {
            var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryPaths.Root };
            start.ArgumentList.Add(Path.Combine(RepositoryPaths.Root, "bench", "peers", script));
            start.ArgumentList.Add(input);
            start.ArgumentList.Add(rounds.ToString());
            using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
            var output = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            var error = await process.StandardError.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"{script} failed ({process.ExitCode}); is 'npm ci' done? {error}");
            }
            using var result = JsonDocument.Parse(output.Trim().Split('\n')[^1]);
            var root = result.RootElement;
            return new Throughput($"{root.GetProperty("peer").GetString()} {root.GetProperty("version").GetString()}",
                corpus.Words * rounds, root.GetProperty("seconds").GetDouble());
        }
        finally
        {
            File.Delete(input);
        }
    }
}

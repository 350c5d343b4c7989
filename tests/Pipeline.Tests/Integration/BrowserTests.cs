using System.Diagnostics;
using System.Text;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Integration;

/// <summary>
/// The browse page in a real browser: <c>tests/browser/browse.mjs</c> drives the distribution's Chromium with
/// playwright-core against the local host, as a reader would use the page.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class BrowserTests(PipelineFixture pipeline)
{
    /// <summary>Debian's Chromium: playwright-core downloads no browser, and this machine could not fetch one.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    /// <summary>Where the test leaves its screenshot (git-ignored), for a person to look at after a run.</summary>
    public static string ScreenshotPath => Path.Combine(Repository.Root, "TestResults", "browse.png");

    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(150);

    [Fact]
    public async Task The_browse_page_shows_the_seed_article_and_a_speakers_quotes_in_Chromium()
    {
        // Missing tools fail the test with the fix, never skip it: a skipped browser test would pass unseen.
        Assert.True(File.Exists(ChromiumPath),
            $"Chromium is not installed at {ChromiumPath}. Install it with 'apt-get install -y chromium' (scripts/test.sh does it for you).");
        Assert.True(File.Exists(Path.Combine(Repository.Root, "node_modules", "playwright-core", "package.json")),
            $"playwright-core is not installed. Run 'npm ci' in {Repository.Root} (scripts/test.sh does it for you).");
        var seed = await pipeline.EnsureSeedAsync();
        Assert.True(seed.IsDone && seed.Succeeded == 1, "the seed article was not processed");
        Directory.CreateDirectory(Path.GetDirectoryName(ScreenshotPath)!);
        File.Delete(ScreenshotPath); // a screenshot left by an earlier run must not pass for this one's

        var (exitCode, output) = await RunNodeAsync(
            Path.Combine(Repository.Root, "tests", "browser", "browse.mjs"), pipeline.Http.BaseAddress!.ToString(), ScreenshotPath);

        Assert.True(exitCode == 0, $"the browser test exited with {exitCode}:\n{output}");
        Assert.True(File.Exists(ScreenshotPath), $"no screenshot at {ScreenshotPath}:\n{output}");
    }

    private static async Task<(int ExitCode, string Output)> RunNodeAsync(params string[] arguments)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Repository.Root,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        var output = new StringBuilder();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        process.OutputDataReceived += (_, e) => Remember(output, e.Data);
        process.ErrorDataReceived += (_, e) => Remember(output, e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(RunTimeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            // The script bounds itself; this is the backstop for a browser that hangs harder than that.
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            return (-1, $"killed after {RunTimeout.TotalSeconds:0} s\n{Read(output)}");
        }
        // The exit is seen before the last lines of output may have been read: wait for the streams to close.
        process.WaitForExit();
        return (process.ExitCode, Read(output));
    }

    private static void Remember(StringBuilder output, string? line)
    {
        if (line is not null)
        {
            lock (output)
            {
                output.AppendLine(line);
            }
        }
    }

    private static string Read(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}

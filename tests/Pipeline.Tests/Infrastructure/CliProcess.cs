using System.Diagnostics;
using Pipeline.Evaluation.Hosting;

namespace Pipeline.Tests.Infrastructure;

/// <summary>Runs the built <c>pipeline</c> command as a user does, and returns its exit code and output.</summary>
public static class CliProcess
{
    public static async Task<(int ExitCode, string Output)> RunAsync(TimeSpan timeout, params string[] arguments)
    {
        var cli = RepositoryPaths.CliDll(RepositoryPaths.CurrentConfiguration);
        Assert.True(File.Exists(cli), $"{cli} is missing: build the solution first (scripts/test.sh does).");
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = RepositoryPaths.Root,
        };
        start.ArgumentList.Add(cli);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start dotnet.");
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"killed after {timeout.TotalSeconds:0} s\n" + await stdout + await stderr);
        }
        return (process.ExitCode, await stdout + await stderr);
    }
}

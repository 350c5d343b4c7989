using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Processing;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline wait</c>: until every uploaded article is processed (or failed), with progress.</summary>
internal static class WaitCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths")
        {
            Description = "Only the articles of these files, folders or globs, named as 'upload' names them; every article in the container when none.",
            Arity = ArgumentArity.ZeroOrMore,
        };
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait before giving up.", DefaultValueFactory = _ => 300 };
        var command = new Command("wait", "Wait until the articles have been processed; exit code 1 on timeout or failures.")
        {
            paths, timeout, CliServices.Connection,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            List<string>? names = null;
            if (parse.GetValue(paths) is { Length: > 0 } given)
            {
                var (files, missing) = FileSelection.Expand(given);
                foreach (var path in missing)
                {
                    AnsiConsole.MarkupLineInterpolated($"[red]Not found:[/] {path}");
                }
                if (missing.Count > 0)
                {
                    return 2;
                }
                names = files.ConvertAll(f => f.BlobName);
            }
            await using var services = CliServices.Build(parse);
            var monitor = services.GetRequiredService<ProcessingMonitor>();
            ProcessingSnapshot? snapshot = null;
            await AnsiConsole.Progress().AutoClear(false).StartAsync(async progress =>
            {
                var task = progress.AddTask("Processing", maxValue: 1);
                snapshot = await monitor.WaitAsync(names, TimeSpan.FromSeconds(parse.GetValue(timeout)), new Progress<ProcessingSnapshot>(s =>
                {
                    task.MaxValue = Math.Max(1, s.Total);
                    task.Value = s.Succeeded + s.Failed;
                    task.Description = $"Processing: {s.Succeeded} succeeded, {s.Failed} failed, {s.Waiting} waiting";
                }), cancellationToken);
            });
            StatusCommand.PrintFailures(snapshot!);
            if (!snapshot!.IsDone)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]Timed out[/] with {snapshot.Waiting} article(s) still waiting. Is the host running?");
                return 1;
            }
            return snapshot.Failed > 0 ? 1 : 0;
        });
        return command;
    }
}

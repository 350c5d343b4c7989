using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Storage;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline upload &lt;files|folders|globs&gt;</c>: puts articles into the watched container.</summary>
internal static class UploadCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files, folders (searched recursively) or globs such as 'news/**/*.md'.", Arity = ArgumentArity.OneOrMore };
        var parallel = new Option<int>("--parallel") { Description = "Uploads at a time.", DefaultValueFactory = _ => 8 };
        var command = new Command("upload", "Upload article files (.txt, .md, .html, .json) to the articles container, with progress; files already there unchanged are skipped.")
        {
            paths, parallel, CliServices.Connection,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var (files, missing) = FileSelection.Expand(parse.GetValue(paths)!);
            foreach (var path in missing)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]Not found:[/] {path}");
            }
            if (missing.Count > 0)
            {
                return 2;
            }
            await using var services = CliServices.Build(parse);
            var blobs = services.GetRequiredService<ArticleBlobs>();
            await blobs.EnsureContainerAsync(cancellationToken);

            var results = new List<UploadResult>(files.Count);
            await AnsiConsole.Progress().AutoClear(false).HideCompleted(false).StartAsync(async progress =>
            {
                var task = progress.AddTask($"Uploading {files.Count} file(s)", maxValue: Math.Max(1, files.Count));
                await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, parse.GetValue(parallel)), CancellationToken = cancellationToken }, async (file, ct) =>
                {
                    var result = await blobs.UploadFileAsync(file.Path, file.BlobName, ct);
                    lock (results)
                    {
                        results.Add(result);
                    }
                    task.Increment(1);
                });
                task.Value = task.MaxValue;
            });

            foreach (var failed in results.Where(r => r.Outcome == UploadOutcome.Failed))
            {
                AnsiConsole.MarkupLineInterpolated($"[red]failed:[/] {failed.BlobName}: {failed.Error}");
            }
            int uploaded = results.Count(r => r.Outcome == UploadOutcome.Uploaded);
            int unchanged = results.Count(r => r.Outcome == UploadOutcome.Unchanged);
            int failures = results.Count(r => r.Outcome == UploadOutcome.Failed);
            AnsiConsole.MarkupLineInterpolated($"uploaded {uploaded}, skipped as unchanged {unchanged}, failed {failures}");
            return failures > 0 ? 1 : 0;
        });
        return command;
    }
}

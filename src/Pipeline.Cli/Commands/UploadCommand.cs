using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Storage;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline upload &lt;files|folders&gt;</c>: puts articles into the watched container.</summary>
internal static class UploadCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("paths") { Description = "Files or folders (searched recursively) to upload.", Arity = ArgumentArity.OneOrMore };
        var command = new Command("upload", "Upload article files to the articles container; files whose content is already there are skipped.")
        {
            paths, CliServices.Connection,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = CliServices.Build(parse);
            var blobs = services.GetRequiredService<ArticleBlobs>();
            await blobs.EnsureContainerAsync(cancellationToken);

            var files = new List<(string Path, string BlobName)>();
            foreach (var path in parse.GetValue(paths)!)
            {
                if (Directory.Exists(path))
                {
                    foreach (var file in Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories))
                    {
                        files.Add((file, ArticleBlobs.BlobNameFor(path, file)));
                    }
                }
                else if (File.Exists(path))
                {
                    files.Add((path, Path.GetFileName(path)));
                }
                else
                {
                    Console.Error.WriteLine($"Not found: {path}");
                    return 2;
                }
            }

            var results = new List<UploadResult>(files.Count);
            await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = cancellationToken }, async (file, ct) =>
            {
                var result = await blobs.UploadFileAsync(file.Path, file.BlobName, ct);
                lock (results)
                {
                    results.Add(result);
                }
            });
            foreach (var failed in results.Where(r => r.Outcome == UploadOutcome.Failed))
            {
                Console.Error.WriteLine($"failed: {failed.BlobName}: {failed.Error}");
            }
            Console.WriteLine($"uploaded {results.Count(r => r.Outcome == UploadOutcome.Uploaded)}, " +
                              $"skipped as unchanged {results.Count(r => r.Outcome == UploadOutcome.Unchanged)}, " +
                              $"failed {results.Count(r => r.Outcome == UploadOutcome.Failed)}");
            return results.Exists(r => r.Outcome == UploadOutcome.Failed) ? 1 : 0;
        });
        return command;
    }
}

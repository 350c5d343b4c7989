using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Processing;
using Pipeline.Results;
using Pipeline.Storage;

namespace Pipeline.Cli.Commands;

/// <summary>
/// <c>pipeline delete</c>: deletes article blobs and removes their articles at once, for users without a blob tool at hand.
/// Deleting the blob any other way has the same effect, within seconds (locally) or as Event Grid delivers (in Azure).
/// </summary>
internal static class DeleteCommand
{
    public static Command Create()
    {
        var names = new Argument<string[]>("articles") { Description = "Blob names (world/news 1.txt) or article ids (world~2Fnews~201.txt).", Arity = ArgumentArity.OneOrMore };
        var command = new Command("delete", "Delete articles: their blobs, results, index rows and their share of every count.")
        {
            names, CliServices.Connection,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = CliServices.Build(parse);
            var blobs = services.GetRequiredService<ArticleBlobs>();
            var store = services.GetRequiredService<ArticleStore>();
            var deletions = services.GetRequiredService<IArticleDeletions>();
            int missing = 0;
            foreach (var name in parse.GetValue(names)!)
            {
                // A blob name as given, else the blob of the article with that id.
                string? blobName = await blobs.ExistsAsync(name, cancellationToken) ? name
                    : Articles.ArticleId.IsWellFormed(name) ? (await store.GetAsync(name, cancellationToken))?.BlobName : null;
                if (blobName is null)
                {
                    Console.Error.WriteLine($"not found: {name} (neither a blob nor an article id)");
                    missing++;
                    continue;
                }
                await blobs.Container.DeleteBlobIfExistsAsync(blobName, cancellationToken: cancellationToken);
                bool removed = await deletions.RemoveIfGoneAsync(blobName, cancellationToken);
                Console.WriteLine(removed ? $"deleted {blobName} and its article" : $"deleted {blobName} (it had no stored article)");
            }
            return missing > 0 ? 1 : 0;
        });
        return command;
    }
}

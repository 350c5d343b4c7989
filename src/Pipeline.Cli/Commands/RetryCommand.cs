using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Processing;
using Pipeline.Recovery;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline retry</c>: sends failed, given-up or outdated articles through the pipeline again.</summary>
internal static class RetryCommand
{
    public static Command Create()
    {
        var failed = new Option<bool>("--failed") { Description = "Every failed article (the default)." };
        var poisoned = new Option<bool>("--poisoned") { Description = "Articles the blob trigger gave up on after transient errors (the poison queue)." };
        var outdated = new Option<bool>("--outdated") { Description = "Articles processed by an older extractor version." };
        var stuck = new Option<bool>("--stuck") { Description = "Blobs with no final status for Recovery:StuckAfter (what the reconciliation sweep re-drives)." };
        var all = new Option<bool>("--all") { Description = "Every article." };
        var dryRun = new Option<bool>("--dry-run") { Description = "Only count what would be re-driven." };
        var command = new Command("retry", "Re-drive articles: their blobs are re-uploaded unchanged, which triggers processing again (locally and in Azure).")
        {
            failed, poisoned, outdated, stuck, all, dryRun, CliServices.Connection,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var selection = parse.GetValue(all) ? RetrySelection.All
                : parse.GetValue(stuck) ? RetrySelection.Stuck
                : parse.GetValue(outdated) ? RetrySelection.Outdated
                : parse.GetValue(poisoned) ? RetrySelection.Poisoned
                : RetrySelection.Failed;
            await using var services = CliServices.Build(parse);
            var report = await services.GetRequiredService<ArticleRecovery>().RetryAsync(selection, parse.GetValue(dryRun), cancellationToken);
            foreach (var (id, error) in report.Errors)
            {
                Console.Error.WriteLine($"failed: {id}: {error}");
            }
            Console.WriteLine(parse.GetValue(dryRun)
                ? $"{report.Selected} article(s) would be re-driven ({selection.ToString().ToLowerInvariant()})."
                : $"re-drove {report.Redriven} of {report.Selected} article(s) ({selection.ToString().ToLowerInvariant()}); 'pipeline wait' follows them.");
            return report.Errors.Count > 0 ? 1 : 0;
        });
        return command;
    }
}

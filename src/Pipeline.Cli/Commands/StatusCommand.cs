using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Processing;
using Spectre.Console;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline status</c>: counts by status and the failed articles with their reasons.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var command = new Command("status", "Show how many articles succeeded, failed or are waiting, and why the failed ones failed.")
        {
            CliServices.Connection,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = CliServices.Build(parse);
            var snapshot = await services.GetRequiredService<ProcessingMonitor>().CheckAsync(null, cancellationToken);
            var counts = new Table().AddColumn("articles").AddColumn("succeeded").AddColumn("failed").AddColumn("waiting");
            counts.AddRow(snapshot.Total.ToString(), $"[green]{snapshot.Succeeded}[/]", snapshot.Failed > 0 ? $"[red]{snapshot.Failed}[/]" : "0", snapshot.Waiting.ToString());
            AnsiConsole.Write(counts);
            PrintFailures(snapshot);
            PrintUnfinished(snapshot);
            return 0;
        });
        return command;
    }

    public static void PrintFailures(ProcessingSnapshot snapshot)
    {
        if (snapshot.Failures.Count == 0)
        {
            return;
        }
        var table = new Table().Title("Failed articles").AddColumn("id").AddColumn("reason");
        foreach (var (id, reason) in snapshot.Failures)
        {
            table.AddRow(Markup.Escape(id), Markup.Escape(reason ?? ""));
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("Fix the files and upload them again, or re-drive transient failures with [bold]pipeline retry --poisoned[/].");
    }

    /// <summary>The articles still waiting, with their status: pending before any attempt, processing while one runs.</summary>
    public static void PrintUnfinished(ProcessingSnapshot snapshot)
    {
        if (snapshot.Unfinished.Count == 0)
        {
            return;
        }
        var table = new Table().Title(snapshot.Waiting > snapshot.Unfinished.Count
            ? $"Waiting articles (the first {snapshot.Unfinished.Count} of {snapshot.Waiting})" : "Waiting articles").AddColumn("id").AddColumn("status");
        foreach (var (id, status) in snapshot.Unfinished)
        {
            table.AddRow(Markup.Escape(id), Markup.Escape(status));
        }
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine("The host takes them up while it runs; one a stopped host left half-done is retried by the trigger or, at the latest, by the reconciliation sweep after [bold]Recovery:StuckAfter[/].");
    }
}

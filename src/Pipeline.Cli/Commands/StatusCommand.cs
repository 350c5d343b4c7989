using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Processing;

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
            Console.WriteLine($"{snapshot.Total} articles: {snapshot.Succeeded} succeeded, {snapshot.Failed} failed, {snapshot.Waiting} waiting");
            PrintFailures(snapshot);
            return 0;
        });
        return command;
    }

    public static void PrintFailures(ProcessingSnapshot snapshot)
    {
        foreach (var (id, reason) in snapshot.Failures)
        {
            Console.WriteLine($"failed: {id}: {reason}");
        }
    }
}

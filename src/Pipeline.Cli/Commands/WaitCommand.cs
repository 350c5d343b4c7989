using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Processing;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline wait</c>: until every uploaded article is processed (or failed).</summary>
internal static class WaitCommand
{
    public static Command Create()
    {
        var timeout = new Option<int>("--timeout") { Description = "Seconds to wait before giving up.", DefaultValueFactory = _ => 120 };
        var command = new Command("wait", "Wait until every article in the container has been processed; exit code 1 on timeout or failures.")
        {
            timeout, CliServices.Connection,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var services = CliServices.Build(parse);
            var monitor = services.GetRequiredService<ProcessingMonitor>();
            int lastDone = -1;
            var snapshot = await monitor.WaitAsync(null, TimeSpan.FromSeconds(parse.GetValue(timeout)), new Progress<ProcessingSnapshot>(s =>
            {
                if (s.Succeeded + s.Failed != lastDone)
                {
                    lastDone = s.Succeeded + s.Failed;
                    Console.WriteLine($"{lastDone}/{s.Total} processed ({s.Succeeded} succeeded, {s.Failed} failed)");
                }
            }), cancellationToken);
            StatusCommand.PrintFailures(snapshot);
            if (!snapshot.IsDone)
            {
                Console.Error.WriteLine($"Timed out with {snapshot.Waiting} article(s) still waiting. Is the host running?");
                return 1;
            }
            return snapshot.Failed > 0 ? 1 : 0;
        });
        return command;
    }
}

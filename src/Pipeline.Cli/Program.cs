using System.CommandLine;
using Pipeline.Cli.Commands;

var root = new RootCommand("News pipeline: upload articles, follow their processing, query and evaluate the extraction.");
root.Add(UploadCommand.Create());
root.Add(WaitCommand.Create());
root.Add(StatusCommand.Create());
root.Add(ExtractCommand.Create());
foreach (var query in QueryCommands.Create())
{
    root.Add(query);
}
root.Add(EvaluateCommand.Create());
root.Add(RetryCommand.Create());
root.Add(DeleteCommand.Create());
root.Add(TrainCommand.Create());
root.Add(BenchCommand.Create());
return await root.Parse(args).InvokeAsync();

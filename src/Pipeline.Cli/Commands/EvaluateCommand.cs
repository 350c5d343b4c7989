using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Evaluation.Quotes;
using Pipeline.Extraction;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline eval …</c>: measures the extraction on annotated data given by path.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var command = new Command("eval", "Measure the extraction on annotated data (the data is read from the path you give; none ships with the project).");
        command.Add(Quotes());
        return command;
    }

    private static Command Quotes()
    {
        var directory = new Argument<DirectoryInfo>("directory")
        {
            Description = "A PolNeAR split folder holding text/ and attributions/ (e.g. ../shared/eval/polnear/dev).",
        };
        var details = new Option<FileInfo?>("--details") { Description = "Write every missed quote, extra quote and wrong speaker to this file." };
        var command = new Command("quotes", "Precision, recall and F1 of quote contents and speaker accuracy on PolNeAR, with and without quotation marks.")
        {
            directory, details,
        };
        command.SetAction(parse =>
        {
            var articles = PolnearCorpus.Read(parse.GetValue(directory)!.FullName);
            var extractor = CliServices.Extraction().GetRequiredService<ArticleExtractor>();
            using var detailWriter = parse.GetValue(details) is { } file ? new StreamWriter(file.FullName) : null;
            QuoteEvaluation.Print(new QuoteEvaluation(extractor).Run(articles, detailWriter), Console.Out);
            return 0;
        });
        return command;
    }
}

using System.CommandLine;
using Pipeline.Entities.Tagging;
using Pipeline.Evaluation.Summaries;
using Pipeline.Summaries;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline bench …</c>: speed of the extraction stages, printed, never asserted.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Measure speed on real text; numbers are printed (ratios between runs in one process are what hold on a shared machine).");
        command.Add(Entities());
        command.Add(Summaries());
        return command;
    }

    private static Command Entities()
    {
        var text = new Option<FileInfo?>("--text") { Description = "Text to tag, repeated to --bytes (default: the seed article)." };
        var bytes = new Option<int>("--bytes") { Description = "Size of the text tagged.", DefaultValueFactory = _ => 1 << 20 };
        var command = new Command("entities", "Tokens per second tagging one long article on one thread, after warm-up.") { text, bytes };
        command.SetAction(parse =>
        {
            NerBenchmark.Run(EntityModels.Model, parse.GetValue(text)?.FullName ?? "seeds/000_09b943ff63819a7c.txt", parse.GetValue(bytes), Console.Out);
            return 0;
        });
        return command;
    }

    private static Command Summaries()
    {
        var file = new Argument<FileInfo>("file") { Description = "JSONL of {id, article, highlights}, e.g. ../shared/eval/cnndm/validation_first1000.jsonl." };
        var limit = new Option<int>("--limit") { Description = "Articles to use.", DefaultValueFactory = _ => 1_000 };
        var rounds = new Option<int>("--rounds") { Description = "Passes over the articles per measurement.", DefaultValueFactory = _ => 3 };
        var ots = new Option<bool>("--ots") { Description = "Also run Debian's ots summarizer on the same articles (apt-get install -y ots)." };
        var command = new Command("summaries", "Articles per second summarized on one thread (ours and Lead-3), optionally next to ots.") { file, limit, rounds, ots };
        command.SetAction(parse =>
        {
            var pairs = SummaryCorpus.Read(parse.GetValue(file)!.FullName);
            var articles = pairs.Take(parse.GetValue(limit)).Select(p => p.Article).ToList();
            SummaryBenchmark.Run(articles, new FeatureSummarizer(), parse.GetValue(rounds), Console.Out);
            SummaryBenchmark.Run(articles, new LeadSummarizer(), parse.GetValue(rounds), Console.Out);
            if (parse.GetValue(ots))
            {
                OtsComparison.Run(pairs, articles.Count, Console.Out);
            }
            return 0;
        });
        return command;
    }
}

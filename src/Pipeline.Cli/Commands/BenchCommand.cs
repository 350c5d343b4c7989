using System.CommandLine;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Entities.Tagging;
using Pipeline.Evaluation.Bench;
using Pipeline.Extraction;
using Pipeline.Quotes;
using Pipeline.Evaluation.Summaries;
using Pipeline.Summaries;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline bench …</c>: speed of the extraction stages, printed, never asserted.</summary>
internal static class BenchCommand
{
    public static Command Create()
    {
        var command = new Command("bench", "Measure speed on real text; numbers are printed (ratios between runs in one process are what hold on a shared machine).");
        command.Add(Run());
        command.Add(Memory());
        command.Add(Stages());
        command.Add(Entities());
        command.Add(Summaries());
        return command;
    }

    private static readonly Option<FileSystemInfo?> Data = new("--data")
    {
        Description = "CNN/DailyMail JSONL of real articles (e.g. ../shared/eval/cnndm/validation_first1000.jsonl), or a folder of .txt articles " +
            "(e.g. ../shared/eval/polnear/train/text, whose paragraphs the JSONL's articles lack); without it, variants of the seed.",
    };

    private static Command Run()
    {
        var articles = new Option<int>("--articles") { Description = "Articles uploaded in the end-to-end run (0 skips it, with the query load).", DefaultValueFactory = _ => 1_000 };
        var throughputArticles = new Option<int>("--throughput-articles") { Description = "Articles in the throughput comparison (0 skips it).", DefaultValueFactory = _ => 1_000 };
        throughputArticles.Validators.Add(result => { if (result.GetValueOrDefault<int>() < 0) { result.AddError("--throughput-articles must be 0 or more."); } });
        var requests = new Option<int>("--requests") { Description = "Requests per route and connection count.", DefaultValueFactory = _ => 2_000 };
        var paced = new Option<int>("--paced-articles") { Description = "Articles then uploaded one at a time, for the latency a user sees (0 skips it).", DefaultValueFactory = _ => 30 };
        var pacedInterval = new Option<int>("--paced-interval-ms") { Description = "Milliseconds between the paced uploads.", DefaultValueFactory = _ => 1_000 };
        var noPeers = new Option<bool>("--no-peers") { Description = "Skip compromise and wink-nlp." };
        var largeBytes = new Option<long>("--large-article-bytes") { Description = "Size of the one large article (0 skips it).", DefaultValueFactory = _ => 5L * 1024 * 1024 };
        var output = new Option<FileInfo>("--out") { Description = "JSON file for the results.", DefaultValueFactory = _ => new FileInfo("bench-results.json") };
        var diagnostics = new Option<DirectoryInfo?>("--diagnostics")
        {
            Description = "Folder for the end-to-end run's timeline (each article's upload, start and finish, in seconds), each measured query's start and duration, and the host's log (timestamped, with its sweeps).",
        };
        var oneAzurite = new Option<bool>("--one-azurite-process")
        {
            Description = "Run Azurite's blob, queue and table services in one process, not three as the run command does (for comparison).",
        };
        var command = new Command("run", "Extraction throughput next to compromise and wink-nlp, the pipeline end to end next to the raw storage limit, " +
                                         "query latency under load next to raw reads, and memory; prints Markdown and writes JSON.")
        {
            Data, articles, throughputArticles, paced, pacedInterval, requests, noPeers, largeBytes, output, diagnostics, oneAzurite,
        };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var extractor = CliServices.Extraction().GetRequiredService<ArticleExtractor>();
            string? data = parse.GetValue(Data)?.FullName;
            var options = new BenchOptions(data, parse.GetValue(articles), parse.GetValue(requests), Peers: !parse.GetValue(noPeers), EndToEnd: parse.GetValue(articles) > 0,
                LargeArticleBytes: parse.GetValue(largeBytes), ThroughputArticles: parse.GetValue(throughputArticles),
                PacedArticles: parse.GetValue(paced), PacedIntervalMs: parse.GetValue(pacedInterval), Diagnostics: parse.GetValue(diagnostics)?.FullName,
                OneAzuriteProcess: parse.GetValue(oneAzurite),
                MemoryCommand: bytes =>
                {
                    var start = new System.Diagnostics.ProcessStartInfo("dotnet");
                    foreach (var argument in new[] { typeof(BenchCommand).Assembly.Location, "bench", "memory", "--bytes", bytes.ToString() })
                    {
                        start.ArgumentList.Add(argument);
                    }
                    if (data is not null)
                    {
                        start.ArgumentList.Add("--data");
                        start.ArgumentList.Add(data);
                    }
                    return start;
                });
            var report = await BenchRunner.RunAsync(options, extractor, Console.Error, cancellationToken);
            report.WriteMarkdown(Console.Out);
            await File.WriteAllTextAsync(parse.GetValue(output)!.FullName, report.ToJson(), cancellationToken);
            Console.WriteLine($"\nJSON: {parse.GetValue(output)!.FullName}");
            return 0;
        });
        return command;
    }

    private static Command Stages()
    {
        var count = new Option<int>("--articles") { Description = "Articles to profile.", DefaultValueFactory = _ => 300 };
        var quoteModel = new Option<FileInfo?>("--quote-model") { Description = "Time the learned quote model in this file or folder (pipeline train quotes) instead of the shipped one." };
        var rounds = new Option<int>("--rounds") { Description = "Passes over the articles after the warm-up; each article's stage time is the least of them.", DefaultValueFactory = _ => 5 };
        var command = new Command("stages", "Where one thread's extraction time goes, stage by stage.") { Data, count, quoteModel, rounds };
        command.SetAction(parse =>
        {
            var corpus = BenchCorpus.Load(parse.GetValue(Data)?.FullName, parse.GetValue(count));
            var quotes = parse.GetValue(quoteModel) is { } model ? new LearnedQuoteExtractor(QuoteModel.Load(model.FullName)) : null;
            var stages = StageProfile.Measure(corpus, parse.GetValue(rounds), quotes);
            double total = stages.Sum(s => s.Seconds);
            double thousands = corpus.Words / 1000.0;
            Console.WriteLine($"| stage | ms per 1,000 words | share | KB allocated per 1,000 words |\n|---|---:|---:|---:|");
            foreach (var stage in stages)
            {
                Console.WriteLine($"| {stage.Stage} | {stage.Seconds * 1000 / thousands:F3} | {stage.Share:P1} | {stage.AllocatedBytes / 1024.0 / thousands:F1} |");
            }
            Console.WriteLine($"| total | {total * 1000 / thousands:F3} | {corpus.Words / total:N0} words/s | {stages.Sum(s => s.AllocatedBytes) / 1024.0 / thousands:F1} |");
            return 0;
        });
        return command;
    }

    private static Command Memory()
    {
        var bytes = new Option<long>("--bytes") { Description = "Size of the article.", DefaultValueFactory = _ => 5L * 1024 * 1024 };
        var command = new Command("memory", "Extract one large article made of corpus articles in this process; prints time and peak memory as JSON.") { bytes, Data };
        command.SetAction(parse =>
        {
            var extractor = CliServices.Extraction().GetRequiredService<ArticleExtractor>();
            var corpus = BenchCorpus.Load(parse.GetValue(Data)?.FullName, 200);
            var result = MemoryCheck.RunInProcess(extractor, corpus, parse.GetValue(bytes));
            Console.WriteLine(JsonSerializer.Serialize(result, new JsonSerializerOptions(JsonSerializerDefaults.Web)));
            return 0;
        });
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

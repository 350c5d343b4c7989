using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Entities.Tagging;
using Pipeline.Evaluation.Quotes;
using Pipeline.Evaluation.Quotes.Training;
using Pipeline.Quotes;
using Pipeline.Evaluation.Summaries;
using Pipeline.Summaries;
using Pipeline.Extraction;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline eval …</c>: measures the extraction on annotated data given by path.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var command = new Command("eval", "Measure the extraction on annotated data (the data is read from the path you give; none ships with the project).");
        command.Add(Entities());
        command.Add(Quotes());
        command.Add(Summaries());
        return command;
    }

    private static Command Summaries()
    {
        var file = new Argument<FileInfo>("file") { Description = "JSONL of {id, article, highlights}, e.g. ../shared/eval/cnndm/validation_first1000.jsonl (tokenized, lower-cased sets are handled)." };
        var output = new Option<FileInfo?>("--out") { Description = "Write our summaries as JSONL {id, summary} (sentences separated by \\n), to rescore with any ROUGE scorer." };
        var sentences = new Option<int>("--sentences") { Description = "Sentences per summary.", DefaultValueFactory = _ => Summary.DefaultSentences };
        var simulate = new Option<bool>("--lowercase-tokenized") { Description = "Tokenize and lower-case the articles first (in memory), as some test sets are." };
        var command = new Command("summaries", "ROUGE-1, ROUGE-2 and ROUGE-Lsum F1 (lower-cased, Porter-stemmed, as rouge-score computes them) of our summaries and of Lead-3 on the same documents.")
        {
            file, output, sentences, simulate,
        };
        command.SetAction(parse =>
        {
            SummaryEvaluation.Run(parse.GetValue(file)!.FullName, parse.GetValue(output)?.FullName, parse.GetValue(sentences), Console.Out,
                new EvaluationOptions(parse.GetValue(simulate)));
            return 0;
        });
        return command;
    }

    private static Command Entities()
    {
        var file = new Argument<FileInfo>("file") { Description = "A CoNLL-2003 file (token ... tag per line, IOB1), e.g. ../shared/eval/conll2003/eng.testa." };
        var model = new Option<FileInfo?>("--model") { Description = "A model file to evaluate instead of the one shipped in the library." };
        var predictions = new Option<FileInfo?>("--predictions") { Description = "Write 'token gold predicted' lines (IOB1) here, for conlleval or any scorer." };
        var command = new Command("entities", "Conlleval-style precision, recall and F1 per type and micro-averaged (exact spans) on a CoNLL file; the model sees only the tokens.")
        {
            file, model, predictions,
        };
        command.SetAction(parse =>
        {
            var tagger = parse.GetValue(model) is { } path
                ? new PerceptronTagger(PerceptronTaggerModel.Load(path.FullName))
                : new PerceptronTagger(EntityModels.Model);
            Console.WriteLine(NerEvaluation.EvaluateFile(tagger, parse.GetValue(file)!.FullName, parse.GetValue(predictions)?.FullName).Format());
            return 0;
        });
        return command;
    }

    private static Command Quotes()
    {
        var directory = new Argument<DirectoryInfo>("directory")
        {
            Description = "A PolNeAR split folder holding text/ and attributions/ (e.g. ../shared/eval/polnear/dev).",
        };
        var details = new Option<FileInfo?>("--details") { Description = "Write every missed quote, extra quote and wrong speaker to this file." };
        var model = new Option<FileInfo?>("--model") { Description = "A quote model file, or a folder holding quote-model.bin, to evaluate instead of the shipped one." };
        var folds = new Option<int>("--cross-validate") { Description = "Train on k-1 parts of the split and score the part left out, k times, and pool the counts (a training split, e.g. 5)." };
        var command = new Command("quotes", "Precision, recall and F1 of quote contents and speaker accuracy on PolNeAR, with and without quotation marks.")
        {
            directory, details, model, folds,
        };
        command.SetAction(parse =>
        {
            var articles = PolnearCorpus.Read(parse.GetValue(directory)!.FullName);
            var services = CliServices.Extraction();
            ArticleExtractor ExtractorWith(IQuoteExtractor quotes) => new(services.GetRequiredService<Pipeline.Entities.IEntityExtractor>(), quotes,
                services.GetRequiredService<ISummarizer>(), services.GetRequiredService<KeyPhraseExtractor>());
            if (parse.GetValue(folds) is > 0 and var k)
            {
                var pooled = QuoteCrossValidation.Run(articles, k, new QuoteTrainingOptions(), ExtractorWith, Console.Out);
                Console.WriteLine();
                Console.WriteLine($"{k}-fold cross-validation, counts pooled over the folds:");
                QuoteEvaluation.Print(pooled, Console.Out);
                return 0;
            }
            var extractor = parse.GetValue(model) is { } path
                ? ExtractorWith(new LearnedQuoteExtractor(QuoteModel.Load(path.FullName)))
                : services.GetRequiredService<ArticleExtractor>();
            using var detailWriter = parse.GetValue(details) is { } file ? new StreamWriter(file.FullName) : null;
            QuoteEvaluation.Print(new QuoteEvaluation(extractor).Run(articles, detailWriter), Console.Out);
            return 0;
        });
        return command;
    }
}

using System.CommandLine;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Entities.Tagging;
using Pipeline.Evaluation.Entities;
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
        command.Add(Identity());
        return command;
    }

    private static Command Identity()
    {
        var polnear = new Option<DirectoryInfo?>("--polnear") { Description = "A PolNeAR split folder (e.g. ../shared/eval/polnear/dev): do the speaker queries for full names return the quotes found?" };
        var gum = new Option<FileInfo?>("--gum") { Description = "GUM news entities JSONL (e.g. ../shared/eval/gum_news/gum_news_entities.jsonl): are entities with one Wikipedia page one identity across documents?" };
        var command = new Command("identity", "Entity identity across documents, by key (as before identities) and by identity, on the data you give.")
        {
            polnear, gum,
        };
        command.SetAction(parse =>
        {
            var evaluation = new Pipeline.Evaluation.Identity.IdentityEvaluation(CliServices.Extraction().GetRequiredService<ArticleExtractor>());
            if (parse.GetValue(gum) is { } file)
            {
                var (byKey, byIdentity, missed, joined) = evaluation.Gum(file.FullName);
                Console.WriteLine("GUM news: pairs of entities in different documents, the same Wikipedia page or not");
                Console.WriteLine();
                Console.WriteLine("| clustered by | gold-same pairs | predicted-same | correct | precision | recall | F1 |");
                Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
                foreach (var (name, s) in new[] { ("entity key of each article", byKey), ("identity", byIdentity) })
                {
                    Console.WriteLine($"| {name} | {s.Same} | {s.Predicted} | {s.Correct} | {s.Precision:F3} | {s.Recall:F3} | {s.F1:F3} |");
                }
                Console.WriteLine();
                Console.WriteLine($"Pages whose entities in different documents are still several identities ({missed.Count}):");
                missed.ForEach(m => Console.WriteLine("  " + m));
                Console.WriteLine($"Identities holding entities of several pages ({joined.Count}):");
                joined.ForEach(m => Console.WriteLine("  " + m));
                Console.WriteLine();
            }
            if (parse.GetValue(polnear) is { } directory)
            {
                var (byName, byIdentity) = evaluation.Speakers(PolnearCorpus.Read(directory.FullName));
                Console.WriteLine("PolNeAR: quotes found with their named speaker right, and the query for that person's full name");
                Console.WriteLine();
                Console.WriteLine("| query | named quotes | returned | share | quotes of another person returned |");
                Console.WriteLine("|---|---:|---:|---:|---:|");
                Console.WriteLine($"| speaker as written (before identities) | {byName.Named} | {byName.Returned} | {byName.Recall:F3} | – |");
                Console.WriteLine($"| identity | {byIdentity.Named} | {byIdentity.Returned} | {byIdentity.Recall:F3} | {byIdentity.Others} |");
            }
            return 0;
        });
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
        var file = new Argument<FileInfo>("file") { Description = "A CoNLL-2003 file (token ... tag per line, IOB1), e.g. ../shared/eval/conll2003/eng.testa; or GUM's gum_news_entities.jsonl for proper-noun recall." };
        var model = new Option<FileInfo?>("--model") { Description = "A model file to evaluate instead of the one shipped in the library." };
        var predictions = new Option<FileInfo?>("--predictions") { Description = "Write 'token gold predicted' lines (IOB1) here, for conlleval or any scorer." };
        var command = new Command("entities", "Conlleval-style precision, recall and F1 per type and micro-averaged (exact spans) on a CoNLL file, the model seeing only the tokens; on a .jsonl of GUM news, recall of named people, organizations and places.")
        {
            file, model, predictions,
        };
        command.SetAction(parse =>
        {
            var tagger = parse.GetValue(model) is { } path
                ? new PerceptronTagger(PerceptronTaggerModel.Load(path.FullName))
                : new PerceptronTagger(EntityModels.Model);
            var input = parse.GetValue(file)!.FullName;
            Console.WriteLine(input.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase)
                ? GumNameRecall.Run(input, new PerceptronEntityRecognizer(tagger.Model))
                : NerEvaluation.EvaluateFile(tagger, input, parse.GetValue(predictions)?.FullName).Format());
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
        var details = new Option<FileInfo?>("--details") { Description = "Write every missed quote, extra quote and wrong speaker to this file (with --cross-validate: of every held-out part)." };
        var model = new Option<FileInfo?>("--model") { Description = "A quote model file, or a folder holding quote-model.bin, to evaluate instead of the shipped one." };
        var folds = new Option<int>("--cross-validate") { Description = "Train on k-1 parts of the split and score the part left out, k times, and pool the counts (a training split, e.g. 5)." };
        var byCue = new Option<int>("--by-cue") { Description = "Also print recall of all attributions by the first word of the gold cue, for the N words that miss the most." };
        var agreement = new Option<bool>("--agreement")
        {
            Description = "Instead, on the articles annotated by more than one person, score each later annotation against the first (the gold) " +
                          "and the model against the same, pair by pair: how far a second annotator gets under this scorer.",
        };
        var trainOthers = new Option<bool>("--train-others")
        {
            Description = "With --agreement on a training split: score a model trained on the split's articles annotated once " +
                          "(as train quotes would, with the same settings) instead of the shipped one, which learned from them.",
        };
        var withoutBreaks = new Option<bool>("--without-paragraph-breaks")
        {
            Description = "Score the articles as text that lost its paragraph breaks (every line after the title joined, as scraped pages " +
                          "and CNN/DailyMail come); with --cross-validate the parts' models still learn from the paragraphs.",
        };
        var share = new Option<double>("--training-share")
        {
            Description = "With --cross-validate: each part's model learns from this share of its training articles (the same articles " +
                          "for every part and seed; a smaller share's are in a larger one's), scored on whole parts: a learning curve.",
            DefaultValueFactory = _ => 1,
        };
        var command = new Command("quotes", "Precision, recall and F1 of quote contents and speaker accuracy on PolNeAR, with and without quotation marks.")
        {
            directory, details, model, folds, byCue, agreement, trainOthers, withoutBreaks, share,
        };
        command.Validators.Add(result =>
        {
            if (result.GetValue(agreement) && result.GetValue(folds) > 0)
            {
                result.AddError("--agreement scores the articles annotated more than once; use --train-others rather than --cross-validate for a model that did not learn from them.");
            }
            if (result.GetValue(withoutBreaks) && result.GetValue(agreement))
            {
                result.AddError("--without-paragraph-breaks goes with a split's evaluation or --cross-validate, not --agreement.");
            }
            if (result.GetValue(trainOthers) && !result.GetValue(agreement))
            {
                result.AddError("--train-others goes with --agreement.");
            }
            if (result.GetResult(share) is { Implicit: false })
            {
                if (result.GetValue(folds) <= 0)
                {
                    result.AddError("--training-share goes with --cross-validate.");
                }
                if (result.GetValue(share) is not (> 0 and <= 1))
                {
                    result.AddError("--training-share is a share of the training articles: more than 0 and at most 1 (e.g. 0.5).");
                }
            }
        });
        // With --cross-validate, the models of the parts are trained as `train quotes` would with the same settings.
        var training = QuoteTrainingArguments.AddTo(command);
        command.SetAction(parse =>
        {
            var articles = PolnearCorpus.Read(parse.GetValue(directory)!.FullName);
            var services = CliServices.Extraction();
            ArticleExtractor ExtractorWith(IQuoteExtractor quotes) => new(services.GetRequiredService<Pipeline.Entities.IEntityExtractor>(), quotes,
                services.GetRequiredService<ISummarizer>(), services.GetRequiredService<KeyPhraseExtractor>());
            using var detailWriter = parse.GetValue(details) is { } file ? new StreamWriter(file.FullName) : null;
            if (parse.GetValue(folds) is > 0 and var k)
            {
                double trainingShare = parse.GetValue(share);
                var pooled = QuoteCrossValidation.Run(articles, k, training.Read(parse), ExtractorWith, Console.Out, detailWriter,
                    parse.GetValue(withoutBreaks), trainingShare);
                Console.WriteLine();
                Console.WriteLine(trainingShare < 1
                    ? $"{k}-fold cross-validation, each part's model learning from {trainingShare:0.###} of its training articles, counts pooled over the folds:"
                    : $"{k}-fold cross-validation, counts pooled over the folds:");
                QuoteEvaluation.Print(pooled, Console.Out);
                PrintByCue(pooled);
                return 0;
            }
            var extractor = parse.GetValue(model) is { } path
                ? ExtractorWith(new LearnedQuoteExtractor(QuoteModel.Load(path.FullName)))
                : services.GetRequiredService<ArticleExtractor>();
            if (parse.GetValue(agreement))
            {
                var annotated = PolnearCorpus.ReadMultiplyAnnotated(parse.GetValue(directory)!.FullName);
                if (annotated.Count == 0)
                {
                    Console.Error.WriteLine($"No article of {parse.GetValue(directory)!.FullName} is annotated more than once: there is nothing to compare.");
                    return 2;
                }
                if (parse.GetValue(trainOthers))
                {
                    var names = annotated.Select(a => a.Article.Name).ToHashSet(StringComparer.Ordinal);
                    var once = articles.Where(a => !names.Contains(a.Name)).ToList();
                    Console.WriteLine($"training on the {once.Count} articles annotated once ...");
                    extractor = ExtractorWith(new LearnedQuoteExtractor(QuoteTraining.Train(once, training.Read(parse), TextWriter.Null)));
                }
                var agreed = AnnotatorAgreement.Run(annotated, new QuoteEvaluation(extractor));
                AnnotatorAgreement.Print(agreed, Console.Out);
                if (parse.GetValue(byCue) is > 0 and var words)
                {
                    Console.WriteLine();
                    AnnotatorAgreement.PrintByCue(agreed, Console.Out, words);
                }
                return 0;
            }
            var scored = parse.GetValue(withoutBreaks) ? articles.Select(a => a.WithoutParagraphBreaks()).ToList() : articles;
            var report = new QuoteEvaluation(extractor).Run(scored, detailWriter);
            QuoteEvaluation.Print(report, Console.Out);
            PrintByCue(report);
            return 0;

            void PrintByCue(QuoteEvaluationReport report)
            {
                if (parse.GetValue(byCue) is > 0 and var top)
                {
                    Console.WriteLine();
                    report.ByCue.Print(Console.Out, top);
                }
            }
        });
        return command;
    }
}

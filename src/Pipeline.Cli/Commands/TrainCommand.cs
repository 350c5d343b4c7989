using Pipeline.Evaluation.Entities.Training;
using System.CommandLine;
using Pipeline.Entities.Tagging;
using Pipeline.Evaluation.Quotes.Training;
using Pipeline.Evaluation.Summaries;
using Pipeline.Evaluation.Summaries.Training;

namespace Pipeline.Cli.Commands;

/// <summary><c>pipeline train entities | quotes | summaries</c>: trains the project's models from annotated data given by path.</summary>
internal static class TrainCommand
{
    public const string ShippedModel = "src/Pipeline.Extraction/Entities/Tagging/ner-model.bin";

    public const string ShippedNameLists = "src/Pipeline.Extraction/Entities/Tagging/NameLists";

    public static Command Create()
    {
        var command = new Command("train", "Train the project's models from annotated data you give by path (the data never ships; the model does).");
        command.Add(Entities());
        command.Add(Quotes());
        command.Add(Summaries());
        return command;
    }

    public const string ShippedQuoteModel = "src/Pipeline.Extraction/Quotes/Model";

    private static Command Quotes()
    {
        var data = new Option<DirectoryInfo>("--data") { Description = "A PolNeAR training split holding text/ and attributions/, e.g. ../shared/eval/polnear/train.", Required = true };
        var output = new Option<DirectoryInfo>("--out") { Description = "Folder to write quote-model.bin into. The default replaces the shipped model; rebuild to embed it.", DefaultValueFactory = _ => new DirectoryInfo(ShippedQuoteModel) };
        var command = new Command("quotes", "Train the quote attribution model (cues, content, links, sources; with and without quotation marks) on PolNeAR train.")
        {
            data, output,
        };
        var training = QuoteTrainingArguments.AddTo(command);
        command.SetAction(parse =>
        {
            QuoteTraining.Run(parse.GetValue(data)!.FullName, parse.GetValue(output)!.FullName, training.Read(parse), Console.Out);
            return 0;
        });
        return command;
    }

    public const string ShippedSummaryModel = "src/Pipeline.Extraction/Summaries/Models/sentence-scorer.txt";

    private static Command Summaries()
    {
        var file = new Argument<FileInfo>("file") { Description = "JSONL of {id, article, highlights} to learn from, e.g. ../shared/eval/cnndm/validation_first1000.jsonl." };
        var model = new Option<FileInfo>("--model") { Description = "Weights file to write. The default replaces the shipped one; rebuild to embed it.", DefaultValueFactory = _ => new FileInfo(ShippedSummaryModel) };
        var folds = new Option<int>("--folds") { Description = "Cross-validation folds reported before the final model is fitted on everything.", DefaultValueFactory = _ => 2 };
        var seed = new Option<int>("--seed") { Description = "Seed of the fold split.", DefaultValueFactory = _ => 1 };
        var command = new Command("summaries", "Fit the summarizer's sentence scorer on greedy ROUGE-oracle labels, with cross-validated ROUGE against Lead-3.")
        {
            file, model, folds, seed,
        };
        command.SetAction(parse => SummaryTrainer.Run(parse.GetValue(file)!.FullName, parse.GetValue(model)!.FullName,
            parse.GetValue(folds), parse.GetValue(seed), Console.Out, new TrainerSettings()));
        return command;
    }

    private static Command Entities()
    {
        var defaults = new NerTrainingOptions();
        var data = new Option<DirectoryInfo>("--data") { Description = "Folder with eng.train (training) and eng.testa (epochs are chosen on it).", DefaultValueFactory = _ => new DirectoryInfo(defaults.DataDirectory) };
        var unlabelled = new Option<DirectoryInfo?>("--unlabelled") { Description = "Folder of unlabelled news for word clusters and the case profile (default: the parent of --data)." };
        var output = new Option<FileInfo>("--out") { Description = "Model file to write. The default replaces the shipped model; rebuild to embed it.", DefaultValueFactory = _ => new FileInfo(ShippedModel) };
        var seed = new Option<int>("--seed") { Description = "Shuffle seed; the same seed and data give the same model.", DefaultValueFactory = _ => defaults.Seed };
        var epochs = new Option<int>("--max-epochs") { Description = "Upper bound on epochs per pass.", DefaultValueFactory = _ => defaults.MaxEpochs };
        var crossValidate = new Option<int>("--cross-validate") { Description = "Instead of writing a model, cross-validate on eng.train with this many folds (contiguous blocks of documents): per-fold and mean F1 of the held-out blocks." };
        var fold = new Option<int?>("--fold") { Description = "With --cross-validate, run only this fold (1-based), to split the work into shorter runs." };
        var nameLists = new Option<DirectoryInfo?>("--name-lists") { Description = "Folder of the external name lists (people's names, cities, regions, countries); 'none' trains without them.", DefaultValueFactory = _ => new DirectoryInfo(ShippedNameLists) };
        var clusterCache = new Option<FileInfo?>("--cluster-cache") { Description = "Reuse word clusters from this file (written when missing; one file per fold when cross-validating): clustering is the slow step of experiments." };
        var command = new Command("entities", "Train the entity tagger (averaged perceptron, two passes) on CoNLL-2003 eng.train, tuned on eng.testa.")
        {
            data, unlabelled, output, seed, epochs, crossValidate, fold, nameLists, clusterCache,
        };
        command.SetAction(parse =>
        {
            var options = new NerTrainingOptions
            {
                DataDirectory = parse.GetValue(data)!.FullName,
                UnlabelledDirectory = parse.GetValue(unlabelled)?.FullName,
                OutputPath = parse.GetValue(output)!.FullName,
                Seed = parse.GetValue(seed),
                MaxEpochs = parse.GetValue(epochs),
                ClusterCache = parse.GetValue(clusterCache)?.FullName,
                NameListDirectory = parse.GetValue(nameLists) is { Name: not "none" } lists ? lists.FullName : null,
            };
            if (parse.GetValue(crossValidate) is > 0 and var folds)
            {
                var validation = NerCrossValidation.Run(options, folds, parse.GetValue(fold) - 1, Console.Out);
                Console.WriteLine(validation.Format());
                return 0;
            }
            var result = NerTraining.Run(options, Console.Out);
            Console.WriteLine(result.TuningScores.Format());
            Console.WriteLine($"wrote {result.ModelPath} ({result.ModelBytes:N0} bytes) in {result.Elapsed.TotalSeconds:F0} s");
            return 0;
        });
        return command;
    }
}

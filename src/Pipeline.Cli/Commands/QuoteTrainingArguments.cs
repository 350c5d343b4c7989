using System.CommandLine;
using Pipeline.Evaluation.Quotes.Training;

namespace Pipeline.Cli.Commands;

/// <summary>
/// The quote-training settings a command line can change, the same for <c>train quotes</c> and for the models
/// <c>eval quotes --cross-validate</c> trains; unset, each is <see cref="QuoteTrainingOptions"/>' default.
/// </summary>
internal sealed class QuoteTrainingArguments
{
    private static readonly QuoteTrainingOptions Defaults = new();

    private readonly Option<int> seed = new("--seed") { Description = "Shuffle seed; the same seed and data give the same model.", DefaultValueFactory = _ => Defaults.Seed };
    private readonly Option<double> rate = new("--min-cue-word-rate") { Description = "Share of its occurrences a word must begin a training cue in to be scored as a cue (speed against recall).", DefaultValueFactory = _ => Defaults.MinCueWordRate };
    private readonly Option<double> prune = new("--prune") { Description = "Drop weights smaller than this share of their stage's largest (model size against accuracy).", DefaultValueFactory = _ => Defaults.Prune };
    private readonly Option<int> contentEpochs = new("--content-epochs") { Description = "Passes over the articles that train the content stage.", DefaultValueFactory = _ => Defaults.ContentEpochs };
    private readonly Option<int> jackknifeFolds = new("--jackknife-folds")
    {
        Description = "Parts the articles are split into so that later stages learn from cues and content found without seeing them.",
        DefaultValueFactory = _ => Defaults.JackknifeFolds,
    };
    private readonly Option<int> ensemble = new("--ensemble")
    {
        Description = "Train this many times, with seeds from --seed on, and average the weights (training time against variance).",
        DefaultValueFactory = _ => Defaults.Ensemble,
    };

    private readonly Option<FileSystemInfo[]> unlabelled = new("--unlabelled")
    {
        Description = "Unlabelled news (CNN/DailyMail JSONLs, folders of .txt articles, CoNLL-2003 files; one or more) that the model for text " +
                      "without marks also learns from, labelled by the model for text with marks, e.g. ../shared/eval/cnndm/validation_first1000.jsonl.",
        AllowMultipleArgumentsPerToken = true,
    };

    public static QuoteTrainingArguments AddTo(Command command)
    {
        var arguments = new QuoteTrainingArguments();
        command.Add(arguments.seed);
        command.Add(arguments.rate);
        command.Add(arguments.prune);
        command.Add(arguments.contentEpochs);
        command.Add(arguments.jackknifeFolds);
        command.Add(arguments.ensemble);
        command.Add(arguments.unlabelled.AcceptExistingOnly());
        AtLeast(arguments.contentEpochs, 1);
        AtLeast(arguments.jackknifeFolds, 2);
        AtLeast(arguments.ensemble, 1);
        return arguments;
    }

    public QuoteTrainingOptions Read(ParseResult parse) => Defaults with
    {
        Seed = parse.GetValue(seed),
        MinCueWordRate = parse.GetValue(rate),
        Prune = parse.GetValue(prune),
        ContentEpochs = parse.GetValue(contentEpochs),
        JackknifeFolds = parse.GetValue(jackknifeFolds),
        Ensemble = parse.GetValue(ensemble),
        Unlabelled = parse.GetValue(unlabelled) is { } paths ? UnlabelledNews.Read(paths.Select(path => path.FullName)) : [],
    };

    private static void AtLeast(Option<int> option, int least) =>
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < least)
            {
                result.AddError($"{option.Name} must be {least} or more.");
            }
        });
}

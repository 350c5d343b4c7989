using System.Globalization;
using System.Text;
using Pipeline.Entities;
using Pipeline.Entities.Tagging;

namespace Pipeline.Evaluation.Entities.Training;

/// <summary>
/// k-fold cross-validation on the training file, the stand-in for the held-out test split: the documents of
/// <c>eng.train</c> are cut into k contiguous blocks (the file is in date order, so a block is a stretch of news the
/// other blocks did not cover, as the test split is), and each block is tagged by a model trained on the others.
/// The held-out block feeds nothing of its model: not the gazetteer, not the case profile, not the word clusters.
/// Epochs are still chosen on <c>eng.testa</c>, as in a normal run.
/// </summary>
public static class NerCrossValidation
{
    /// <summary>Runs every fold, or only <paramref name="onlyFold"/> (0-based) to split the work into shorter runs.</summary>
    public static NerCrossValidationResult Run(NerTrainingOptions options, int folds, int? onlyFold, TextWriter log)
    {
        if (folds < 2)
        {
            throw new ArgumentOutOfRangeException(nameof(folds), "Cross-validation needs at least two folds.");
        }
        if (onlyFold is { } only && (only < 0 || only >= folds))
        {
            throw new ArgumentOutOfRangeException(nameof(onlyFold), $"The fold must be between 0 and {folds - 1}.");
        }
        var documents = ConllReader.ReadFile(Path.Combine(options.DataDirectory, "eng.train"));
        var tune = ConllReader.ReadFile(Path.Combine(options.DataDirectory, "eng.testa"));
        var results = new List<(int Fold, SpanScores Scores)>();
        var pooled = new SpanScores();
        for (int fold = 0; fold < folds; fold++)
        {
            if (onlyFold is { } selected && selected != fold)
            {
                continue;
            }
            int start = fold * documents.Count / folds, end = (fold + 1) * documents.Count / folds;
            var heldOut = documents.GetRange(start, end - start);
            var train = new List<ConllDocument>(documents.Count - heldOut.Count);
            train.AddRange(documents.GetRange(0, start));
            train.AddRange(documents.GetRange(end, documents.Count - end));
            var foldOptions = options with
            {
                // Clusters depend on the training text, so each fold caches its own.
                ClusterCache = options.ClusterCache is { } cache ? string.Create(CultureInfo.InvariantCulture, $"{cache}.fold{fold}of{folds}") : null,
            };
            log.WriteLine($"fold {fold + 1}/{folds}: training on {train.Count} documents, holding out documents {start}..{end - 1}");
            var trained = NerTraining.Train(train, tune, foldOptions, log);
            var scores = NerEvaluation.Evaluate(new PerceptronTagger(trained.Model), heldOut);
            pooled.Add(scores);
            log.WriteLine($"fold {fold + 1}/{folds}: held-out F1 {scores.F1():F4}");
            results.Add((fold, scores));
        }
        return new NerCrossValidationResult(folds, results, pooled);
    }
}

/// <summary>Per-fold scores of a cross-validation, their mean and the scores of all held-out documents pooled.</summary>
public sealed record NerCrossValidationResult(int Folds, IReadOnlyList<(int Fold, SpanScores Scores)> PerFold, SpanScores Pooled)
{
    public double MeanF1()
    {
        double sum = 0;
        foreach (var (_, scores) in PerFold)
        {
            sum += scores.F1();
        }
        return PerFold.Count == 0 ? 0 : sum / PerFold.Count;
    }

    /// <summary>A table with one row per fold (F1 per type and micro), the mean of the folds, and the pooled conlleval output.</summary>
    public string Format()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine("| fold | PER | ORG | LOC | MISC | micro F1 |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|");
        foreach (var (fold, scores) in PerFold)
        {
            text.AppendLine(c, $"| {fold + 1}/{Folds} | {Row(scores)}");
        }
        text.AppendLine(c, $"| mean of {PerFold.Count} | {MeanOfTypes()}");
        text.AppendLine();
        text.AppendLine("All held-out documents pooled:");
        text.Append(Pooled.Format());
        return text.ToString();
    }

    private static string Row(SpanScores scores)
    {
        var c = CultureInfo.InvariantCulture;
        var row = new StringBuilder();
        for (int t = 0; t < BilouLabels.TypeCount; t++)
        {
            row.Append(c, $"{scores.F1((EntityType)t) * 100:F2} | ");
        }
        row.Append(c, $"**{scores.F1() * 100:F2}** |");
        return row.ToString();
    }

    private string MeanOfTypes()
    {
        var c = CultureInfo.InvariantCulture;
        var row = new StringBuilder();
        for (int t = 0; t < BilouLabels.TypeCount; t++)
        {
            double sum = 0;
            foreach (var (_, scores) in PerFold)
            {
                sum += scores.F1((EntityType)t);
            }
            row.Append(c, $"{sum / Math.Max(1, PerFold.Count) * 100:F2} | ");
        }
        row.Append(c, $"**{MeanF1() * 100:F2}** |");
        return row.ToString();
    }
}

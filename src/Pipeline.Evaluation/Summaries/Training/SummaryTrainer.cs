using System.Globalization;
using Pipeline.Summaries;

namespace Pipeline.Evaluation.Summaries.Training;

/// <summary>Training choices, kept together so a cross-validation run and the final fit use the same ones.</summary>
/// <param name="L2">Penalty on feature weights.</param>
/// <param name="Redundancy">Containment above which a sentence repeating a chosen one is skipped.</param>
/// <param name="WithTokenizedCopies">Also train on tokenized, lower-cased copies of the articles (in memory).</param>
/// <param name="DetailPath">Where to write per-document cross-validation scores (numbers only), if anywhere.</param>
/// <param name="Objective">What the weights are fitted to.</param>
/// <param name="Temperature">For <see cref="TrainingObjective.ListwiseSoft"/>: how sharply per-sentence ROUGE becomes a target.</param>
public sealed record TrainerSettings(double L2 = 1.0, float Redundancy = 0.6f, bool WithTokenizedCopies = true, string? DetailPath = null,
    TrainingObjective Objective = TrainingObjective.Listwise, double Temperature = 0.05);

/// <summary>How the sentence scorer is fitted.</summary>
public enum TrainingObjective
{
    /// <summary>Pointwise: is this sentence one the greedy oracle picks?</summary>
    Logistic,
    /// <summary>Per document: softmax of scores towards the oracle's picks.</summary>
    Listwise,
    /// <summary>Per document: softmax of scores towards softmax(own ROUGE / temperature).</summary>
    ListwiseSoft,
}

/// <summary>
/// Fits the sentence scorer on greedy-oracle labels and reports honest numbers: k-fold cross-validation (train on
/// k-1 folds, summarize the held-out fold) in the raw condition and in the tokenized, lower-cased condition, with
/// Lead-3 on the same held-out documents; then fits on everything and writes the model file. The articles are
/// read in place and only the weights are written.
/// </summary>
public static class SummaryTrainer
{
    public static int Run(string jsonlPath, string? modelOut, int folds, int seed, TextWriter output, TrainerSettings? settings = null)
    {
        settings ??= new TrainerSettings();
        var pairs = SummaryCorpus.Read(jsonlPath);
        output.WriteLine($"building features and oracle labels for {pairs.Count} articles (raw{(settings.WithTokenizedCopies ? " + tokenized/lower-cased" : "")})");
        var raw = TrainingSet.Build(pairs, lowercaseTokenized: false);
        var tokenized = settings.WithTokenizedCopies ? TrainingSet.Build(pairs, lowercaseTokenized: true) : null;

        if (folds >= 2)
        {
            CrossValidate(pairs, raw, tokenized, folds, seed, settings, output);
        }
        var all = Enumerable.Range(0, pairs.Count).ToArray();
        var model = Fit(raw, tokenized, all, settings,
            $"trained on {pairs.Count} articles of {Path.GetFileName(jsonlPath)} (greedy ROUGE oracle, 3 sentences), {DateTime.UtcNow:yyyy-MM-dd}");
        if (modelOut is not null)
        {
            using var writer = new StreamWriter(modelOut);
            model.Save(writer);
            output.WriteLine($"model written to {modelOut}");
        }
        PrintWeights(model, output);
        return 0;
    }

    internal static void CrossValidate(IReadOnlyList<SummaryPair> pairs, TrainingDocument[] raw, TrainingDocument[]? tokenized,
        int folds, int seed, TrainerSettings settings, TextWriter output)
    {
        var order = Enumerable.Range(0, pairs.Count).ToArray();
        new Random(seed).Shuffle(order);
        var rawResults = new List<EvaluationResult>();
        var tokResults = new List<EvaluationResult>();
        for (int f = 0; f < folds; f++)
        {
            var test = new List<int>();
            var train = new List<int>();
            for (int i = 0; i < order.Length; i++)
            {
                (i % folds == f ? test : train).Add(order[i]);
            }
            test.Sort();
            var model = Fit(raw, tokenized, [.. train], settings, $"fold {f + 1} of {folds}");
            var summarizer = new FeatureSummarizer(model);
            rawResults.Add(SummaryEvaluation.Evaluate(pairs, 3, new EvaluationOptions(false, test, summarizer)));
            tokResults.Add(SummaryEvaluation.Evaluate(pairs, 3, new EvaluationOptions(true, test, summarizer)));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"fold {f + 1}: train {train.Count}, test {test.Count}; raw R1 {rawResults[^1].Ours.Rouge1:F2} vs lead {rawResults[^1].Lead.Rouge1:F2}; tokenized R1 {tokResults[^1].Ours.Rouge1:F2} vs lead {tokResults[^1].Lead.Rouge1:F2}"));
        }
        if (settings.DetailPath is not null)
        {
            WriteDetail(settings.DetailPath, rawResults, tokResults);
        }
        PrintSubsets(rawResults, "raw", output);
        PrintSubsets(tokResults, "tokenized", output);
        SummaryEvaluation.Print(Pool(rawResults), 3, $"{folds}-fold cross-validation, raw text, held-out folds pooled", output);
        SummaryEvaluation.Print(Pool(tokResults), 3, $"{folds}-fold cross-validation, tokenized + lower-cased, held-out folds pooled", output);
    }

    /// <summary>Fits on the documents at <paramref name="indices"/> (and their tokenized copies).</summary>
    internal static SentenceScorerModel Fit(TrainingDocument[] raw, TrainingDocument[]? tokenized, int[] indices, TrainerSettings settings, string description)
    {
        int width = SentenceFeatures.Count;
        if (settings.Objective != TrainingObjective.Logistic)
        {
            var documents = tokenized is null ? raw : [.. raw, .. tokenized];
            var chosen = new List<int>(indices);
            if (tokenized is not null)
            {
                foreach (int i in indices)
                {
                    chosen.Add(raw.Length + i);
                }
            }
            double temperature = settings.Objective == TrainingObjective.ListwiseSoft ? settings.Temperature : 0;
            var lw = ListwiseRanker.Fit(documents, chosen, width, settings.L2 * 1e-3, temperature);
            return new SentenceScorerModel(Array.ConvertAll(lw, x => (float)x), 0, settings.Redundancy, description);
        }
        var rows = new List<float[]>();
        var labels = new List<bool>();
        foreach (int i in indices)
        {
            AddRows(raw[i], width, rows, labels);
            if (tokenized is not null)
            {
                AddRows(tokenized[i], width, rows, labels);
            }
        }
        var w = LogisticRegression.Fit(rows, labels, width, settings.L2);
        var weights = new float[width];
        for (int j = 0; j < width; j++)
        {
            weights[j] = (float)w[j];
        }
        return new SentenceScorerModel(weights, (float)w[width], settings.Redundancy, description);
    }

    private static void AddRows(TrainingDocument document, int width, List<float[]> rows, List<bool> labels)
    {
        for (int s = document.Body; s < document.Candidates; s++)
        {
            if (document.Eligible[s])
            {
                rows.Add(document.Features.AsSpan(s * width, width).ToArray());
                labels.Add(document.Labels[s]);
            }
        }
    }

    /// <summary>Document-weighted means over folds: the same as scoring all held-out documents together.</summary>
    private static EvaluationResult Pool(List<EvaluationResult> results)
    {
        int n = 0;
        double o1 = 0, o2 = 0, ol = 0, l1 = 0, l2 = 0, ll = 0, seconds = 0;
        foreach (var r in results)
        {
            n += r.Documents;
            o1 += r.Ours.Rouge1 * r.Documents;
            o2 += r.Ours.Rouge2 * r.Documents;
            ol += r.Ours.RougeL * r.Documents;
            l1 += r.Lead.Rouge1 * r.Documents;
            l2 += r.Lead.Rouge2 * r.Documents;
            ll += r.Lead.RougeL * r.Documents;
            seconds += r.SecondsSummarizing;
        }
        return new EvaluationResult(n, new RougeTriple(o1 / n, o2 / n, ol / n), new RougeTriple(l1 / n, l2 / n, ll / n), seconds);
    }

    /// <summary>Per held-out document: condition, index, our and Lead-3 ROUGE, positions taken; numbers only, no text.</summary>
    private static void WriteDetail(string path, List<EvaluationResult> raw, List<EvaluationResult> tokenized)
    {
        using var writer = new StreamWriter(path);
        writer.WriteLine("condition\tindex\tours_r1\tours_r2\tours_rl\tlead_r1\tlead_r2\tlead_rl\tpositions\tbody\tfirst_words");
        foreach (var (name, results) in new[] { ("raw", raw), ("tokenized", tokenized) })
        {
            foreach (var result in results)
            {
                foreach (var d in result.PerDocument)
                {
                    writer.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"{name}\t{d.Index}\t{d.Ours.Rouge1:F3}\t{d.Ours.Rouge2:F3}\t{d.Ours.RougeL:F3}\t{d.Lead.Rouge1:F3}\t{d.Lead.Rouge2:F3}\t{d.Lead.RougeL:F3}\t{string.Join(',', d.Positions)}\t{d.BodySentences}\t{d.FirstSentenceWords}"));
                }
            }
        }
    }

    /// <summary>
    /// The gain over Lead-3 where the first sentence is long (a hard-news lead, as in DailyMail) and where it is short
    /// (a feature lede, common in CNN): the held-out test set is mostly the former.
    /// </summary>
    private static void PrintSubsets(List<EvaluationResult> results, string condition, TextWriter output)
    {
        foreach (var (name, min, max) in new[] { ("first sentence < 25 tokens", 0, 25), ("first sentence >= 25 tokens", 25, int.MaxValue) })
        {
            double d1 = 0, d2 = 0, dl = 0, lead = 0;
            int n = 0;
            foreach (var r in results)
            {
                foreach (var d in r.PerDocument)
                {
                    if (d.FirstSentenceWords >= min && d.FirstSentenceWords < max)
                    {
                        n++;
                        d1 += d.Ours.Rouge1 - d.Lead.Rouge1;
                        d2 += d.Ours.Rouge2 - d.Lead.Rouge2;
                        dl += d.Ours.RougeL - d.Lead.RougeL;
                        lead += d.Lead.Rouge1;
                    }
                }
            }
            if (n > 0)
            {
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"  {condition}, {name}: {n} docs, lead-3 R1 {lead / n:F2}, ours - lead: R1 {d1 / n:+0.00;-0.00} R2 {d2 / n:+0.00;-0.00} RL {dl / n:+0.00;-0.00}"));
            }
        }
    }

    private static void PrintWeights(SentenceScorerModel model, TextWriter output)
    {
        var line = new System.Text.StringBuilder("weights:");
        for (int i = 0; i < model.Weights.Length; i++)
        {
            line.Append(CultureInfo.InvariantCulture, $" {SentenceFeatures.Names[i]}={model.Weights[i]:F2}");
        }
        output.WriteLine(line.Append(CultureInfo.InvariantCulture, $" bias={model.Bias:F2}").ToString());
    }
}

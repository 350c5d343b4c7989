using System.Diagnostics;
using System.Globalization;
using Pipeline.Entities;
using Pipeline.Entities.Tagging;
using Pipeline.Quotes;

namespace Pipeline.Evaluation.Quotes.Training;

/// <summary>
/// <c>pipeline train quotes</c>: learns the quote model from PolNeAR's training split, one model on the articles as
/// written and one on copies with every double quotation mark removed (offsets remapped), trained side by side.
/// </summary>
public static class QuoteTraining
{
    public static QuoteModel Train(IReadOnlyList<PolnearArticle> articles, QuoteTrainingOptions options, TextWriter log)
    {
        var prepared = Prepare(articles);
        return Train(prepared.Marked, prepared.Stripped, options, log);
    }

    /// <summary>Trains from prepared articles (see <see cref="Prepare"/>), so that cross-validation prepares once.</summary>
    internal static QuoteModel Train(IReadOnlyList<TrainingArticle> marked, IReadOnlyList<TrainingArticle> stripped, QuoteTrainingOptions options, TextWriter log)
    {
        log = TextWriter.Synchronized(log);
        AttributionModel? markedModel = null, strippedModel = null;
        if (options.Unlabelled.Count == 0)
        {
            Parallel.Invoke(
                () => markedModel = AttributionTrainer.Train(marked, options, log, "marked", marked: true),
                () => strippedModel = AttributionTrainer.Train(stripped, options, log, "stripped", marked: false));
        }
        else
        {
            // The model for text with marks first: it labels the unlabelled articles the other one also learns from, read
            // in paragraphs where the annotated articles' paragraphs would break.
            LinearModel? breaks = null;
            Parallel.Invoke(
                () => markedModel = AttributionTrainer.Train(marked, options, log, "marked", marked: true),
                () => breaks = AttributionTrainer.TrainBreaks(stripped, options));
            var labelled = UnlabelledNews.Label(options.Unlabelled, markedModel!, breaks!);
            var (_, strippedCopies) = Prepare(labelled);
            log.WriteLine($"  unlabelled: {labelled.Count:N0} articles, {labelled.Sum(a => a.Attributions.Count):N0} attributions found with marks, learned without them");
            strippedModel = AttributionTrainer.Train([.. stripped, .. strippedCopies], options, log, "stripped", marked: false);
        }
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["corpus"] = "PolNeAR train (first annotation file per article)",
            ["articles"] = marked.Count.ToString(CultureInfo.InvariantCulture),
            ["seed"] = options.Seed.ToString(CultureInfo.InvariantCulture),
            ["epochs"] = $"cue {options.CueEpochs}, content {options.ContentEpochs}, link {options.LinkEpochs}, source {options.SourceEpochs}",
        };
        if (options.Unlabelled.Count > 0)
        {
            metadata["unlabelled"] = $"{options.Unlabelled.Count} articles with marks, labelled by the model for text with marks, for the model without";
        }
        if (options.Ensemble > 1)
        {
            metadata["ensemble"] = $"{options.Ensemble} seeds from {options.Seed}, averaged";
        }
        return new QuoteModel(markedModel!, strippedModel!, metadata);
    }

    /// <summary>Every article as written and with its marks stripped, parsed and tagged as at run time.</summary>
    internal static (List<TrainingArticle> Marked, List<TrainingArticle> Stripped) Prepare(IReadOnlyList<PolnearArticle> articles)
    {
        var entities = new EntityExtractor(EntityModels.Recognizer);
        var marked = new TrainingArticle?[articles.Count];
        var stripped = new TrainingArticle?[articles.Count];
        Parallel.For(0, articles.Count, new ParallelOptions { MaxDegreeOfParallelism = 2 }, i =>
        {
            (marked[i], stripped[i]) = TrainingArticle.Prepare(articles[i], entities);
        });
        return ([.. marked.OfType<TrainingArticle>()], [.. stripped.OfType<TrainingArticle>()]);
    }

    /// <summary>Reads <paramref name="dataDirectory"/>, trains, and writes the model into <paramref name="outputDirectory"/>.</summary>
    public static string Run(string dataDirectory, string outputDirectory, QuoteTrainingOptions options, TextWriter log)
    {
        var watch = Stopwatch.StartNew();
        var articles = PolnearCorpus.Read(dataDirectory);
        log.WriteLine($"{articles.Count} articles, {articles.Sum(a => a.Attributions.Count):N0} attributions");
        var model = Train(articles, options, log);
        Directory.CreateDirectory(outputDirectory);
        string path = Path.Combine(outputDirectory, QuoteModel.FileName);
        model.Save(path);
        log.WriteLine($"wrote {path} ({new FileInfo(path).Length:N0} bytes) in {watch.Elapsed.TotalSeconds:F0} s");
        return path;
    }
}

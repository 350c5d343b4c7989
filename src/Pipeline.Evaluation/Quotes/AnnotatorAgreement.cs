using Pipeline.Quotes;
using Pipeline.Text;

namespace Pipeline.Evaluation.Quotes;

/// <summary>Annotators against the first annotator, and the model against the same annotator in the same pairs.</summary>
/// <param name="Pairs">Later annotations scored against the first one (an article with six annotators gives five).</param>
public sealed record AgreementReport(int Articles, int Pairs, QuoteScores AnnotatorsDirect, QuoteScores AnnotatorsAll, QuoteScores ModelDirect, QuoteScores ModelAll)
{
    /// <summary>Recall of all attributions by the first word of the gold cue: the later annotators', and the model's in the same pairs.</summary>
    public CueRecall AnnotatorsByCue { get; init; } = new();

    public CueRecall ModelByCue { get; init; } = new();

    /// <summary>
    /// The condition "direct quotes, marks stripped" for a later annotator: every attribution they marked, whatever its
    /// type, against the first's direct quotes, those matching the first's other attributions left out of precision, as
    /// <see cref="QuoteEvaluation"/> scores the model's quotes in text without marks. The annotator read the marks, so
    /// this is a ceiling for a person on that condition, not their score without marks.
    /// </summary>
    public QuoteScores AnnotatorsDirectStripped { get; init; } = QuoteScores.Zero;

    /// <summary>The model's "direct quotes, marks stripped" in the same pairs (it reads the text without marks).</summary>
    public QuoteScores ModelDirectStripped { get; init; } = QuoteScores.Zero;
}

/// <summary>
/// How far PolNeAR's annotators agree with one another under <see cref="QuoteEvaluation"/>'s scorer, beside the model:
/// on every article annotated more than once, each later annotation is scored as if it were predictions against the
/// first (the gold <c>eval quotes</c> uses), and the model's quotes against the same first annotation once per such
/// pair, so both columns weigh the articles alike. A second careful reader's figure is the ceiling the model's figures
/// can be read against (the corpus reports token-wise agreement, not this scorer's).
/// </summary>
public static class AnnotatorAgreement
{
    /// <param name="model">Scores the model on the articles; fair only when it did not learn from them.</param>
    public static AgreementReport Run(IReadOnlyList<MultiplyAnnotated> articles, QuoteEvaluation model)
    {
        QuoteScores direct = QuoteScores.Zero, all = QuoteScores.Zero, modelDirect = QuoteScores.Zero, modelAll = QuoteScores.Zero,
            stripped = QuoteScores.Zero, modelStripped = QuoteScores.Zero;
        int pairs = 0;
        var annotatorsByCue = new CueRecall();
        var modelByCue = new CueRecall();
        foreach (var (article, others) in articles)
        {
            var overlap = new SpanOverlap(article.Text);
            var directGold = article.Attributions.Where(a => QuoteEvaluation.HasMark(article.Text, a.Content)).ToList();
            var otherGold = article.Attributions.Where(a => !QuoteEvaluation.HasMark(article.Text, a.Content)).ToList();
            var found = model.Run([article]);
            foreach (var other in others)
            {
                var quotes = other.Select(a => AsQuote(article.Text, a)).ToList();
                direct += QuoteEvaluation.Score(overlap, quotes.Where(q => q.Type == QuoteType.Direct).ToList(), directGold);
                all += QuoteEvaluation.Score(overlap, quotes, article.Attributions,
                    counted: (attribution, matched) => annotatorsByCue.Add(article.Text, attribution.Cue, matched));
                stripped += QuoteEvaluation.ScoreWithoutType(overlap, quotes, directGold, otherGold);
                modelDirect += found.Direct;
                modelStripped += found.DirectStripped;
                modelAll += found.All;
                modelByCue.Add(found.ByCue);
                pairs++;
            }
        }
        return new AgreementReport(articles.Count, pairs, direct, all, modelDirect, modelAll)
        {
            AnnotatorsByCue = annotatorsByCue, ModelByCue = modelByCue, AnnotatorsDirectStripped = stripped, ModelDirectStripped = modelStripped,
        };
    }

    /// <summary>An annotator's attribution as a quote found: its content's parts, direct when they hold a mark, its first source span as the speaker.</summary>
    internal static Quote AsQuote(string text, GoldAttribution attribution)
    {
        var parts = attribution.Content.OrderBy(s => s.Start).ToArray();
        var span = new TextSpan(parts[0].Start, parts[^1].End);
        TextSpan? source = attribution.Source.Length > 0 ? attribution.Source[0] : null;
        var type = QuoteEvaluation.HasMark(text, parts) ? QuoteType.Direct : QuoteType.Indirect;
        string? cue = attribution.Cue.Length > 0 ? text[attribution.Cue[0].Start..attribution.Cue[0].End] : null;
        return new Quote(span, text[span.Start..span.End], type, source is { } s ? text[s.Start..s.End] : null, null, source, cue, 0) { Parts = parts };
    }

    public static void Print(AgreementReport report, TextWriter output)
    {
        output.WriteLine($"PolNeAR articles annotated by more than one person: {report.Articles}, {report.Pairs} later annotations scored against the first");
        output.WriteLine("(content match as in eval quotes; speaker: the later annotator's first source span, or the model's speaker, overlaps the first's source)");
        output.WriteLine();
        output.WriteLine("| condition | scored | predicted | gold | matched | precision | recall | F1 | speaker agreement (matched with a source) |");
        output.WriteLine("|---|---|---:|---:|---:|---:|---:|---:|---:|");
        Row("direct quotes (in marks)", "annotators", report.AnnotatorsDirect);
        Row("direct quotes (in marks)", "the model", report.ModelDirect);
        Row("all attributions", "annotators", report.AnnotatorsAll);
        Row("all attributions", "the model", report.ModelAll);
        Row("direct quotes, marks stripped", "annotators (any attribution they marked, reading the marks)", report.AnnotatorsDirectStripped);
        Row("direct quotes, marks stripped", "the model", report.ModelDirectStripped);

        void Row(string condition, string who, QuoteScores s) => output.WriteLine(
            $"| {condition} | {who} | {s.Predicted} | {s.Gold} | {s.Matched} | {s.Precision:F3} | {s.Recall:F3} | {s.F1:F3} | {s.SpeakerAccuracy:F3} ({s.SpeakerCorrect}/{s.SpeakerChecked}) |");
    }

    /// <summary>Recall of all attributions by the gold cue's first word, annotators beside the model, the <paramref name="top"/> words the model misses most first.</summary>
    public static void PrintByCue(AgreementReport report, TextWriter output, int top)
    {
        output.WriteLine($"All attributions by the first word of the gold cue: the {top} the model misses the most");
        output.WriteLine();
        output.WriteLine("| cue word | gold | later annotators: matched | recall | the model: matched | recall |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var word in report.ModelByCue.ByMissed.Take(top))
        {
            var (gold, model) = report.ModelByCue[word];
            var (_, annotators) = report.AnnotatorsByCue[word];
            output.WriteLine($"| {word} | {gold} | {annotators} | {(double)annotators / gold:F2} | {model} | {(double)model / gold:F2} |");
        }
    }
}

using Pipeline.Articles;
using Pipeline.Extraction;
using Pipeline.Quotes;
using Pipeline.Text;

namespace Pipeline.Evaluation.Quotes;

/// <summary>Counts behind precision, recall, F1 and speaker accuracy for one condition.</summary>
/// <param name="MissedNear">Gold contents left unmatched that a predicted quote overlaps all the same (its bounds are wrong).</param>
/// <param name="ExtraNear">Predicted quotes left unmatched that overlap a gold content all the same.</param>
public sealed record QuoteScores(int Predicted, int Gold, int Matched, int SpeakerChecked, int SpeakerCorrect, int MissedNear = 0, int ExtraNear = 0)
{
    public double Precision => Predicted == 0 ? 0 : (double)Matched / Predicted;
    public double Recall => Gold == 0 ? 0 : (double)Matched / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    public double SpeakerAccuracy => SpeakerChecked == 0 ? 0 : (double)SpeakerCorrect / SpeakerChecked;

    public static QuoteScores operator +(QuoteScores a, QuoteScores b) =>
        new(a.Predicted + b.Predicted, a.Gold + b.Gold, a.Matched + b.Matched, a.SpeakerChecked + b.SpeakerChecked, a.SpeakerCorrect + b.SpeakerCorrect,
            a.MissedNear + b.MissedNear, a.ExtraNear + b.ExtraNear);

    public static readonly QuoteScores Zero = new(0, 0, 0, 0, 0);
}

/// <summary>The four conditions of the evaluation, summed over the corpus.</summary>
public sealed record QuoteEvaluationReport(int Articles, QuoteScores Direct, QuoteScores All, QuoteScores DirectStripped, QuoteScores AllStripped)
{
    /// <summary>
    /// Direct quotes without marks as the extractor types them: only the quotes it calls quotations
    /// (<see cref="QuoteType.Unmarked"/>) count, as only <see cref="QuoteType.Direct"/> ones do with marks, and one
    /// that matches an indirect gold attribution counts as wrong. How far a user can trust the type in text without marks.
    /// </summary>
    public QuoteScores DirectStrippedTyped { get; init; } = QuoteScores.Zero;

    /// <summary>Recall of all attributions (text with marks) by the first word of the gold cue.</summary>
    public CueRecall ByCue { get; init; } = new();
}

/// <summary>
/// Scores quote extraction on PolNeAR. A predicted quote matches a gold Content when their token overlap is at least
/// half of the longer of the two (one-to-one, largest overlaps first); its speaker is right when the predicted speaker
/// mention overlaps the gold Source. <em>Direct</em>: gold contents holding quotation marks against quotes found in
/// marks. <em>All</em>: every attribution (direct, indirect, beliefs) against every quote. The <em>stripped</em>
/// conditions remove every double quotation mark first (gold offsets remapped); for the direct one, recall is over the
/// formerly marked gold contents, and a quote found that matches one of the other gold attributions is left out of the
/// precision count (it is a correct find, of an indirect attribution). <see cref="QuoteEvaluationReport.DirectStrippedTyped"/>
/// scores the same gold against only the quotes typed as quotations.
/// </summary>
public sealed class QuoteEvaluation(ArticleExtractor extractor)
{
    /// <param name="details">When given, receives every miss and false positive, for error analysis.</param>
    public QuoteEvaluationReport Run(IReadOnlyList<PolnearArticle> articles, TextWriter? details = null)
    {
        QuoteScores direct = QuoteScores.Zero, all = QuoteScores.Zero, directStripped = QuoteScores.Zero, allStripped = QuoteScores.Zero,
            typed = QuoteScores.Zero;
        var byCue = new CueRecall();
        foreach (var article in articles)
        {
            var quotes = Extract(article.Name, article.Text);
            var overlap = new SpanOverlap(article.Text);
            var directGold = article.Attributions.Where(a => HasMark(article.Text, a.Content)).ToList();
            details?.WriteLine($"#### {article.Name}");
            direct += Score(overlap, quotes.Where(q => q.Type == QuoteType.Direct).ToList(), directGold, details is null ? null : new Details(details, "direct", article.Text));
            all += Score(overlap, quotes, article.Attributions, details is null ? null : new Details(details, "all", article.Text),
                (attribution, matched) => byCue.Add(article.Text, attribution.Cue, matched));

            var stripper = new QuotationMarkStripper(article.Text);
            var strippedQuotes = Extract(article.Name, stripper.Text);
            var strippedOverlap = new SpanOverlap(stripper.Text);
            var remapped = article.Attributions.Select(a => new GoldAttribution(stripper.Map(a.Content), stripper.Map(a.Source), stripper.Map(a.Cue))).ToList();
            var remappedDirect = article.Attributions.Select((a, i) => (a, i)).Where(x => HasMark(article.Text, x.a.Content)).Select(x => remapped[x.i]).ToList();
            var otherGold = remapped.Where((_, i) => !HasMark(article.Text, article.Attributions[i].Content)).ToList();
            directStripped += ScoreWithoutType(strippedOverlap, strippedQuotes, remappedDirect, otherGold,
                details is null ? null : new Details(details, "stripped", stripper.Text));
            typed += Score(strippedOverlap, strippedQuotes.Where(q => q.Type != QuoteType.Indirect).ToList(), remappedDirect, null);
            allStripped += Score(strippedOverlap, strippedQuotes, remapped, details is null ? null : new Details(details, "allstripped", stripper.Text));
        }
        return new QuoteEvaluationReport(articles.Count, direct, all, directStripped, allStripped) { ByCue = byCue, DirectStrippedTyped = typed };
    }

    public static void Print(QuoteEvaluationReport report, TextWriter output)
    {
        output.WriteLine($"PolNeAR quote attribution, {report.Articles} articles (content match: token overlap >= 1/2 of the longer span)");
        output.WriteLine();
        output.WriteLine("| condition | predicted | gold | matched | precision | recall | F1 | speaker accuracy (matched with a source) | missed (of them overlapping a quote found) | extra (of them overlapping a gold content) |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        Row("direct quotes (in marks)", report.Direct);
        Row("all attributions", report.All);
        Row("direct quotes, marks stripped", report.DirectStripped);
        Row("all attributions, marks stripped", report.AllStripped);
        output.WriteLine();
        var typed = report.DirectStrippedTyped;
        output.WriteLine($"Direct quotes without marks, only the quotes typed as quotations (Unmarked): F1 {typed.F1:F3} " +
                         $"(precision {typed.Precision:F3}, recall {typed.Recall:F3}; {typed.Predicted} predicted, {typed.Matched} matched).");

        void Row(string name, QuoteScores s) => output.WriteLine(
            $"| {name} | {s.Predicted} | {s.Gold} | {s.Matched} | {s.Precision:F3} | {s.Recall:F3} | {s.F1:F3} | {s.SpeakerAccuracy:F3} ({s.SpeakerCorrect}/{s.SpeakerChecked}) " +
            $"| {s.Gold - s.Matched} ({s.MissedNear}) | {s.Predicted - s.Matched} ({s.ExtraNear}) |");
    }

    private IReadOnlyList<Quote> Extract(string name, string text)
    {
        try
        {
            var article = ArticleParser.Parse(name, name + ".txt", text);
            return extractor.Extract(article).Quotes;
        }
        catch (ArticleRejectedException)
        {
            return [];
        }
    }

    internal static bool HasMark(string text, TextSpan[] spans)
    {
        foreach (var span in spans)
        {
            if (QuotationMarkStripper.HasMark(span.Slice(text)))
            {
                return true;
            }
        }
        return false;
    }

    internal sealed record Details(TextWriter Output, string Condition, string Text)
    {
        public string Show(TextSpan[] spans) => string.Join(" | ", spans.Select(s => Text[s.Start..s.End].ReplaceLineEndings(" ")));

        /// <summary>The span with up to 100 characters either side, the span in [[ ]].</summary>
        public string Context(TextSpan span)
        {
            int from = Math.Max(0, span.Start - 100), to = Math.Min(Text.Length, span.End + 100);
            return (Text[from..span.Start] + "[[" + Text[span.Start..span.End] + "]]" + Text[span.End..to]).ReplaceLineEndings(" ");
        }
    }

    /// <summary>
    /// The largest share of the longer span that <paramref name="span"/> has in common with any of <paramref name="others"/>
    /// (0 when nothing overlaps, under 0.5 when only the bounds were wrong), and which one that is (-1 for none).
    /// </summary>
    private static (double Share, int Index) BestOverlap(int[] span, int[][] others)
    {
        (double Share, int Index) best = (0, -1);
        for (int i = 0; i < others.Length; i++)
        {
            int longer = Math.Max(span.Length, others[i].Length);
            double share = longer == 0 ? 0 : (double)SpanOverlap.Shared(span, others[i]) / longer;
            if (share > best.Share)
            {
                best = (share, i);
            }
        }
        return best;
    }

    /// <summary>
    /// The direct condition when the marks cannot tell a quotation from reported speech: every quote found, whatever its
    /// type, against the <paramref name="direct"/> gold, leaving out of the precision count the quotes that match one of
    /// the <paramref name="other"/> (indirect) gold attributions: those are correct finds, not false positives.
    /// </summary>
    internal static QuoteScores ScoreWithoutType(SpanOverlap overlap, IReadOnlyList<Quote> found, IReadOnlyList<GoldAttribution> direct,
        List<GoldAttribution> other, Details? details = null)
    {
        var candidates = found.Where(q => !other.Exists(g => SpanOverlap.Matches(overlap.Tokens(q.Parts), overlap.Tokens(g.Content)))).ToList();
        return Score(overlap, candidates, direct, details);
    }

    /// <param name="counted">When given, called for every gold attribution with whether a quote found matched it.</param>
    internal static QuoteScores Score(SpanOverlap overlap, IReadOnlyList<Quote> predicted, IReadOnlyList<GoldAttribution> gold, Details? details = null,
        Action<GoldAttribution, bool>? counted = null)
    {
        var predictedTokens = predicted.Select(q => overlap.Tokens(q.Parts)).ToArray();
        var goldTokens = gold.Select(g => overlap.Tokens(g.Content)).ToArray();
        var candidates = new List<(int P, int G, int Shared)>();
        for (int p = 0; p < predictedTokens.Length; p++)
        {
            for (int g = 0; g < goldTokens.Length; g++)
            {
                if (SpanOverlap.Matches(predictedTokens[p], goldTokens[g]))
                {
                    candidates.Add((p, g, SpanOverlap.Shared(predictedTokens[p], goldTokens[g])));
                }
            }
        }
        candidates.Sort((a, b) => b.Shared.CompareTo(a.Shared));
        var usedP = new bool[predicted.Count];
        var usedG = new bool[gold.Count];
        int matched = 0, checkedSpeakers = 0, correct = 0;
        foreach (var (p, g, _) in candidates)
        {
            if (usedP[p] || usedG[g])
            {
                continue;
            }
            usedP[p] = usedG[g] = true;
            matched++;
            details?.Output.WriteLine($"[{details.Condition}] MATCH   {predicted[p].Type} {details.Show(predicted[p].Parts)}   <= {predicted[p].Speaker} / {predicted[p].Cue}");
            if (gold[g].HasSource)
            {
                checkedSpeakers++;
                if (predicted[p].SpeakerMention is { } mention && Array.Exists(gold[g].Source, s => s.Overlaps(mention)))
                {
                    correct++;
                }
                else
                {
                    var q = predicted[p];
                    details?.Output.WriteLine($"[{details.Condition}] SPEAKER gold '{details.Show(gold[g].Source)}' got '{q.Speaker}' at '{(q.SpeakerMention is { } m ? details.Show([m]) : "-")}' in: {details.Context(q.Span)}");
                }
            }
        }
        int missedNear = 0, extraNear = 0;
        for (int g = 0; g < gold.Count; g++)
        {
            counted?.Invoke(gold[g], usedG[g]);
            if (!usedG[g])
            {
                var (share, nearest) = BestOverlap(goldTokens[g], predictedTokens);
                missedNear += nearest >= 0 ? 1 : 0;
                details?.Output.WriteLine($"[{details.Condition}] MISSED  {share:F2} {details.Show(gold[g].Content)}   <= {details.Show(gold[g].Source)} / {details.Show(gold[g].Cue)}"
                    + (nearest >= 0 ? $"   ~ found: {details.Show(predicted[nearest].Parts)}" : ""));
            }
        }
        for (int p = 0; p < predicted.Count; p++)
        {
            if (!usedP[p])
            {
                var q = predicted[p];
                var (share, nearest) = BestOverlap(predictedTokens[p], goldTokens);
                extraNear += nearest >= 0 ? 1 : 0;
                details?.Output.WriteLine($"[{details.Condition}] EXTRA   {share:F2} {q.Type} {details.Show(q.Parts)}   <= {q.Speaker} / {q.Cue}"
                    + (nearest >= 0 ? $"   ~ gold: {details.Show(gold[nearest].Content)}" : ""));
            }
        }
        return new QuoteScores(predicted.Count, gold.Count, matched, checkedSpeakers, correct, missedNear, extraNear);
    }
}

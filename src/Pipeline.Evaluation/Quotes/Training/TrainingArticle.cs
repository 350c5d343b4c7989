using Pipeline.Articles;
using Pipeline.Entities;
using Pipeline.Quotes;
using Pipeline.Text;

namespace Pipeline.Evaluation.Quotes.Training;

/// <summary>
/// One gold attribution on tokens: content parts, the cue, the source tokens (empty when none), and whether the
/// content is verbatim (a quotation in the original text) or reported.
/// </summary>
internal sealed record GoldRelation((int Start, int End)[] Parts, (int Start, int End) Cue, (int Start, int End)[] Source, bool Verbatim)
{
    /// <summary>Index of the attribution in the article's gold list.</summary>
    public int Gold { get; init; }
}

/// <summary>
/// A PolNeAR article as the quote stages see it at run time (parsed, tokenized, entities tagged, quotation marks
/// paired), with its gold attributions on tokens and the gold cue and content labels. The stripped variant is a copy
/// with every double quotation mark removed and the gold offsets remapped; its formerly marked contents are verbatim.
/// </summary>
internal sealed class TrainingArticle
{
    /// <param name="lastLabels">Label the last token of each content part <see cref="ContentLabels.LastVerbatim"/> or
    /// <see cref="ContentLabels.LastReported"/> (text with marks) rather than inside (text without).</param>
    private TrainingArticle(string name, AttributionText text, List<GoldRelation> relations, bool lastLabels)
    {
        Name = name;
        Text = text;
        Relations = relations;
        int n = text.Count;
        CueGold = new byte[n];
        ContentGold = new byte[n];
        PredictedCues = new byte[n];
        FirstPassCues = new byte[n];
        foreach (var relation in relations)
        {
            var (start, end) = relation.Cue;
            for (int t = start; t < end; t++)
            {
                bool begins = t == start || text.SentenceOf[t] != text.SentenceOf[t - 1];
                CueGold[t] = begins ? (byte)CueFeatures.Begin : (byte)CueFeatures.Inside;
            }
            foreach (var (partStart, partEnd) in relation.Parts)
            {
                for (int t = partStart; t < partEnd; t++)
                {
                    bool begins = t == partStart || text.ParagraphOf(t) != text.ParagraphOf(t - 1);
                    bool ends = lastLabels && (t == partEnd - 1 || t + 1 >= n || text.ParagraphOf(t + 1) != text.ParagraphOf(t));
                    ContentGold[t] = (byte)(relation.Verbatim
                        ? begins ? ContentLabels.BeginVerbatim : ends ? ContentLabels.LastVerbatim : ContentLabels.InsideVerbatim
                        : begins ? ContentLabels.BeginReported : ends ? ContentLabels.LastReported : ContentLabels.InsideReported);
                }
            }
        }
    }

    public string Name { get; }

    public AttributionText Text { get; }

    public List<GoldRelation> Relations { get; }

    public byte[] CueGold { get; }

    public byte[] ContentGold { get; }

    /// <summary>First-pass cue labels from a cue model that did not see this article (jackknifed).</summary>
    public byte[] FirstPassCues { get; }

    /// <summary>Cue labels from a cue model that did not see this article (jackknifed), as the later stages will meet them.</summary>
    public byte[] PredictedCues { get; }

    /// <summary>
    /// Prepares <paramref name="article"/> as written and with its marks stripped; nulls when the parser rejects it.
    /// Whether a content is verbatim is read off the text as written.
    /// </summary>
    public static (TrainingArticle? Marked, TrainingArticle? Stripped) Prepare(PolnearArticle article, IEntityExtractor entityExtractor)
    {
        var marked = Prepare(article.Name, article.Text, article.Attributions, null, entityExtractor);
        if (marked is null)
        {
            return (null, null);
        }
        var verbatim = new bool[article.Attributions.Count];
        foreach (var relation in marked.Relations)
        {
            verbatim[relation.Gold] = relation.Verbatim;
        }
        var stripper = new QuotationMarkStripper(article.Text);
        var gold = article.Attributions.Select(g => new GoldAttribution(stripper.Map(g.Content), stripper.Map(g.Source), stripper.Map(g.Cue))).ToList();
        return (marked, Prepare(article.Name, stripper.Text, gold, verbatim, entityExtractor));
    }

    /// <param name="verbatim">Per gold attribution, whether it is verbatim; null to read it off the marks of <paramref name="text"/>.</param>
    private static TrainingArticle? Prepare(string name, string text, IReadOnlyList<GoldAttribution> gold, bool[]? verbatim, IEntityExtractor entityExtractor)
    {
        Article parsed;
        try
        {
            parsed = ArticleParser.Parse(name, name + ".txt", text);
        }
        catch (ArticleRejectedException)
        {
            return null;
        }
        var document = TextDocument.Analyze(parsed.Text, parsed.Paragraphs);
        var entities = entityExtractor.Extract(document);
        var view = new AttributionText();
        view.Load(document, entities, QuotationMarks.Find(document));
        var relations = new List<GoldRelation>(gold.Count);
        for (int i = 0; i < gold.Count; i++)
        {
            var parts = Tokens(document, gold[i].Content);
            var cue = Tokens(document, gold[i].Cue);
            if (parts.Length == 0 || cue.Length == 0)
            {
                continue;
            }
            bool isVerbatim = verbatim?[i] ?? MostlyInMarks(view, parts);
            relations.Add(new GoldRelation(parts, (cue[0].Start, cue[^1].End), Tokens(document, gold[i].Source), isVerbatim) { Gold = i });
        }
        return new TrainingArticle(name, view, relations, lastLabels: verbatim is null);
    }

    /// <summary>The token ranges the character spans cover, merged where they touch.</summary>
    private static (int Start, int End)[] Tokens(TextDocument document, TextSpan[] spans)
    {
        var ranges = new List<(int Start, int End)>(spans.Length);
        foreach (var span in spans.OrderBy(s => s.Start))
        {
            int first = FirstEndingAfter(document.Tokens, span.Start);
            int end = first;
            while (end < document.Tokens.Length && document.Tokens[end].Start < span.End)
            {
                end++;
            }
            if (end <= first)
            {
                continue;
            }
            if (ranges.Count > 0 && ranges[^1].End >= first)
            {
                ranges[^1] = (ranges[^1].Start, Math.Max(ranges[^1].End, end));
            }
            else
            {
                ranges.Add((first, end));
            }
        }
        return [.. ranges];
    }

    private static int FirstEndingAfter(Token[] tokens, int offset)
    {
        int lo = 0, hi = tokens.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (tokens[mid].End <= offset)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }
        return lo;
    }

    /// <summary>
    /// The content is a quotation: it opens in quotation marks and at least half its words are in them (not a reported
    /// clause around a quoted phrase: <c>adding that "we are at a critical moment"</c>).
    /// </summary>
    private static bool MostlyInMarks(AttributionText text, (int Start, int End)[] parts)
    {
        int firstWord = parts[0].Start;
        while (firstWord < parts[0].End && text.Shape[firstWord] == 0)
        {
            firstWord++;
        }
        if (firstWord >= parts[0].End || text.Mark[firstWord] != MarkState.Inside)
        {
            return false;
        }
        int words = 0, quoted = 0;
        foreach (var (start, end) in parts)
        {
            for (int t = start; t < end; t++)
            {
                if (text.Shape[t] != 0)
                {
                    words++;
                    quoted += text.Mark[t] == MarkState.Inside ? 1 : 0;
                }
            }
        }
        return words > 0 && 2 * quoted >= words;
    }
}

using Pipeline.Text;

namespace Pipeline.Quotes;

/// <summary>
/// Text that lost its paragraph breaks (a scraped page, a dataset's one-line article such as CNN/DailyMail's) read in
/// paragraphs of news size, as the quote model learned them: in a paragraph of more than <see cref="MaxSentences"/>
/// sentences, a break falls between two sentences where the model's break stage (<see cref="BreakFeatures"/>, learned
/// from the training articles' paragraphs) puts one, and never inside a quotation. The model for text with marks has
/// no break stage and breaks before every sentence outside a quotation: there the marks bound a quotation, and learned
/// breaks scored the same in cross-validation while labelling more words; without marks, a paragraph is what bounds
/// one, and learned breaks found far more of the quotes than a break at every sentence. The model reads a paragraph as its
/// unit (the cues a content may link to, where a quotation or a reported clause may run), so one paragraph of a whole
/// article lets quotes run on into narration, links content to cues sentences away and labels every word of the
/// article. Measured by <c>pipeline eval quotes … --without-paragraph-breaks</c>.
/// </summary>
internal static class NewsParagraphs
{
    /// <summary>
    /// More sentences than a news paragraph holds: PolNeAR's paragraphs run to a few sentences, and splitting those that
    /// hold fewer than this costs the text without marks (where a paragraph is what ends a quotation) its matches.
    /// </summary>
    public const int MaxSentences = 12;

    /// <summary>
    /// <paramref name="x"/>'s document itself when every paragraph is of news size, else a view of it with the long
    /// ones split where <paramref name="breaks"/> scores a break (the same tokens and sentences).
    /// </summary>
    public static TextDocument Split(AttributionText x, LinearModel breaks, FeatureKeys keys)
    {
        var document = x.Document;
        var sentences = document.Sentences;
        if (!HasLongParagraph(sentences))
        {
            return document;
        }
        var paragraphs = new List<TextSpan>(sentences.Length);
        var starts = new List<int>(sentences.Length);
        var split = new Sentence[sentences.Length];
        bool isLong = false;
        int since = 0;
        for (int s = 0; s < sentences.Length; s++)
        {
            var sentence = sentences[s];
            var original = document.Paragraphs[sentence.Paragraph];
            bool opens = s == 0 || sentences[s - 1].Paragraph != sentence.Paragraph;
            if (opens)
            {
                isLong = s + MaxSentences < sentences.Length && sentences[s + MaxSentences].Paragraph == sentence.Paragraph;
            }
            if (opens || isLong && !RunsOn(x, sentence.FirstToken) && Breaks(x, s - 1, since, breaks, keys))
            {
                paragraphs.Add(new TextSpan(opens ? original.Start : sentence.Start, sentence.End));
                starts.Add(opens ? document.ParagraphTokenStarts[sentence.Paragraph] : sentence.FirstToken);
                since = 0;
            }
            since++;
            split[s] = sentence with { Paragraph = paragraphs.Count - 1 };
            bool closes = s + 1 == sentences.Length || sentences[s + 1].Paragraph != sentence.Paragraph;
            paragraphs[^1] = paragraphs[^1] with { End = closes ? original.End : sentence.End };
        }
        return TextDocument.FromTokens(document.Text, [.. paragraphs], document.Tokens, [.. starts], split);
    }

    /// <summary>A quotation opened before token <paramref name="t"/> runs on at it.</summary>
    public static bool RunsOn(AttributionText x, int t) => x.Mark[t] is MarkState.Inside or MarkState.Closing;

    /// <summary>
    /// Whether <paramref name="breaks"/> puts a break after sentence <paramref name="sentence"/>, whose paragraph holds
    /// <paramref name="since"/> sentences so far; an empty stage, after every sentence.
    /// </summary>
    public static bool Breaks(AttributionText x, int sentence, int since, LinearModel breaks, FeatureKeys keys)
    {
        if (breaks.Count == 0)
        {
            return true;
        }
        BreakFeatures.Emit(x, sentence, since, keys);
        return breaks.Score(keys.Keys) > 0;
    }

    private static bool HasLongParagraph(Sentence[] sentences)
    {
        for (int s = 0; s + MaxSentences < sentences.Length; s++)
        {
            if (sentences[s + MaxSentences].Paragraph == sentences[s].Paragraph)
            {
                return true;
            }
        }
        return false;
    }
}

using Pipeline.Entities;
using Pipeline.Text;

namespace Pipeline.Quotes;

/// <summary>
/// Finds quotes with a learned attribution model (<see cref="QuoteModel"/>, trained by <c>pipeline train quotes</c>;
/// evaluated with <c>pipeline eval quotes --model</c>): cues, content and sources as the model
/// tags them, then each source resolved in reading order, so that <c>he said</c> refers to the latest speaker. A quote
/// with a double quotation mark in or around its content is direct; without marks in the whole text, content the
/// model reads as the speaker's own words is unmarked, and anything else reported speech.
/// </summary>
public sealed class LearnedQuoteExtractor(QuoteModel model) : IQuoteExtractor
{
    private readonly AttributionTagger _tagger = new(model);

    public IReadOnlyList<Quote> Extract(TextDocument document, EntityExtraction entities)
    {
        var found = new List<FoundAttribution>();
        _tagger.Tag(document, entities, found);
        var quotes = new List<Quote>(found.Count);
        if (found.Count == 0)
        {
            return quotes;
        }
        found.Sort(static (a, b) => a.Parts[0].Start.CompareTo(b.Parts[0].Start));
        bool marksInText = HasDoubleMark(document, 0, document.Tokens.Length);
        var speakers = new SourceResolver(document, entities);
        foreach (var attribution in found)
        {
            var speaker = attribution.SourceToken >= 0 ? speakers.Resolve(attribution.SourceToken, attribution.CueStart) : null;
            var type = HasMarkAround(document, attribution.Parts) ? QuoteType.Direct
                : attribution.Verbatim && !marksInText ? QuoteType.Unmarked
                : QuoteType.Indirect;
            var cue = new TextSpan(document.Tokens[attribution.CueStart].Start, document.Tokens[attribution.CueEnd - 1].End).Slice(document.Text).ToString();
            int paragraph = document.Sentences[document.SentenceOfToken(attribution.Parts[0].Start)].Paragraph;
            quotes.Add(QuoteExtractor.Create(document, attribution.Parts, type, speaker, cue, paragraph));
            speakers.Spoke(speaker);
        }
        return quotes;
    }

    /// <summary>A double quotation mark inside the content or right beside one of its parts.</summary>
    private static bool HasMarkAround(TextDocument document, (int Start, int End)[] parts)
    {
        foreach (var (start, end) in parts)
        {
            if (HasDoubleMark(document, Math.Max(0, start - 1), Math.Min(document.Tokens.Length, end + 1)))
            {
                return true;
            }
        }
        return false;
    }

    private static bool HasDoubleMark(TextDocument document, int from, int to)
    {
        for (int t = from; t < to; t++)
        {
            if (QuotationMarks.IsDoubleMark(document, t))
            {
                return true;
            }
        }
        return false;
    }
}

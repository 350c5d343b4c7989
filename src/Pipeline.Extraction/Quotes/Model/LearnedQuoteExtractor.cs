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
        foreach (var reported in found)
        {
            if (SaysNothing(document, reported.Parts))
            {
                continue;
            }
            var attribution = Unnest(document, entities, reported);
            var speaker = attribution.SourceToken >= 0 ? speakers.Resolve(attribution.SourceToken, attribution.CueStart) : null;
            var type = HasMarkAround(document, attribution.Parts) ? QuoteType.Direct
                : attribution.Verbatim && !marksInText ? QuoteType.Unmarked
                : QuoteType.Indirect;
            var cue = CueText(document, attribution.CueStart, attribution.CueEnd);
            int paragraph = document.Sentences[document.SentenceOfToken(attribution.Parts[0].Start)].Paragraph;
            quotes.Add(QuoteBuilder.Create(document, attribution.Parts, type, speaker, cue, paragraph));
            speakers.Spoke(speaker);
        }
        return quotes;
    }

    /// <summary>
    /// PolNeAR's convention for a quote that is itself reported (<c>"…," Welch said, according to Vermont Edition</c>)
    /// makes <c>Welch said</c> part of the content of <c>according to</c>, and the model learned it. The words are
    /// still the inner speaker's: a content ending in its own trailing attribution (a comma, a person, organization or
    /// pronoun, a verb of saying) is given to that speaker and cue, without them.
    /// </summary>
    private static FoundAttribution Unnest(TextDocument document, EntityExtraction entities, FoundAttribution attribution)
    {
        var (start, end) = attribution.Parts[^1];
        // The inner attribution closes the content, or follows it right after a comma the content left out.
        int verb = end - 1;
        if (end + 2 < document.Tokens.Length && document[document.Tokens[end]] is ",")
        {
            verb = FindTrailingVerb(document, end + 1, Math.Min(end + 5, document.Tokens.Length));
        }
        if (verb < 0 || verb - start < 3 || verb == attribution.CueStart || !IsSpeechVerb(document, verb))
        {
            return attribution;
        }
        int source = verb - 1;
        int first = source;
        int mention = entities.MentionAtToken(source);
        if (mention >= 0 && entities.Mentions[mention].Type is EntityType.Person or EntityType.Organization)
        {
            first = entities.Mentions[mention].FirstToken;
        }
        else if ((QuoteLexicon.Of(document[document.Tokens[source]]) & QuoteLexicon.ThirdPersonPronoun) == 0)
        {
            return attribution;
        }
        if (first - 1 <= start || document[document.Tokens[first - 1]] is not ",")
        {
            return attribution;
        }
        var parts = attribution.Parts.ToArray();
        parts[^1] = (start, Math.Min(end, first - 1));
        return attribution with { Parts = parts, CueStart = verb, CueEnd = verb + 1, SourceToken = source };
    }

    /// <summary>The first verb of saying in <c>[from, to)</c> before any other punctuation, or -1.</summary>
    private static int FindTrailingVerb(TextDocument document, int from, int to)
    {
        for (int t = from; t < to; t++)
        {
            if (document.Tokens[t].Kind == TokenKind.Punctuation)
            {
                return -1;
            }
            if (IsSpeechVerb(document, t))
            {
                return t;
            }
        }
        return -1;
    }

    /// <summary>Content with no word outside <see cref="QuoteLexicon.SaysNothing"/> (<c>it</c>, <c>that</c>, <c>him</c>).</summary>
    private static bool SaysNothing(TextDocument document, (int Start, int End)[] parts)
    {
        foreach (var (start, end) in parts)
        {
            for (int t = start; t < end; t++)
            {
                if (document.Tokens[t].Kind != TokenKind.Punctuation && (QuoteLexicon.Of(document[document.Tokens[t]]) & QuoteLexicon.SaysNothing) == 0)
                {
                    return false;
                }
            }
        }
        return true;
    }

    /// <summary>Past or third-person present of a verb of saying: <c>said</c>, <c>says</c>, <c>told</c>.</summary>
    private static bool IsSpeechVerb(TextDocument document, int token)
    {
        var wordClass = QuoteLexicon.Of(document[document.Tokens[token]]);
        return (wordClass & WordClass.SpeechVerb) != 0 && (wordClass & (WordClass.Past | WordClass.Third)) != 0;
    }

    /// <summary>
    /// The cue as written, without a leading contracted auxiliary (<c>He’s claiming</c> → <c>claiming</c>) and in lower
    /// case when it opens its sentence (<c>Said Grant: …</c> → <c>said</c>), so one verb reads the same everywhere.
    /// </summary>
    private static string CueText(TextDocument document, int start, int end)
    {
        var tokens = document.Tokens;
        while (end - start > 1 && document[tokens[start]] is ['\'' or '’', _, ..])
        {
            start++;
        }
        string cue = new TextSpan(tokens[start].Start, tokens[end - 1].End).Slice(document.Text).ToString();
        int sentence = document.SentenceOfToken(start);
        bool opensSentence = sentence >= 0 && document.Sentences[sentence].FirstToken == start;
        return opensSentence && cue.Length > 1 && char.IsUpper(cue[0]) && !char.IsUpper(cue[1])
            ? string.Concat(char.ToLowerInvariant(cue[0]).ToString(), cue.AsSpan(1))
            : cue;
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

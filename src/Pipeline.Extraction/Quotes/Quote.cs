using Pipeline.Entities;
using Pipeline.Text;

namespace Pipeline.Quotes;

/// <summary>How a quote is marked in the text.</summary>
public enum QuoteType : byte
{
    /// <summary>In quotation marks.</summary>
    Direct,
    /// <summary>A quote whose marks were stripped: <c>…, Sullivan said.</c></summary>
    Unmarked,
    /// <summary>Reported speech: <c>Sullivan said (that) …</c>.</summary>
    Indirect,
}

/// <summary>A quote and who said it.</summary>
/// <param name="Span">Offsets of the quoted text (without its quotation marks); for a quote in several parts, from the first part's start to the last part's end.</param>
/// <param name="Text">The quoted text; the parts joined by a space when the quote was split (<c>"…," he said. "…"</c>).</param>
/// <param name="Speaker">The speaker's canonical name, or the description used (<c>officials</c>), or null when unknown.</param>
/// <param name="SpeakerEntity">The speaker's entity key when the speaker is a recognized person or organization.</param>
/// <param name="SpeakerMention">Where the speaker stands in the text (the pronoun itself for <c>he said</c>), also when the words name no one (a lone <c>who</c>: <paramref name="Speaker"/> is null).</param>
/// <param name="Cue">The verb or phrase of attribution: <c>said</c>, <c>told</c>, <c>according to</c>.</param>
/// <param name="Paragraph">Index of the paragraph the quote starts in.</param>
public sealed record Quote(
    TextSpan Span,
    string Text,
    QuoteType Type,
    string? Speaker,
    string? SpeakerEntity,
    TextSpan? SpeakerMention,
    string? Cue,
    int Paragraph)
{
    /// <summary>The pieces of quoted text: one for most quotes, several when an attribution or a paragraph break splits it.</summary>
    public TextSpan[] Parts { get; init; } = [Span];
}

/// <summary>Finds quotes and their speakers.</summary>
public interface IQuoteExtractor
{
    IReadOnlyList<Quote> Extract(TextDocument document, EntityExtraction entities);
}

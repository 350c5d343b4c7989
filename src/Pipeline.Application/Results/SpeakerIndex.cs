using Pipeline.Entities;
using Pipeline.Entities.Identity;
using Pipeline.Quotes;
using Pipeline.Storage;
using Pipeline.Text;

namespace Pipeline.Results;

/// <summary>Which speakers the <c>speakerquotes</c> index holds, and under which partition: built the same way on write and on query.</summary>
public static class SpeakerIndex
{
    /// <summary>
    /// The partition for a speaker: the slug of the name, so <c>Jake Sullivan</c>, <c>jake sullivan</c> and the entity
    /// key <c>person:jake-sullivan</c> all find the same quotes.
    /// </summary>
    public static string Partition(string speaker)
    {
        int colon = speaker.IndexOf(':');
        if (colon > 0 && EntityKey.TryParseType(speaker.AsSpan(0, colon), out _))
        {
            speaker = speaker[(colon + 1)..];
        }
        return SafeKey.Encode(EntityKey.Slug(speaker));
    }

    /// <summary>Pronouns that could not be resolved say nothing across articles and are not indexed.</summary>
    public static bool IsIndexable(string? speaker) =>
        !string.IsNullOrWhiteSpace(speaker) && speaker is not ("he" or "she" or "they") && EntityKey.Slug(speaker).Length > 0;

    /// <summary>
    /// The <c>speakerquotes</c> partition of a quote: its speaker's identity when the speaker is an entity
    /// (<c>President Biden</c> → <c>biden</c>, <c>Joe R. Biden</c> → <c>joe-biden</c>), else the slug of the speaker as
    /// written (<c>officials</c>); null when the speaker is not indexed.
    /// </summary>
    public static string? Of(Quote quote)
    {
        if (!IsIndexable(quote.Speaker))
        {
            return null;
        }
        var speaker = quote.Speaker!;
        if (quote.SpeakerEntity is { } key && key.IndexOf(':') is > 0 and var colon && EntityKey.TryParseType(key.AsSpan(0, colon), out var type))
        {
            return Partition(EntityIdentity.Of(type, speaker).Key);
        }
        return Partition(speaker);
    }
}

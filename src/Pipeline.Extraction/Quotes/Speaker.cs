using Pipeline.Text;

namespace Pipeline.Quotes;

/// <summary>What a speaker phrase is, from the most to the least certain source.</summary>
internal enum SpeakerKind : byte
{
    /// <summary>A noun phrase that is no known kind of source: <c>the new rules</c>.</summary>
    Description,
    /// <summary>A phrase headed by a source noun: <c>officials</c>, <c>a campaign spokesman</c>, <c>the study</c>.</summary>
    Noun,
    /// <summary><c>he</c>, <c>she</c>, <c>they</c>, <c>it</c>, <c>I</c>, <c>we</c>.</summary>
    Pronoun,
    /// <summary>A person or organization the entity stage found.</summary>
    Entity,
}

/// <summary>
/// A speaker phrase resolved: the name or description (null when the words name no one: a lone <c>who</c> or
/// <c>his</c>), its entity key, where it stands, and its entity.
/// </summary>
internal readonly record struct Speaker(string? Name, string? EntityKey, TextSpan Mention, int Entity, SpeakerKind Kind = SpeakerKind.Entity);

using Pipeline.Text;

namespace Pipeline.Entities;

/// <summary>CoNLL-2003's four entity types, plus dates found by rule.</summary>
public enum EntityType : byte
{
    Person,
    Organization,
    Location,
    Misc,
    Date,
}

/// <summary>One mention found by a recognizer: tokens <c>[FirstToken, FirstToken + TokenCount)</c>, characters <c>[Start, End)</c>.</summary>
public readonly record struct EntityMention(int FirstToken, int TokenCount, int Start, int End, EntityType Type)
{
    public int EndToken => FirstToken + TokenCount;

    public TextSpan Span => new(Start, End);
}

/// <summary>Finds entity mentions in an analysed text. Implementations are thread-safe and load any model once.</summary>
public interface IEntityRecognizer
{
    EntityMention[] Recognize(TextDocument document);
}

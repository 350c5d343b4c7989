namespace Pipeline.Entities.Tagging;

/// <summary>A typed run of tokens <c>[Start, Start + Length)</c>; offsets are token indices (in a sentence or document).</summary>
public readonly record struct EntitySpan(int Start, int Length, EntityType Type)
{
    public int End => Start + Length;
}

namespace Pipeline.Entities.Tagging;

/// <summary>Where a token sits in an entity: Begin, Inside, Last, or a one-token Unit.</summary>
public enum BilouPosition : byte
{
    Begin,
    Inside,
    Last,
    Unit,
}

/// <summary>
/// BILOU label ids. 0 is Outside; each of the four CoNLL types then owns four ids (B, I, L, U).
/// BILOU rather than BIO because a greedy decoder learns entity ends explicitly (Ratinov &amp; Roth 2009).
/// </summary>
public static class BilouLabels
{
    public const int TypeCount = 4;

    /// <summary>17: O plus B/I/L/U for PER, ORG, LOC, MISC.</summary>
    public const int Count = 1 + TypeCount * 4;

    public const byte Outside = 0;

    private static readonly string[] TypeNames = ["PER", "ORG", "LOC", "MISC"];
    private static readonly bool[] Allowed = BuildTransitions();

    public static byte Label(EntityType type, BilouPosition position) => (byte)(1 + (int)type * 4 + (int)position);

    public static EntityType TypeOf(int label) => (EntityType)((label - 1) >> 2);

    public static BilouPosition PositionOf(int label) => (BilouPosition)((label - 1) & 3);

    /// <summary>CoNLL's short name of an entity type (PER, ORG, LOC, MISC).</summary>
    public static string TypeName(EntityType type) => (int)type < TypeCount ? TypeNames[(int)type] : type.ToString().ToUpperInvariant();

    /// <summary>The labels that may follow <paramref name="previous"/>; <see cref="Outside"/> stands for a sentence start.</summary>
    public static ReadOnlySpan<bool> AllowedAfter(int previous) => Allowed.AsSpan(previous * Count, Count);

    /// <summary>True for B and I: labels after which the entity must go on.</summary>
    public static bool IsOpen(int label) => label != Outside && PositionOf(label) is BilouPosition.Begin or BilouPosition.Inside;

    /// <summary>Closes an entity left open at a sentence end (B becomes U, I becomes L).</summary>
    public static byte Close(int label)
    {
        if (!IsOpen(label))
        {
            return (byte)label;
        }
        var position = PositionOf(label) == BilouPosition.Begin ? BilouPosition.Unit : BilouPosition.Last;
        return Label(TypeOf(label), position);
    }

    /// <summary>Writes the BILOU labels of <paramref name="spans"/> (sorted, non-overlapping) into <paramref name="labels"/>.</summary>
    public static void Encode(ReadOnlySpan<EntitySpan> spans, Span<byte> labels)
    {
        labels.Clear();
        foreach (var span in spans)
        {
            if (span.Length == 1)
            {
                labels[span.Start] = Label(span.Type, BilouPosition.Unit);
                continue;
            }
            labels[span.Start] = Label(span.Type, BilouPosition.Begin);
            for (int i = span.Start + 1; i < span.End - 1; i++)
            {
                labels[i] = Label(span.Type, BilouPosition.Inside);
            }
            labels[span.End - 1] = Label(span.Type, BilouPosition.Last);
        }
    }

    /// <summary>
    /// Reads spans back from labels, adding <paramref name="offset"/> to each start. Tolerates invalid sequences
    /// (an I without a B starts a span) so that no label sequence can make it fail.
    /// </summary>
    public static void Decode(ReadOnlySpan<byte> labels, int offset, List<EntitySpan> spans)
    {
        int open = -1;
        EntityType openType = EntityType.Person;
        for (int i = 0; i <= labels.Length; i++)
        {
            int label = i < labels.Length ? labels[i] : Outside;
            if (label == Outside || label >= Count)
            {
                CloseAt(i);
                continue;
            }
            var type = TypeOf(label);
            var position = PositionOf(label);
            bool continues = open >= 0 && openType == type && position is BilouPosition.Inside or BilouPosition.Last;
            if (!continues)
            {
                CloseAt(i);
                open = i;
                openType = type;
            }
            if (position is BilouPosition.Last or BilouPosition.Unit)
            {
                CloseAt(i + 1);
            }
        }

        void CloseAt(int end)
        {
            if (open >= 0)
            {
                spans.Add(new EntitySpan(open + offset, end - open, openType));
                open = -1;
            }
        }
    }

    public static string Name(int label) => label == Outside
        ? "O"
        : "BILU"[(int)PositionOf(label)] + "-" + TypeName(TypeOf(label));

    private static bool[] BuildTransitions()
    {
        var allowed = new bool[Count * Count];
        for (int previous = 0; previous < Count; previous++)
        {
            for (int next = 0; next < Count; next++)
            {
                bool ok;
                if (IsOpen(previous))
                {
                    // Inside an entity only I or L of the same type may follow.
                    ok = next != Outside && TypeOf(next) == TypeOf(previous)
                        && PositionOf(next) is BilouPosition.Inside or BilouPosition.Last;
                }
                else
                {
                    ok = next == Outside || PositionOf(next) is BilouPosition.Begin or BilouPosition.Unit;
                }
                allowed[previous * Count + next] = ok;
            }
        }
        return allowed;
    }
}

namespace Pipeline.Entities.Tagging;

/// <summary>
/// Converts CoNLL IOB tags to spans and back. Reading accepts IOB1 (CoNLL-2003: <c>I-X</c> starts an entity after
/// O or another type, <c>B-X</c> only splits two adjacent entities of one type) and IOB2 (every entity starts with B).
/// Writing produces IOB1, the scheme of the corpus files, so gold and predicted columns compare like with like.
/// </summary>
public static class IobCodec
{
    /// <summary>Appends the spans encoded by <paramref name="tags"/> (token offsets within the sequence).</summary>
    public static void ReadSpans(IReadOnlyList<string> tags, List<EntitySpan> spans)
    {
        int open = -1;
        EntityType openType = EntityType.Person;
        for (int i = 0; i < tags.Count; i++)
        {
            var tag = tags[i];
            if (!TryParse(tag, out bool begin, out var type))
            {
                Close(i);
                continue;
            }
            if (begin || open < 0 || openType != type)
            {
                Close(i);
                open = i;
                openType = type;
            }
        }
        Close(tags.Count);

        void Close(int end)
        {
            if (open >= 0)
            {
                spans.Add(new EntitySpan(open, end - open, openType));
                open = -1;
            }
        }
    }

    /// <summary>IOB1 tags for <paramref name="length"/> tokens carrying <paramref name="spans"/> (sorted, non-overlapping).</summary>
    public static string[] WriteIob1(ReadOnlySpan<EntitySpan> spans, int length)
    {
        var tags = new string[length];
        Array.Fill(tags, "O");
        int previousEnd = -1;
        EntityType previousType = EntityType.Person;
        foreach (var span in spans)
        {
            if (span.Start < 0 || span.End > length)
            {
                continue;
            }
            var name = BilouLabels.TypeName(span.Type);
            bool adjacentSameType = previousEnd == span.Start && previousType == span.Type;
            for (int i = span.Start; i < span.End; i++)
            {
                tags[i] = (i == span.Start && adjacentSameType ? "B-" : "I-") + name;
            }
            previousEnd = span.End;
            previousType = span.Type;
        }
        return tags;
    }

    private static bool TryParse(string tag, out bool begin, out EntityType type)
    {
        begin = false;
        type = EntityType.Misc;
        if (tag.Length < 3 || tag[1] != '-' || (tag[0] != 'B' && tag[0] != 'I'))
        {
            return false;
        }
        begin = tag[0] == 'B';
        var name = tag.AsSpan(2);
        if (name.SequenceEqual("PER"))
        {
            type = EntityType.Person;
        }
        else if (name.SequenceEqual("ORG"))
        {
            type = EntityType.Organization;
        }
        else if (name.SequenceEqual("LOC"))
        {
            type = EntityType.Location;
        }
        else if (name.SequenceEqual("MISC"))
        {
            type = EntityType.Misc;
        }
        else
        {
            return false;
        }
        return true;
    }
}

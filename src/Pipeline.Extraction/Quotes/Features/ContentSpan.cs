namespace Pipeline.Quotes;

/// <summary>A run of content tokens <c>[Start, End)</c> the content labels marked, verbatim or reported.</summary>
internal readonly record struct ContentSpan(int Start, int End, bool Verbatim);

internal static class ContentSpans
{
    /// <summary>
    /// The index of the first of <paramref name="spans"/> (in text order, disjoint, so their ends are in order too) that
    /// ends after token <paramref name="token"/>; the count when none.
    /// </summary>
    public static int FirstEndingAfter(List<ContentSpan> spans, int token)
    {
        int low = 0, high = spans.Count;
        while (low < high)
        {
            int middle = (low + high) >>> 1;
            if (spans[middle].End <= token)
            {
                low = middle + 1;
            }
            else
            {
                high = middle;
            }
        }
        return low;
    }
}

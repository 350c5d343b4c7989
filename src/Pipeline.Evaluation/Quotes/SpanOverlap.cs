using Pipeline.Text;

namespace Pipeline.Evaluation.Quotes;

/// <summary>
/// Token overlap between spans of one text, tokens being alphanumeric runs: a predicted span matches a gold span
/// when they share at least half of the longer span's tokens.
/// </summary>
public sealed class SpanOverlap
{
    private readonly int[] tokenAt;

    public SpanOverlap(string text)
    {
        tokenAt = new int[text.Length];
        int token = -1;
        bool inToken = false;
        for (int i = 0; i < text.Length; i++)
        {
            bool alnum = char.IsLetterOrDigit(text[i]);
            if (alnum && !inToken)
            {
                token++;
            }
            inToken = alnum;
            tokenAt[i] = alnum ? token : -1;
        }
    }

    /// <summary>The distinct tokens touched by the spans, ascending.</summary>
    public int[] Tokens(ReadOnlySpan<TextSpan> spans)
    {
        var tokens = new SortedSet<int>();
        foreach (var span in spans)
        {
            for (int i = Math.Max(0, span.Start); i < Math.Min(span.End, tokenAt.Length); i++)
            {
                if (tokenAt[i] >= 0)
                {
                    tokens.Add(tokenAt[i]);
                }
            }
        }
        return [.. tokens];
    }

    public static int Shared(int[] a, int[] b)
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                shared++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }
        return shared;
    }

    public static bool Matches(int[] predicted, int[] gold)
    {
        int longer = Math.Max(predicted.Length, gold.Length);
        return longer > 0 && 2 * Shared(predicted, gold) >= longer;
    }
}

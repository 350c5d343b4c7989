using System.Text;
using Pipeline.Text;

namespace Pipeline.Evaluation.Quotes;

/// <summary>
/// Removes double quotation marks (also typed as <c>''</c> or <c>``</c>) and guillemets from a text, as in the
/// product's seed, and maps offsets of the original text onto the stripped one. (Single quotes stay: in news they
/// are mostly apostrophes.)
/// </summary>
public sealed class QuotationMarkStripper
{
    private readonly int[] map;

    public QuotationMarkStripper(string text)
    {
        var sb = new StringBuilder(text.Length);
        map = new int[text.Length + 1];
        for (int i = 0; i < text.Length; i++)
        {
            map[i] = sb.Length;
            if (IsDoubledMark(text, i))
            {
                map[i + 1] = sb.Length;
                i++;
            }
            else if (!IsMark(text[i]))
            {
                sb.Append(text[i]);
            }
        }
        map[text.Length] = sb.Length;
        Text = sb.ToString();
    }

    public string Text { get; }

    public static bool IsMark(char c) => c is '"' or '“' or '”' or '„' or '‟' or '«' or '»';

    /// <summary><c>''</c> or <c>``</c> used as a double quotation mark.</summary>
    public static bool IsDoubledMark(string text, int i) =>
        i + 1 < text.Length && ((text[i] == '\'' && text[i + 1] == '\'') || (text[i] == '`' && text[i + 1] == '`'));

    /// <summary>True when the span holds a double quotation mark of any kind.</summary>
    public static bool HasMark(ReadOnlySpan<char> text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            if (IsMark(text[i]) || (i + 1 < text.Length && ((text[i] == '\'' && text[i + 1] == '\'') || (text[i] == '`' && text[i + 1] == '`'))))
            {
                return true;
            }
        }
        return false;
    }

    public TextSpan Map(TextSpan span) => new(map[span.Start], map[span.End]);

    public TextSpan[] Map(TextSpan[] spans) => Array.ConvertAll(spans, Map);
}

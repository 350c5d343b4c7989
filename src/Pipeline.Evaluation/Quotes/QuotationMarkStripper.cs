using System.Text;
using Pipeline.Text;

namespace Pipeline.Evaluation.Quotes;

/// <summary>
/// Removes double quotation marks and guillemets from a text, as in the product's seed, and maps offsets of the
/// original text onto the stripped one. (Single curly quotes stay: in news they are mostly apostrophes.)
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
            if (!IsMark(text[i]))
            {
                sb.Append(text[i]);
            }
        }
        map[text.Length] = sb.Length;
        Text = sb.ToString();
    }

    public string Text { get; }

    public static bool IsMark(char c) => c is '"' or '“' or '”' or '„' or '‟' or '«' or '»';

    public TextSpan Map(TextSpan span) => new(map[span.Start], map[span.End]);

    public TextSpan[] Map(TextSpan[] spans) => Array.ConvertAll(spans, Map);
}

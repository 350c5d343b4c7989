namespace Pipeline.Text;

/// <summary>
/// Converts UTF-16 positions (what .NET strings and the API use) into Unicode code point positions (what Python and
/// most scorers use) for one text: they differ after every character outside the Basic Multilingual Plane (emoji,
/// some CJK), which takes two UTF-16 units and one code point.
/// </summary>
public sealed class CodePointOffsets
{
    private readonly int[]? map; // UTF-16 position → code point position; null when the text has no surrogate pairs

    public CodePointOffsets(string text)
    {
        if (text.AsSpan().IndexOfAnyInRange('\uD800', '\uDBFF') < 0)
        {
            return;
        }
        map = new int[text.Length + 1];
        int codePoint = 0;
        for (int i = 0; i < text.Length; i++)
        {
            map[i] = codePoint;
            // A low surrogate after a high one is the same code point: only the high one counts.
            if (!(char.IsLowSurrogate(text[i]) && i > 0 && char.IsHighSurrogate(text[i - 1])))
            {
                codePoint++;
            }
        }
        map[text.Length] = codePoint;
    }

    /// <summary>The code point position of a UTF-16 position (0 … text length).</summary>
    public int this[int utf16] => map is null ? utf16 : map[Math.Clamp(utf16, 0, map.Length - 1)];
}

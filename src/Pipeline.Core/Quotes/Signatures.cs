using Pipeline.Text;

namespace Pipeline.Quotes;

/// <summary>A signed passage: content tokens <c>[Start, End)</c>, then the dash, then the name <c>[NameStart, NameEnd)</c>.</summary>
internal readonly record struct Signature(int Start, int End, int NameStart, int NameEnd);

/// <summary>
/// Finds passages signed with a dash and a name at the end of a line, as in collections of readers' comments
/// (<c>He represents our greatest shame. ― Sonya Herridge</c>). A signature's content is its line. Used when the
/// passage has lost its quotation marks; quotes in marks are signed through <see cref="MarkedAttributionFinder"/>.
/// </summary>
internal static class Signatures
{
    private const int MaxNameTokens = 5;
    private const int MinContentWords = 3;

    public static List<Signature> Find(TextDocument document, bool[] inMarks)
    {
        var found = new List<Signature>();
        var tokens = document.Tokens;
        var text = document.Text;
        for (int dash = 1; dash + 1 < tokens.Length; dash++)
        {
            if (tokens[dash].Length != 1 || text[tokens[dash].Start] != '―' || inMarks[dash - 1])
            {
                continue;
            }
            // The name runs to the end of the line (or paragraph).
            int nameEnd = dash + 1;
            while (nameEnd < tokens.Length && nameEnd - dash <= MaxNameTokens && !LineBreakBefore(document, nameEnd))
            {
                nameEnd++;
            }
            if (nameEnd - dash > MaxNameTokens || !IsName(document, dash + 1, nameEnd))
            {
                continue;
            }
            int start = dash;
            while (start > 0 && !LineBreakBefore(document, start))
            {
                start--;
            }
            if (Words(document, start, dash) >= MinContentWords && !IsQuoteMark(document, dash - 1))
            {
                found.Add(new Signature(start, dash, dash + 1, nameEnd));
            }
        }
        return found;
    }

    /// <summary>True when a line or paragraph ends between token <paramref name="t"/> and the one before.</summary>
    private static bool LineBreakBefore(TextDocument document, int t)
    {
        var tokens = document.Tokens;
        if (t == 0)
        {
            return true;
        }
        for (int i = tokens[t - 1].End; i < tokens[t].Start; i++)
        {
            if (document.Text[i] is '\n' or '\r')
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>One to five capitalized words or initials, a final period aside: <c>Oscar P. Quintero</c>.</summary>
    private static bool IsName(TextDocument document, int start, int end)
    {
        var tokens = document.Tokens;
        int words = 0;
        for (int t = start; t < end; t++)
        {
            var word = document[tokens[t]];
            if (tokens[t].Kind == TokenKind.Word && CharClass.IsUpper(word[0]))
            {
                words++;
            }
            else if (!(word is "." && t == end - 1))
            {
                return false;
            }
        }
        return words > 0;
    }

    private static bool IsQuoteMark(TextDocument document, int t) =>
        document.Tokens[t].Kind == TokenKind.Punctuation && CharClass.IsQuoteMark(document.Text[document.Tokens[t].Start]);

    private static int Words(TextDocument document, int from, int to)
    {
        int words = 0;
        for (int t = from; t < to; t++)
        {
            if (document.Tokens[t].Kind is TokenKind.Word or TokenKind.Number)
            {
                words++;
            }
        }
        return words;
    }
}

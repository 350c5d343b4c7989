using System.Globalization;
using System.Runtime.CompilerServices;

namespace Pipeline.Text;

/// <summary>Character tests used on hot paths; ASCII is decided without a table lookup.</summary>
internal static class CharClass
{
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsWordChar(char c)
    {
        if (c < 128)
        {
            return char.IsAsciiLetterOrDigit(c);
        }
        var category = char.GetUnicodeCategory(c);
        return category <= UnicodeCategory.OtherLetter // Lu, Ll, Lt, Lm, Lo
            || category is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            || char.IsSurrogate(c) && char.IsLetter(c);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static bool IsSpace(char c) => c == ' ' || (c < 128 ? c is >= '\t' and <= '\r' : char.IsWhiteSpace(c) || c == '\u200B' || c == '\uFEFF');

    public static bool IsApostrophe(char c) => c is '\'' or '’' or 'ʼ';

    public static bool IsHyphen(char c) => c is '-' or '‐' or '‑';

    public static bool IsDash(char c) => c is '–' or '—' or '―' or '‒';

    /// <summary>Any quotation mark a writer may use to open or close a quote.</summary>
    public static bool IsQuoteMark(char c) => c is '"' or '“' or '”' or '„' or '‟' or '«' or '»' or '‹' or '›' or '\'' or '‘' or '’' or '‚' or '`';

    public static bool IsSentenceEnd(char c) => c is '.' or '!' or '?' or '…';

    public static bool IsClosing(char c) => c is ')' or ']' or '}' or '"' or '”' or '’' or '\'' or '»' or '›';

    public static bool IsUpper(char c) => c < 128 ? char.IsAsciiLetterUpper(c) : char.IsUpper(c);

    public static bool IsLower(char c) => c < 128 ? char.IsAsciiLetterLower(c) : char.IsLower(c);
}

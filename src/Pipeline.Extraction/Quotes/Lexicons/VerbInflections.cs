namespace Pipeline.Quotes;

/// <summary>Regular English verb inflection, enough for the listed cue verbs.</summary>
internal static class VerbInflections
{
    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

    /// <summary>
    /// How many characters of a word are left once an inflection is cut (<c>-ing</c>, <c>-ed</c>, <c>-es</c>, <c>-s</c>, then a
    /// final <c>e</c>), keeping at least three: <c>endorsed</c>, <c>endorses</c>, <c>endorsing</c> and <c>endorse</c> share
    /// <c>endors</c>. Crude on purpose: it only joins a rare form to the forms of it training saw.
    /// </summary>
    public static int StemLength(ReadOnlySpan<char> word)
    {
        int n = word.Length;
        if (n >= 6 && Ends(word, "ing"))
        {
            n -= 3;
        }
        else if (n >= 5 && Ends(word, "ed") || n >= 5 && Ends(word, "es"))
        {
            n -= 2;
        }
        else if (n >= 4 && (word[n - 1] | 0x20) == 's' && (word[n - 2] | 0x20) != 's')
        {
            n -= 1;
        }
        if (n >= 4 && (word[n - 1] | 0x20) == 'e')
        {
            n -= 1;
        }
        return n;

        static bool Ends(ReadOnlySpan<char> w, string suffix) => w.EndsWith(suffix, StringComparison.OrdinalIgnoreCase);
    }

    public static string Third(string verb) =>
        verb.EndsWith('y') && !IsVowel(verb[^2]) ? verb[..^1] + "ies"
        : verb.EndsWith("sh") || verb.EndsWith("ch") || verb.EndsWith('s') || verb.EndsWith('x') || verb.EndsWith('z') || verb.EndsWith('o') ? verb + "es"
        : verb + "s";

    public static string Past(string verb) =>
        verb.EndsWith('e') ? verb + "d"
        : verb.EndsWith('y') && !IsVowel(verb[^2]) ? verb[..^1] + "ied"
        : verb + "ed";

    /// <summary>A doubled final consonant in the listed past (<c>planned</c>) doubles it here too (<c>planning</c>).</summary>
    public static string Ing(string verb, ReadOnlySpan<string> pasts) =>
        verb is "see" or "agree" ? verb + "ing"
        : verb.EndsWith("ie") ? verb[..^2] + "ying"
        : verb.EndsWith('e') && verb.Length > 2 ? verb[..^1] + "ing"
        : pasts.Length > 0 && pasts[0].Length == verb.Length + 3 && pasts[0].EndsWith("ed") && pasts[0][^3] == pasts[0][^4]
            ? verb + verb[^1] + "ing"
        : verb + "ing";
}

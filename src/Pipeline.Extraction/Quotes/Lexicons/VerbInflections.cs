namespace Pipeline.Quotes;

/// <summary>Regular English verb inflection, enough for the listed cue verbs.</summary>
internal static class VerbInflections
{
    private static bool IsVowel(char c) => c is 'a' or 'e' or 'i' or 'o' or 'u';

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

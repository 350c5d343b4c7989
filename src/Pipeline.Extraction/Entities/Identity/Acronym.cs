using System.Collections.Frozen;

namespace Pipeline.Entities.Identity;

/// <summary>Acronyms and the initials of the names they may stand for.</summary>
internal static class Acronym
{
    /// <summary>The letters of a name written as an acronym (<c>FBI</c>, <c>U.N.</c>), lower case; null for other names.</summary>
    public static string? Letters(List<string> words)
    {
        if (words.Count != 1)
        {
            return null;
        }
        Span<char> letters = stackalloc char[8];
        int n = 0;
        foreach (char c in words[0])
        {
            if (c == '.')
            {
                continue;
            }
            if (!char.IsAsciiLetterUpper(c) || n == letters.Length)
            {
                return null;
            }
            letters[n++] = char.ToLowerInvariant(c);
        }
        return n >= 2 ? new string(letters[..n]) : null;
    }

    /// <summary>
    /// The initials of a name of two or more capitalized words, small words left out (<c>Federal Bureau of
    /// Investigation</c> → <c>fbi</c>); null when it has fewer.
    /// </summary>
    public static string? Initials(List<string> words)
    {
        Span<char> initials = stackalloc char[8];
        int n = 0;
        foreach (var word in words)
        {
            if (word.Length == 0 || IsSmallWord(word))
            {
                continue;
            }
            if (!char.IsUpper(word[0]) || n == initials.Length)
            {
                return null;
            }
            initials[n++] = char.ToLowerInvariant(word[0]);
        }
        return n >= 2 ? new string(initials[..n]) : null;
    }

    /// <summary>The words initials leave out (<c>Federal Bureau of Investigation</c> → <c>FBI</c>), matched as written.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SmallWords = EntityLexicons.Load("initials-skip.txt", StringComparer.Ordinal);

    private static bool IsSmallWord(string word) => SmallWords.Contains(word);
}

using System.Runtime.CompilerServices;
using Pipeline.Text;

namespace Pipeline.Entities.Tagging;

/// <summary>How a token is capitalized; the strongest single cue for names, read together with its context.</summary>
internal enum CapState : byte
{
    NoLetters,
    Lower,
    InitialCap,
    AllCaps,
    SingleCap,
    Mixed,
    /// <summary>Padding outside the sentence.</summary>
    Boundary,
}

/// <summary>The case of a sentence as a whole: headlines in capitals carry no case information.</summary>
internal enum SentenceCase : byte
{
    Normal,
    AllCaps,
    TitleCase,
    NoCaps,
}

/// <summary>Word shapes (<c>Xxxx</c>, <c>dd-dd</c>) and capitalization classes, computed without allocating.</summary>
internal static class WordShape
{
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static CapState Capitalization(ReadOnlySpan<char> word)
    {
        int letters = 0, upper = 0;
        bool firstUpper = false, firstLetterSeen = false;
        foreach (char c in word)
        {
            if (!char.IsLetter(c))
            {
                continue;
            }
            letters++;
            bool isUpper = CharClass.IsUpper(c);
            if (isUpper)
            {
                upper++;
            }
            if (!firstLetterSeen)
            {
                firstLetterSeen = true;
                firstUpper = isUpper;
            }
        }
        if (letters == 0)
        {
            return CapState.NoLetters;
        }
        if (upper == 0)
        {
            return CapState.Lower;
        }
        if (upper == letters)
        {
            return letters == 1 ? CapState.SingleCap : CapState.AllCaps;
        }
        return firstUpper ? CapState.InitialCap : CapState.Mixed;
    }

    /// <summary>True for capitalization that can mark a name (anything but lower case and non-letters).</summary>
    public static bool IsCapitalized(CapState cap) => cap is CapState.InitialCap or CapState.AllCaps or CapState.SingleCap or CapState.Mixed;

    /// <summary>
    /// Hash of the word's shape: letters become X/x, digits d, other characters stay. In the long shape runs are cut
    /// at four (<c>Xxxxx</c> for Washington), in the short shape at one (<c>Xx</c>).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Hashes(ReadOnlySpan<char> word, out ulong longShape, out ulong shortShape)
    {
        const ulong offset = 14695981039346656037UL, prime = 1099511628211UL;
        ulong longHash = offset, shortHash = offset;
        char previous = '\0';
        int run = 0;
        foreach (char c in word)
        {
            char cls = char.IsDigit(c) ? 'd' : CharClass.IsUpper(c) ? 'X' : char.IsLetter(c) ? 'x' : c;
            if (cls == previous)
            {
                run++;
            }
            else
            {
                run = 1;
                previous = cls;
                shortHash = (shortHash ^ cls) * prime;
            }
            if (run <= 4)
            {
                longHash = (longHash ^ cls) * prime;
            }
        }
        longShape = FeatureHash.Mix(longHash) | 1;
        shortShape = FeatureHash.Mix(shortHash ^ 0x55) | 1;
    }

    /// <summary>Classifies a sentence from the capitalization of its words.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static SentenceCase Classify(ReadOnlySpan<CapState> caps)
    {
        int lower = 0, allCaps = 0, initial = 0;
        foreach (var cap in caps)
        {
            switch (cap)
            {
                case CapState.Lower: lower++; break;
                case CapState.AllCaps: allCaps++; break;
                case CapState.InitialCap or CapState.Mixed: initial++; break;
            }
        }
        if (lower == 0 && allCaps > 0 && initial == 0)
        {
            return SentenceCase.AllCaps;
        }
        if (lower > 0 && allCaps == 0 && initial == 0)
        {
            return SentenceCase.NoCaps;
        }
        int words = lower + allCaps + initial;
        if (words >= 3 && lower * 5 <= words && initial + allCaps >= 3)
        {
            return SentenceCase.TitleCase;
        }
        return SentenceCase.Normal;
    }

    /// <summary>
    /// True when a capital after this token would be a mid-sentence capital, i.e. the previous token does not open a
    /// new clause or quote (after <c>:</c>, a dash or a quote mark a capital may start a quoted sentence).
    /// </summary>
    public static bool IsMidSentenceAfter(ReadOnlySpan<char> previous, Pipeline.Text.TokenKind previousKind) =>
        previousKind != Pipeline.Text.TokenKind.Punctuation
        || !(previous is ":" or ";" or "-" or "--" or "—" or "–" or "``" or "\"" or "“" or "‘" or "'" or "`" or "..." or "(");

    /// <summary>Lower-case hash of the word without a plural or possessive <c>s</c> (Bidens → biden).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static ulong StemHash(ReadOnlySpan<char> word)
    {
        int length = word.Length;
        if (length >= 4 && word[length - 1] is 's' or 'S' && word[length - 2] is not ('s' or 'S' or '\'' or '’'))
        {
            length--;
        }
        return FeatureHash.LowerChars(word[..length]);
    }
}

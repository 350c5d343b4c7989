using System.Collections.Frozen;

namespace Pipeline.Text;

/// <summary>The variants of the Porter stemmer, as NLTK names them.</summary>
public enum PorterMode : byte
{
    /// <summary>NLTK's default, which Google's <c>rouge-score</c> uses: Martin Porter's extensions plus NLTK's own.</summary>
    NltkExtensions,
    /// <summary>The extensions in Martin Porter's own published implementations.</summary>
    MartinExtensions,
    /// <summary>The 1980 paper exactly.</summary>
    Original,
}

/// <summary>
/// The Porter stemmer (Porter 1980, "An algorithm for suffix stripping"), step for step as NLTK's
/// <c>nltk.stem.porter.PorterStemmer</c> implements it, so that ROUGE with stemming matches <c>rouge-score</c>.
/// Input is expected lower-case (ROUGE lower-cases first). Stateless and thread-safe.
/// </summary>
public sealed class PorterStemmer(PorterMode mode = PorterMode.NltkExtensions)
{
    /// <summary>NLTK's irregular forms, bypassing the steps (NLTK mode only).</summary>
    private static readonly FrozenDictionary<string, string> Irregular = new Dictionary<string, string>
    {
        ["sky"] = "sky", ["skies"] = "sky", ["dying"] = "die", ["lying"] = "lie", ["tying"] = "tie",
        ["news"] = "news", ["innings"] = "inning", ["inning"] = "inning", ["outings"] = "outing",
        ["outing"] = "outing", ["cannings"] = "canning", ["canning"] = "canning", ["howe"] = "howe",
        ["proceed"] = "proceed", ["exceed"] = "exceed", ["succeed"] = "succeed",
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The default stemmer (NLTK extensions), shared.</summary>
    public static PorterStemmer Default => DefaultHolder.Instance;

    public PorterMode Mode { get; } = mode;

    private bool Nltk => Mode == PorterMode.NltkExtensions;

    /// <summary>The stem of a lower-case word.</summary>
    public string Stem(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        if (Nltk && Irregular.TryGetValue(word, out var irregular))
        {
            return irregular;
        }
        if (Mode != PorterMode.Original && word.Length <= 2)
        {
            return word; // NLTK leaves one- and two-letter words alone; the paper does not say so
        }
        if (word.Length == 0)
        {
            return word;
        }
        var w = Step1A(word);
        w = Step1B(w);
        w = Step1C(w);
        w = Step2(w);
        w = Step3(w);
        w = Step4(w);
        w = Step5A(w);
        return Step5B(w);
    }

    private static bool IsConsonant(string word, int i)
    {
        // A consonant is a letter other than a e i o u, and other than y after a consonant. Each y looked
        // through flips the answer; a loop rather than recursion, so a long run of y's cannot overflow the stack.
        bool flip = false;
        while (true)
        {
            char c = word[i];
            if (c is 'a' or 'e' or 'i' or 'o' or 'u')
            {
                return flip;
            }
            if (c != 'y' || i == 0)
            {
                return !flip;
            }
            flip = !flip;
            i--;
        }
    }

    /// <summary>m, the number of vowel-consonant sequences of the first <paramref name="length"/> letters.</summary>
    private static int Measure(string word, int length)
    {
        int m = 0;
        bool previousVowel = false;
        for (int i = 0; i < length; i++)
        {
            bool consonant = IsConsonant(word, i);
            if (consonant && previousVowel)
            {
                m++;
            }
            previousVowel = !consonant;
        }
        return m;
    }

    private static bool ContainsVowel(string word, int length)
    {
        for (int i = 0; i < length; i++)
        {
            if (!IsConsonant(word, i))
            {
                return true;
            }
        }
        return false;
    }

    private static bool EndsDoubleConsonant(string word, int length) =>
        length >= 2 && word[length - 1] == word[length - 2] && IsConsonant(word, length - 1);

    /// <summary>*o: the stem ends consonant-vowel-consonant, the last not w, x or y (NLTK: or is a two-letter vowel-consonant).</summary>
    private bool EndsCvc(string word, int length) =>
        (length >= 3 && IsConsonant(word, length - 3) && !IsConsonant(word, length - 2) && IsConsonant(word, length - 1)
         && word[length - 1] is not ('w' or 'x' or 'y'))
        || (Nltk && length == 2 && !IsConsonant(word, 0) && IsConsonant(word, 1));

    private static string Replace(string word, int suffixLength, string replacement) =>
        string.Concat(word.AsSpan(0, word.Length - suffixLength), replacement);

    private string Step1A(string word)
    {
        if (Nltk && word.Length == 4 && word.EndsWith("ies", StringComparison.Ordinal))
        {
            return Replace(word, 3, "ie"); // dies -> die, not di
        }
        if (word.EndsWith("sses", StringComparison.Ordinal))
        {
            return Replace(word, 4, "ss");
        }
        if (word.EndsWith("ies", StringComparison.Ordinal))
        {
            return Replace(word, 3, "i");
        }
        if (word.EndsWith("ss", StringComparison.Ordinal))
        {
            return word;
        }
        if (word.EndsWith('s'))
        {
            return word[..^1];
        }
        return word;
    }

    private string Step1B(string word)
    {
        if (Nltk && word.EndsWith("ied", StringComparison.Ordinal))
        {
            return Replace(word, 3, word.Length == 4 ? "ie" : "i");
        }
        if (word.EndsWith("eed", StringComparison.Ordinal))
        {
            return Measure(word, word.Length - 3) > 0 ? Replace(word, 3, "ee") : word;
        }
        string stem;
        if (word.EndsWith("ed", StringComparison.Ordinal) && ContainsVowel(word, word.Length - 2))
        {
            stem = word[..^2];
        }
        else if (word.EndsWith("ing", StringComparison.Ordinal) && ContainsVowel(word, word.Length - 3))
        {
            stem = word[..^3];
        }
        else
        {
            return word;
        }

        if (stem.EndsWith("at", StringComparison.Ordinal) || stem.EndsWith("bl", StringComparison.Ordinal) || stem.EndsWith("iz", StringComparison.Ordinal))
        {
            return stem + "e";
        }
        if (EndsDoubleConsonant(stem, stem.Length))
        {
            // hopp(ing) -> hop, but fall(ing), hiss(ing), fizz(ed) keep both letters.
            return stem[^1] is 'l' or 's' or 'z' ? stem : stem[..^1];
        }
        return Measure(stem, stem.Length) == 1 && EndsCvc(stem, stem.Length) ? stem + "e" : stem;
    }

    private string Step1C(string word)
    {
        if (!word.EndsWith('y'))
        {
            return word;
        }
        int stemLength = word.Length - 1;
        bool replace = Nltk
            ? stemLength > 1 && IsConsonant(word, stemLength - 1) // happy -> happi, enjoy stays
            : ContainsVowel(word, stemLength);
        return replace ? Replace(word, 1, "i") : word;
    }

    /// <summary>Rule lists: the first rule whose suffix matches decides, whether or not its condition holds.</summary>
    private delegate bool Condition(string word, int stemLength);

    private static readonly Condition PositiveMeasure = (w, n) => Measure(w, n) > 0;
    private static readonly Condition MeasureAboveOne = (w, n) => Measure(w, n) > 1;

    private static string ApplyFirst(string word, ReadOnlySpan<(string Suffix, string Replacement, Condition Condition)> rules)
    {
        foreach (var (suffix, replacement, condition) in rules)
        {
            if (word.EndsWith(suffix, StringComparison.Ordinal))
            {
                int stemLength = word.Length - suffix.Length;
                return condition(word, stemLength) ? string.Concat(word.AsSpan(0, stemLength), replacement) : word;
            }
        }
        return word;
    }

    private static readonly (string, string, Condition)[] Step2Common =
    [
        ("ational", "ate", PositiveMeasure), ("tional", "tion", PositiveMeasure), ("enci", "ence", PositiveMeasure),
        ("anci", "ance", PositiveMeasure), ("izer", "ize", PositiveMeasure),
    ];

    private static readonly (string, string, Condition)[] Step2Rest =
    [
        ("alli", "al", PositiveMeasure), ("entli", "ent", PositiveMeasure), ("eli", "e", PositiveMeasure),
        ("ousli", "ous", PositiveMeasure), ("ization", "ize", PositiveMeasure), ("ation", "ate", PositiveMeasure),
        ("ator", "ate", PositiveMeasure), ("alism", "al", PositiveMeasure), ("iveness", "ive", PositiveMeasure),
        ("fulness", "ful", PositiveMeasure), ("ousness", "ous", PositiveMeasure), ("aliti", "al", PositiveMeasure),
        ("iviti", "ive", PositiveMeasure), ("biliti", "ble", PositiveMeasure),
    ];

    private readonly (string, string, Condition)[] step2Rules = BuildStep2(mode);

    private static (string, string, Condition)[] BuildStep2(PorterMode mode)
    {
        var rules = new List<(string, string, Condition)>(Step2Common);
        // NLTK and Martin Porter's versions take -bli -> -ble; the paper has -abli -> -able.
        rules.Add(mode == PorterMode.Original ? ("abli", "able", PositiveMeasure) : ("bli", "ble", PositiveMeasure));
        rules.AddRange(Step2Rest);
        if (mode == PorterMode.NltkExtensions)
        {
            rules.Add(("fulli", "ful", PositiveMeasure));
            // The l of -logi stays with the stem, so geo-logi and theo-logi work like archaeo-logi.
            rules.Add(("logi", "log", (w, n) => Measure(w, n + 1) > 0));
        }
        else if (mode == PorterMode.MartinExtensions)
        {
            rules.Add(("logi", "log", PositiveMeasure));
        }
        return [.. rules];
    }

    private string Step2(string word)
    {
        if (Nltk && word.EndsWith("alli", StringComparison.Ordinal) && Measure(word, word.Length - 4) > 0)
        {
            // NLTK applies -alli -> -al first and runs step 2 again on the result.
            return Step2(Replace(word, 4, "al"));
        }
        return ApplyFirst(word, step2Rules);
    }

    private static readonly (string, string, Condition)[] Step3Rules =
    [
        ("icate", "ic", PositiveMeasure), ("ative", "", PositiveMeasure), ("alize", "al", PositiveMeasure),
        ("iciti", "ic", PositiveMeasure), ("ical", "ic", PositiveMeasure), ("ful", "", PositiveMeasure),
        ("ness", "", PositiveMeasure),
    ];

    private static string Step3(string word) => ApplyFirst(word, Step3Rules);

    private static readonly (string, string, Condition)[] Step4Rules =
    [
        ("al", "", MeasureAboveOne), ("ance", "", MeasureAboveOne), ("ence", "", MeasureAboveOne),
        ("er", "", MeasureAboveOne), ("ic", "", MeasureAboveOne), ("able", "", MeasureAboveOne),
        ("ible", "", MeasureAboveOne), ("ant", "", MeasureAboveOne), ("ement", "", MeasureAboveOne),
        ("ment", "", MeasureAboveOne), ("ent", "", MeasureAboveOne),
        ("ion", "", (w, n) => Measure(w, n) > 1 && n > 0 && w[n - 1] is 's' or 't'),
        ("ou", "", MeasureAboveOne), ("ism", "", MeasureAboveOne), ("ate", "", MeasureAboveOne),
        ("iti", "", MeasureAboveOne), ("ous", "", MeasureAboveOne), ("ive", "", MeasureAboveOne),
        ("ize", "", MeasureAboveOne),
    ];

    private static string Step4(string word) => ApplyFirst(word, Step4Rules);

    private string Step5A(string word)
    {
        if (!word.EndsWith('e'))
        {
            return word;
        }
        int stemLength = word.Length - 1;
        int m = Measure(word, stemLength);
        // Both rules are tried: (m>1) E -> and (m=1 and not *o) E ->.
        return m > 1 || (m == 1 && !EndsCvc(word, stemLength)) ? word[..stemLength] : word;
    }

    private static string Step5B(string word) =>
        word.EndsWith("ll", StringComparison.Ordinal) && Measure(word, word.Length - 1) > 1 ? word[..^1] : word;

    /// <summary>Created on first use, after the rule tables above are initialized.</summary>
    private static class DefaultHolder
    {
        public static readonly PorterStemmer Instance = new();
    }
}

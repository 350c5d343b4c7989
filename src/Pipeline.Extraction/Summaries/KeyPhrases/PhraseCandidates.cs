using System.Collections.Frozen;
using Pipeline.Text;

namespace Pipeline.Summaries;

/// <summary>A phrase's identity: the stem ids of its words (at most four), compared without building a string.</summary>
internal readonly record struct PhraseKey(int W0, int W1, int W2, int W3, int Length)
{
    public static PhraseKey Of(ReadOnlySpan<int> stems) => new(
        stems.Length > 0 ? stems[0] : 0, stems.Length > 1 ? stems[1] : 0, stems.Length > 2 ? stems[2] : 0,
        stems.Length > 3 ? stems[3] : 0, stems.Length);
}

/// <summary>
/// One way an article writes a phrase: where it first did (its words are consecutive tokens), whether it is shown
/// as written (a name) or in lower case, and how often.
/// </summary>
internal record struct PhraseSpelling(int FirstToken, int Words, bool AsWritten, int Count);

/// <summary>
/// Everything counted about one candidate phrase (words compared by stem). Instances are reused from document to
/// document by <see cref="PhraseTable"/>, so a spelling is kept as a place in the text, and a string is made only
/// for the phrases that are shown.
/// </summary>
internal sealed class PhraseStats
{
    private readonly int[] _stems = new int[PhraseCandidates.MaxPhraseWords];
    private int _length;

    /// <summary>Stem ids of the words, in order.</summary>
    public ReadOnlySpan<int> Stems => _stems.AsSpan(0, _length);

    /// <summary>A capitalized name run in cased text, rather than a lower-case noun phrase.</summary>
    public bool Proper { get; private set; }

    public int Count { get; set; }

    public int FirstSentence { get; set; }

    /// <summary>Spellings seen, in the order first seen, with counts; the most frequent is shown.</summary>
    public List<PhraseSpelling> Spellings { get; } = new(2);

    public void Reset(ReadOnlySpan<int> stems, bool proper)
    {
        stems.CopyTo(_stems);
        _length = stems.Length;
        Proper = proper;
        Count = 0;
        FirstSentence = int.MaxValue;
        Spellings.Clear();
    }

    /// <summary>
    /// Counts one more occurrence: tokens <c>[firstToken, firstToken + words)</c> of <paramref name="document"/>, as
    /// written when it is a name (<paramref name="asWritten"/>), else in lower case.
    /// </summary>
    public void AddSpelling(TextDocument document, int firstToken, int words, bool asWritten)
    {
        var added = new PhraseSpelling(firstToken, words, asWritten, 1);
        for (int i = 0; i < Spellings.Count; i++)
        {
            var spelling = Spellings[i];
            if (spelling.Words == words && SameSpelling(document, spelling, added))
            {
                Spellings[i] = spelling with { Count = spelling.Count + 1 };
                return;
            }
        }
        Spellings.Add(added);
    }

    /// <summary>The most frequent spelling (the first seen of equals).</summary>
    public string Text(TextDocument document)
    {
        var best = Spellings[0];
        foreach (var spelling in Spellings)
        {
            if (spelling.Count > best.Count)
            {
                best = spelling;
            }
        }
        var builder = new System.Text.StringBuilder(best.Words * 8);
        for (int i = 0; i < best.Words; i++)
        {
            if (i > 0)
            {
                builder.Append(' ');
            }
            var word = Word(document, best.FirstToken + i);
            if (best.AsWritten)
            {
                builder.Append(word);
            }
            else
            {
                foreach (char c in word)
                {
                    builder.Append(char.ToLowerInvariant(c));
                }
            }
        }
        return builder.ToString();
    }

    /// <summary>A word as a spelling shows it: cut at 31 characters.</summary>
    private static ReadOnlySpan<char> Word(TextDocument document, int token)
    {
        var surface = document[document.Tokens[token]];
        return surface[..Math.Min(surface.Length, 31)];
    }

    /// <summary>Whether two spellings show the same text (each as written or in lower case).</summary>
    private static bool SameSpelling(TextDocument document, PhraseSpelling a, PhraseSpelling b)
    {
        for (int i = 0; i < a.Words; i++)
        {
            var x = Word(document, a.FirstToken + i);
            var y = Word(document, b.FirstToken + i);
            if (x.Length != y.Length)
            {
                return false;
            }
            for (int c = 0; c < x.Length; c++)
            {
                char p = a.AsWritten ? x[c] : char.ToLowerInvariant(x[c]);
                char q = b.AsWritten ? y[c] : char.ToLowerInvariant(y[c]);
                if (p != q)
                {
                    return false;
                }
            }
        }
        return true;
    }
}

/// <summary>
/// The candidate phrases of one document, by <see cref="PhraseKey"/>, in the order first seen. Its
/// <see cref="PhraseStats"/> and tables are kept for the next document on the same thread (see
/// <see cref="Rent"/>), so a document costs no allocation per phrase.
/// </summary>
internal sealed class PhraseTable
{
    [ThreadStatic]
    private static PhraseTable? t_free;

    private readonly Dictionary<PhraseKey, int> _index = new();
    private readonly List<PhraseStats> _phrases = new();

    public int Count { get; private set; }

    public PhraseStats this[int i] => _phrases[i];

    /// <summary>Scratch for <see cref="KeyPhraseExtractor"/>, emptied with the table.</summary>
    public HashSet<int> TitleStems { get; } = new();

    public Dictionary<int, int> LongestCounts { get; } = new();

    public List<PhraseStats> Names { get; } = new();

    public HashSet<int> LowercaseStems { get; } = new();

    public List<(PhraseStats Stats, double Score)> Scored { get; } = new();

    /// <summary>This thread's table if it is free, or a new one; give it back with <see cref="Return"/>.</summary>
    public static PhraseTable Rent()
    {
        var table = t_free ?? new PhraseTable();
        t_free = null;
        return table;
    }

    public static void Return(PhraseTable table)
    {
        table.Clear();
        t_free = table;
    }

    public PhraseStats GetOrAdd(ReadOnlySpan<int> stems, bool proper)
    {
        ref int slot = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_index, PhraseKey.Of(stems), out bool exists);
        if (exists)
        {
            return _phrases[slot];
        }
        if (Count == _phrases.Count)
        {
            _phrases.Add(new PhraseStats());
        }
        slot = Count++;
        var stats = _phrases[slot];
        stats.Reset(stems, proper);
        return stats;
    }

    private void Clear()
    {
        _index.Clear();
        Count = 0;
        TitleStems.Clear();
        LowercaseStems.Clear();
        LongestCounts.Clear();
        Names.Clear();
        Scored.Clear();
    }
}

/// <summary>
/// Finds candidate key phrases without a part-of-speech tagger: runs of words between stopwords and punctuation.
/// In cased text a run of capitalized words is a name (<c>Jake Sullivan</c>, <c>Bank of England</c>; leading
/// titles such as <c>President</c> dropped); a lower-case run yields its last one to three words, since English
/// noun phrases end in their head noun (<c>critical humanitarian aid</c> gives <c>aid</c>, <c>humanitarian aid</c>, …).
/// </summary>
internal static class PhraseCandidates
{
    private const int MaxRun = 6;
    public const int MaxPhraseWords = 4;

    /// <summary>Words before a name that are a title or role, not part of the name.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Titles = FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
        "President", "Prime", "Minister", "Sen", "Senator", "Rep", "Representative", "Gov", "Governor", "Secretary", "Leader",
        "Majority", "Minority", "Speaker", "Chief", "Mr", "Mrs", "Ms", "Dr", "General", "Gen", "Lt", "Col", "Sgt", "Capt",
        "King", "Queen", "Prince", "Princess", "Pope", "Judge", "Justice", "Officer", "Detective", "Coach", "Former", "Deputy",
        "Vice", "Ambassador", "Director", "Chairman", "Chairwoman", "Spokesman", "Spokeswoman", "CEO", "Sir", "Lord", "Lady",
        "Dame", "Rev", "Reverend", "Sheikh", "Mayor", "Commissioner", "Attorney", "Adviser", "Advisor", "Agent", "Professor",
        "Prof", "Pastor", "Bishop", "Archbishop", "Cardinal", "Colonel", "Captain", "Sergeant", "Lieutenant", "Admiral",
        "Commander", "Corporal", "Brigadier", "Marshal", "Manager", "Striker", "Midfielder", "Defender", "Goalkeeper")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Small words allowed inside a name when a capitalized word follows: <c>Bank of England</c>.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NameJoiners = FrozenSet.Create(StringComparer.Ordinal,
        "of", "the", "de", "al", "bin", "van", "von", "la", "le", "du", "da", "del")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Verbs and adverbs common in news that stopwords miss; a phrase never ends in one.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotHeads = FrozenSet.Create(StringComparer.Ordinal,
        "called", "asked", "added", "noted", "expressed", "agreed", "discussed", "emphasized", "stressed", "described",
        "explained", "decided", "believe", "believes", "says", "said", "told", "tells", "reported", "including", "according",
        "became", "become", "becomes", "continue", "continued", "continues", "help", "helped", "give", "gave", "given",
        "keep", "kept", "put", "set", "found", "find", "left", "leave", "saw", "seen", "seem", "seems", "seemed", "try",
        "tried", "show", "showed", "shown", "able", "likely", "unlikely", "due", "among", "least", "less", "far", "almost",
        "although", "else", "ever", "never", "often", "perhaps", "quite", "rather", "really", "recently", "soon", "sure",
        "whose", "cannot", "wants", "wanted", "need", "needs", "needed", "let", "lets", "done", "does", "much", "many",
        "several", "various", "certain", "whole", "next", "previous", "different", "similar", "same", "other", "others",
        // Nouns too general to say what an article is about.
        "month", "months", "week", "weeks", "year", "years", "day", "days", "time", "times", "hour", "hours", "minute",
        "minutes", "moment", "thing", "things", "way", "ways", "lot", "part", "number", "kind", "sort", "end", "point",
        "place", "case", "fact", "issue", "sense", "percent", "side", "group", "area", "areas", "today", "morning", "night")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    public static void Collect(TextDocument document, bool caseless, int maxSentences, PhraseTable phrases)
    {
        var text = document.Text;
        var tokens = document.Tokens;
        int end = Math.Min(document.Sentences.Length, document.HeaderSentences + maxSentences);
        Span<int> run = stackalloc int[MaxRun];
        Span<char> buffer = stackalloc char[32];
        var lowercaseSeen = caseless ? phrases.LowercaseStems : LowercaseWords(document, end, phrases.LowercaseStems);
        for (int s = document.HeaderSentences; s < end; s++)
        {
            var sentence = document.Sentences[s];
            int length = 0;
            bool runProper = false;
            for (int t = sentence.FirstToken; t <= sentence.EndToken; t++)
            {
                bool word = t < sentence.EndToken && IsPhraseWord(text, tokens[t]);
                bool capital = word && !caseless && IsCapitalized(tokens[t].Slice(text));
                if (word && !capital && !caseless && runProper && length > 0 && t + 1 < sentence.EndToken
                    && NameJoiners.Contains(tokens[t].Slice(text)) && IsCapitalized(tokens[t + 1].Slice(text)))
                {
                    capital = true; // "Bank of England": the joiner stays inside the name
                }
                else if (word && !(capital && IsAllCaps(tokens[t].Slice(text))) && Stopwords.Contains(Lower(tokens[t].Slice(text), buffer)))
                {
                    word = false;
                }
                if (!word || length == MaxRun || (length > 0 && capital != runProper))
                {
                    var words = run[..length];
                    if (runProper && t - length == sentence.FirstToken && length > 0 && IsCommonWord(document, words[0], lowercaseSeen, buffer))
                    {
                        words = words[1..]; // "Speaking to reporters": a capital only because the sentence starts there
                    }
                    Flush(document, words, runProper, s, phrases, buffer);
                    length = 0;
                }
                if (word)
                {
                    if (length == 0)
                    {
                        runProper = capital;
                    }
                    run[length++] = t;
                }
            }
        }
    }

    private static bool IsPhraseWord(string text, Token token)
    {
        if (token.Kind != TokenKind.Word || token.Length > 30)
        {
            return false;
        }
        var s = token.Slice(text);
        return !CharClass.IsApostrophe(s[0]) && s.IndexOfAny('/', '@') < 0 && char.IsLetter(s[0]);
    }

    /// <summary><c>US</c>, <c>UN</c>: an acronym, never the stopword it spells in lower case.</summary>
    private static bool IsAllCaps(ReadOnlySpan<char> word) => word.Length >= 2 && !word.ContainsAnyInRange('a', 'z');

    private static bool IsCapitalized(ReadOnlySpan<char> word) => word.Length > 0 && CharClass.IsUpper(word[0]);

    private static ReadOnlySpan<char> Lower(ReadOnlySpan<char> word, Span<char> buffer)
    {
        int n = Math.Min(word.Length, buffer.Length);
        word[..n].ToLowerInvariant(buffer);
        return buffer[..n];
    }

    /// <summary>Stems of words the document writes in lower case somewhere.</summary>
    private static HashSet<int> LowercaseWords(TextDocument document, int endSentence, HashSet<int> seen)
    {
        var text = document.Text;
        var termIds = document.TermIds;
        int endToken = endSentence > 0 ? document.Sentences[endSentence - 1].EndToken : 0;
        for (int t = 0; t < endToken; t++)
        {
            var token = document.Tokens[t];
            if (token.Kind == TokenKind.Word && CharClass.IsLower(text[token.Start]))
            {
                seen.Add(termIds[t]);
            }
        }
        return seen;
    }

    private static bool IsCommonWord(TextDocument document, int token, HashSet<int> lowercaseSeen, Span<char> buffer)
    {
        var lower = Lower(document[document.Tokens[token]], buffer);
        return lower.EndsWith("ing") || lower.EndsWith("ly") || lower.EndsWith("ed") || lowercaseSeen.Contains(document.TermIds[token]);
    }

    private static void Flush(TextDocument document, ReadOnlySpan<int> run, bool proper, int sentence,
        PhraseTable phrases, Span<char> buffer)
    {
        if (run.IsEmpty)
        {
            return;
        }
        var text = document.Text;
        var tokens = document.Tokens;
        if (proper)
        {
            int from = 0;
            for (int i = 0; i < run.Length - 1; i++)
            {
                if (Titles.Contains(Trimmed(tokens[run[i]].Slice(text))))
                {
                    from = i + 1; // "Senate Majority Leader Chuck Schumer" -> "Chuck Schumer"
                }
            }
            var name = run[from..];
            if (name.Length > MaxPhraseWords || (name.Length == 1 && Titles.Contains(Trimmed(tokens[name[0]].Slice(text)))))
            {
                return;
            }
            Add(document, name, proper: true, sentence, phrases);
            return;
        }
        // A noun phrase ends in its head: drop trailing verbs, adverbs and participles.
        int last = run.Length - 1;
        while (last >= 0 && !IsHead(Lower(tokens[run[last]].Slice(text), buffer)))
        {
            last--;
        }
        for (int words = 1; words <= 3 && last - words + 1 >= 0; words++)
        {
            var phrase = run.Slice(last - words + 1, words);
            if (Lower(tokens[phrase[0]].Slice(text), buffer).EndsWith("ly"))
            {
                break; // "recently expanded aid" is not a phrase; neither is anything longer
            }
            Add(document, phrase, proper: false, sentence, phrases);
        }
    }

    private static ReadOnlySpan<char> Trimmed(ReadOnlySpan<char> word) => word.TrimEnd('.');

    private static bool IsHead(ReadOnlySpan<char> lower) =>
        lower.Length > 2 && !lower.EndsWith("ly") && !lower.EndsWith("ed") && !NotHeads.Contains(lower);

    private static void Add(TextDocument document, ReadOnlySpan<int> words, bool proper, int sentence, PhraseTable phrases)
    {
        var termIds = document.TermIds;
        Span<int> stems = stackalloc int[MaxPhraseWords];
        stems = stems[..words.Length];
        for (int i = 0; i < words.Length; i++)
        {
            stems[i] = termIds[words[i]];
        }
        var stats = phrases.GetOrAdd(stems, proper);
        stats.Count++;
        stats.FirstSentence = Math.Min(stats.FirstSentence, sentence);
        stats.AddSpelling(document, words[0], words.Length, asWritten: proper); // the words of a run are consecutive tokens
    }
}

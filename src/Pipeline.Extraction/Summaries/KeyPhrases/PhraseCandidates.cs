using System.Collections.Frozen;
using Pipeline.Text;

namespace Pipeline.Summaries;

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
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Titles = WordLists.Set(typeof(PhraseCandidates).Assembly, "Pipeline.Summaries.Lexicons.phrase-titles.txt", StringComparer.OrdinalIgnoreCase);

    /// <summary>Small words allowed inside a name when a capitalized word follows: <c>Bank of England</c>.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NameJoiners = WordLists.Set(typeof(PhraseCandidates).Assembly, "Pipeline.Summaries.Lexicons.name-joiners.txt", StringComparer.Ordinal);

    /// <summary>Verbs and adverbs common in news that stopwords miss; a phrase never ends in one.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotHeads = WordLists.Set(typeof(PhraseCandidates).Assembly, "Pipeline.Summaries.Lexicons.not-heads.txt", StringComparer.Ordinal);

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

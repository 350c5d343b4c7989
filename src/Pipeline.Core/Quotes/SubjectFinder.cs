using System.Collections.Frozen;
using Pipeline.Text;

namespace Pipeline.Quotes;

/// <summary>A subject found before a cue verb: the speaker and where its phrase starts.</summary>
internal readonly record struct Subject(Speaker Speaker, int Start);

/// <summary>
/// Finds who a cue verb belongs to, looking left of it: <c>Sullivan (also) said</c>, <c>Megan Hester, a director at the
/// institute, said</c>, <c>Trump, who …, said</c>, <c>… and said</c> (the subject of the clause before).
/// </summary>
internal sealed class SubjectFinder(TextDocument document, SpeakerResolver speakers)
{
    private const int MaxPhraseTokens = 10;

    /// <summary>How far back an apposition may reach: <c>Name, a long description of who they are, said</c>.</summary>
    private const int MaxAppositionReach = 40;

    /// <summary>Words between a subject and its verb: auxiliaries, negation and adverbs (<c>has also long said</c>).</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Auxiliaries = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "also", "later", "then", "has", "had", "have", "would", "will", "is", "are", "was", "were", "am", "be", "been",
        "being", "could", "can", "should", "may", "might", "must", "shall", "do", "does", "did", "not", "n't", "never",
        "once", "often", "again", "too", "further", "simply", "flatly", "still", "even", "now", "first", "long",
        "already", "always", "soon", "just", "herself", "himself", "themselves", "itself", "only", "ever", "all",
        "both", "each", "further", "quickly", "since")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ClauseBoundaries = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        ",", ";", ":", "(", ")", "and", "but", "while", "that", "because", "as", "though", "although", "--", "—", "–",
        "―", "when", "where", "who", "which", "if", "so", "after", "before", "since", "until", "whether", "than", "said",
        "says", "told", "according", "\"", "“", "”", "''", "``", "what", "whom", "whose", "into", "over", "inside", "about",
        "against", "by", "to", "like", "through", "under", "via", "without", "upon", "toward", "towards", "amid", "among",
        "across", "[", "]")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words that open a clause whose subject may be followed by a cue: <c>After officials said …, …</c>.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Subordinators = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "after", "before", "when", "while", "as", "because", "although", "though", "if", "since", "until", "once",
        "whereas", "unless")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsSubordinator(ReadOnlySpan<char> word) => Subordinators.Contains(word);

    /// <summary>The verb group's start: the cue, less the auxiliaries and adverbs before it (<c>has also said</c>).</summary>
    public int VerbGroupStart(int limit, int cue)
    {
        var tokens = document.Tokens;
        int end = cue;
        bool progressive = document[tokens[cue]].EndsWith("ing", StringComparison.Ordinal);
        while (end > limit && (tokens[end - 1].Kind == TokenKind.Word || progressive && IsContractedBe(document[tokens[end - 1]])))
        {
            var word = document[tokens[end - 1]];
            if (Auxiliaries.Contains(word) || IsAdverb(word) || progressive && IsContractedBe(word))
            {
                end--;
            }
            else if (word is "to" && end - 2 > limit && Catenatives.Contains(document[tokens[end - 2]]))
            {
                end -= 2; // "continued to call for", "appeared to suggest"
            }
            else
            {
                break;
            }
        }
        return end;
    }

    /// <summary><c>He’s claiming</c>, <c>they’re saying</c>: a contracted form of <c>be</c> before a participle.</summary>
    private static bool IsContractedBe(ReadOnlySpan<char> word) => word is "’s" or "'s" or "’re" or "'re";

    /// <summary>Verbs that take a cue verb after <c>to</c> and leave it the subject: <c>continued to call</c>, <c>plans to announce</c>.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Catenatives = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "continue", "continued", "continues", "began", "begin", "begins", "try", "tried", "tries", "appear", "appeared",
        "appears", "seem", "seemed", "seems", "want", "wanted", "wants", "plan", "planned", "plans", "decided", "refused",
        "need", "needed", "needs", "hope", "hoped", "hopes", "going", "expected", "used", "sought", "seeks", "seek",
        "declined", "declines", "vowed", "promised", "agreed", "threatened", "moved", "rushed", "went", "came")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// True when the verb at <paramref name="cue"/> is a passive participle (<c>was endorsed by</c>, <c>has been
    /// charged</c>): its subject is no source.
    /// </summary>
    public bool IsPassive(int limit, int cue)
    {
        var tokens = document.Tokens;
        for (int t = cue - 1; t >= limit && t >= cue - 4; t--)
        {
            var word = document[tokens[t]];
            if (word is "is" or "are" or "was" or "were" or "be" or "been" or "being" or "’s" or "'s" or "’re" or "'re" or "get" or "got"
                or "isn't" or "isn’t" or "aren't" or "aren’t" or "wasn't" or "wasn’t" or "weren't" or "weren’t")
            {
                return true; // "… an American history that isn't told like it should be"
            }
            if (tokens[t].Kind != TokenKind.Word || !(Auxiliaries.Contains(word) || IsAdverb(word) || IsNegatedAuxiliary(word)))
            {
                return false;
            }
        }
        return false;
    }

    /// <summary><c>hasn't</c>, <c>didn't</c>, <c>won’t</c>: an auxiliary with its negation in one token.</summary>
    private static bool IsNegatedAuxiliary(ReadOnlySpan<char> word) =>
        word.Length > 3 && (word.EndsWith("n't", StringComparison.OrdinalIgnoreCase) || word.EndsWith("n’t", StringComparison.OrdinalIgnoreCase));

    /// <summary>
    /// The subject of the cue verb at <paramref name="cue"/>, searched in <c>[limit, cue)</c>; <paramref name="inherited"/>
    /// is the subject of the clause before, for <c>… and said</c>.
    /// </summary>
    public Subject? Find(int limit, int cue, Subject? inherited)
    {
        var tokens = document.Tokens;
        int end = VerbGroupStart(limit, cue);
        if (end <= limit)
        {
            return null;
        }
        var before = document[tokens[end - 1]];
        if (before is "and" or "but" or "or")
        {
            // "Trump attacked Clinton and said …": the verb shares the subject of the clause before.
            return inherited ?? SentenceSubject(limit, end - 1);
        }
        if (before.Equals("who", StringComparison.OrdinalIgnoreCase))
        {
            int antecedent = end - 1;
            if (antecedent > limit && document[tokens[antecedent - 1]] is ",")
            {
                antecedent--;
            }
            return NounPhrase(limit, antecedent, cue);
        }
        if (before is "," or "--" or "—" or "–")
        {
            return Apposition(limit, end - 1, cue);
        }
        return NounPhrase(limit, end, cue);
    }

    /// <summary>The noun phrase ending at <paramref name="end"/>, back to the last clause boundary.</summary>
    public Subject? NounPhrase(int limit, int end, int cue)
    {
        var tokens = document.Tokens;
        int start = end;
        if (start - 1 > limit && document[tokens[start - 1]] is ")")
        {
            // "Sen. David Perdue (R-Ga.) said": step over the parenthesis.
            int open = start - 2;
            while (open > limit && end - open < MaxPhraseTokens && document[tokens[open]] is not "(")
            {
                open--;
            }
            if (document[tokens[open]] is "(")
            {
                start = open;
            }
        }
        while (start > limit && end - start < MaxPhraseTokens && !ClauseBoundaries.Contains(document[tokens[start - 1]]))
        {
            start--;
        }
        if (start >= end || document[tokens[start]] is "(")
        {
            return null;
        }
        // A lone capitalized word inside a sentence, right before the verb, is a name the entity stage missed ("…, and Caddell said").
        var speaker = end - start == 1 && !StartsSentence(start) ? speakers.ResolveName(start, end, cue) : speakers.Resolve(start, end, cue);
        return speaker is { } found ? new Subject(found, start) : null;
    }

    /// <summary>
    /// <c>Megan Hester, senior associate at the institute, said</c> (the first phrase) or <c>Biden's adviser, Jake
    /// Sullivan, said</c> (the apposition): a named person wins, then the first phrase that is a source.
    /// </summary>
    private Subject? Apposition(int limit, int comma, int cue)
    {
        var tokens = document.Tokens;
        int from = Math.Max(limit, comma - MaxAppositionReach);
        // Segment boundaries: commas and dashes between from and the comma before the verb.
        Span<int> cuts = stackalloc int[16];
        int count = 0;
        for (int t = comma - 1; t >= from && count < cuts.Length; t--)
        {
            var word = document[tokens[t]];
            if (word is "," or "--" or "—" or "–")
            {
                cuts[count++] = t;
            }
            else if (word is "." or ";" or ":")
            {
                from = t + 1;
                break;
            }
        }
        // The apposition right before the verb: "…, Jake Sullivan, said".
        int lastStart = count > 0 ? cuts[0] + 1 : from;
        var last = lastStart < comma ? speakers.Resolve(lastStart, comma, cue) : null;
        if (last is { Kind: SpeakerKind.Entity } named)
        {
            return new Subject(named, lastStart);
        }
        Subject? weak = null;
        // Phrases from the left: "In a statement, Megan Hester, the director, said".
        for (int i = count - 1; i >= 0; i--)
        {
            int segmentStart = i == count - 1 ? from : cuts[i + 1] + 1;
            if (NounPhrase(segmentStart, cuts[i], cue) is { } segment)
            {
                if (segment.Speaker.IsStrong)
                {
                    return segment;
                }
                weak ??= segment;
            }
        }
        return last is { } described ? new Subject(described, lastStart) : weak;
    }

    /// <summary>The subject at the start of the clause: a pronoun, a name, or a source noun phrase.</summary>
    public Subject? SentenceSubject(int start, int limit)
    {
        var tokens = document.Tokens;
        int from = start;
        if (from < limit && IsSubordinator(document[tokens[from]]))
        {
            from++;
        }
        for (int end = from + 1; end <= Math.Min(limit, from + MaxPhraseTokens); end++)
        {
            var word = document[tokens[end - 1]];
            if (ClauseBoundaries.Contains(word) || CueVerbs.Of(word).IsCue)
            {
                break;
            }
            if (end < limit && !ContinuesNounPhrase(end) && speakers.Resolve(from, end, end) is { IsStrong: true } speaker)
            {
                return new Subject(speaker, from);
            }
        }
        return null;
    }

    /// <summary>True when token <paramref name="t"/> still belongs to the phrase before it: a possessive, or a name going on.</summary>
    private bool ContinuesNounPhrase(int t)
    {
        var tokens = document.Tokens;
        var word = document[tokens[t]];
        return word is "'s" or "’s"
            || (tokens[t].Kind == TokenKind.Word && CharClass.IsUpper(word[0]) && CharClass.IsUpper(document[tokens[t - 1]][0]));
    }

    private bool StartsSentence(int token)
    {
        int sentence = document.SentenceOfToken(token);
        return sentence < 0 || document.Sentences[sentence].FirstToken == token;
    }

    private static bool IsAdverb(ReadOnlySpan<char> word) =>
        word.Length > 4 && word.EndsWith("ly") && CharClass.IsLower(word[0]) && !word.Equals("only", StringComparison.Ordinal);
}

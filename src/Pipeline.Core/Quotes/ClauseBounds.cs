using System.Collections.Frozen;
using Pipeline.Text;

namespace Pipeline.Quotes;

/// <summary>
/// Where attributed content starts and ends around a cue, at the token level: after <c>that</c> or the hearer of
/// <c>told</c>, and up to the clause's end (<c>, but</c>, <c>; </c>, <c>and said</c>, <c>, adding</c>) rather than the
/// sentence's, since a second attribution there has content of its own.
/// </summary>
internal sealed class ClauseBounds(TextDocument document, SpeakerResolver speakers, bool[] inMarks)
{
    /// <summary>Words that may follow an attribution verb without starting the content: <c>said Monday in a statement</c>.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TailStarters = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "at", "in", "on", "during", "after", "before", "while", "when", "from", "outside", "inside", "last", "this",
        "yesterday", "today", "tonight", "later", "earlier", "afterward", "afterwards", "recently", "again",
        "repeatedly", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "via", "through",
        "late", "early", "without", "as", "according", "adding", "noting", "saying", "calling", "referring", "of", "to",
        "with", "by", "over", "about", "afterward", "publicly", "privately", "flatly", "simply", "then", "too", "also")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Days and moments an attribution is dated by: <c>said Monday the plan …</c>.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Moments = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "yesterday", "today", "tonight",
        "earlier", "later", "recently", "again", "repeatedly", "publicly", "privately", "flatly", "then", "also", "too",
        "afterward", "afterwards", "night", "morning", "afternoon", "evening")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Particles that belong to the cue: <c>called for</c>, <c>pointed out</c>, <c>talked about</c>.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Particles = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "for", "on", "out", "about", "of", "against", "up", "off", "back")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Conjunctions after a comma that open a clause of the writer's: <c>…, but he has also …</c>.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ClauseOpeners = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "but", "according", "though", "although", "whereas", "while", "even", "despite")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words that cannot start content: auxiliaries and modals (the "cue" was a noun) and conjunctions.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotContent = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "can", "cannot", "could", "will", "would", "should", "may", "might", "must", "is", "are", "was", "were", "has",
        "have", "had", "do", "does", "did", "and", "or", "but", "nor", "’s", "'s")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsTailStarter(ReadOnlySpan<char> word) => TailStarters.Contains(word);

    /// <summary>True for <c>told</c>, <c>tells</c>, <c>telling</c>: the hearer comes before the content.</summary>
    public static bool TakesHearer(ReadOnlySpan<char> cue) =>
        cue.StartsWith("tel", StringComparison.OrdinalIgnoreCase) || cue.Equals("told", StringComparison.OrdinalIgnoreCase)
        || cue.StartsWith("assur", StringComparison.OrdinalIgnoreCase) || cue.StartsWith("remind", StringComparison.OrdinalIgnoreCase)
        || cue.StartsWith("inform", StringComparison.OrdinalIgnoreCase);

    /// <summary>Content that starts with a preposition is an adjunct of the cue unless it goes on this long.</summary>
    private const int MinAdjunctContent = 6;

    /// <summary>Where content starts after the cue at <paramref name="cue"/>, or -1 when nothing follows.</summary>
    public int ContentStart(int cue, int end)
    {
        var tokens = document.Tokens;
        int next = cue + 1;
        if (next < end && Particles.Contains(document[tokens[next]]) && next + 2 < end)
        {
            next++;
        }
        if (next >= end)
        {
            return -1;
        }
        if (NotContent.Contains(document[tokens[next]]) || (tokens[next].Kind == TokenKind.Punctuation && document[tokens[next]] is not ("," or ":") && !inMarks[next + (next + 1 < end ? 1 : 0)]))
        {
            // "A military plan cannot …": a verb after the "cue" shows it was a noun; "respond and said …" has no content.
            return -1;
        }
        // "said (in an interview last weekend) that …"; "told reporters (later) that …"
        bool hearer = TakesHearer(document[tokens[cue]]);
        for (int t = next; t < Math.Min(end, next + 10); t++)
        {
            var word = document[tokens[t]];
            if (word is "that" && !inMarks[t] && !IsDemonstrative(t, end))
            {
                return t + 1 < end ? t + 1 : -1;
            }
            if ((tokens[t].Kind == TokenKind.Punctuation && word is not ("’s" or "'s" or ",")) || CueVerbs.Of(word).IsCue
                || (!hearer && t == next && !TailStarters.Contains(word)))
            {
                break;
            }
        }
        // "said Monday the plan …", "said on Friday the …"
        int start = next;
        if (start + 1 < end && document[tokens[start]] is "on" && Moments.Contains(document[tokens[start + 1]]))
        {
            start++;
        }
        while (start < end && Moments.Contains(document[tokens[start]]))
        {
            start++;
        }
        if (hearer && start + 1 < end && !inMarks[start] && tokens[start].Kind == TokenKind.Word)
        {
            // "told reporters the …": skip the hearer.
            start++;
        }
        while (start < end && document[tokens[start]] is "," or ":")
        {
            start++;
        }
        if (start < end && !inMarks[start] && StartsAdjunct(start, end) && end - start < MinAdjunctContent)
        {
            return -1; // "said to the TV", "told reporters in Ohio": an adjunct, no content.
        }
        return start < end ? start : -1;
    }

    /// <summary><c>that's why …</c>, <c>that is</c>: a demonstrative, not the conjunction before a clause.</summary>
    private bool IsDemonstrative(int t, int end) =>
        t + 1 < end && document[document.Tokens[t + 1]] is "’s" or "'s" or "is" or "was" or "will" or "would" or "has" or "." or "," or ";";

    /// <summary>A prepositional phrase where content should start: <c>to the TV</c>, <c>in Ohio</c>, <c>during the debate</c>.</summary>
    private bool StartsAdjunct(int start, int end)
    {
        var tokens = document.Tokens;
        var word = document[tokens[start]];
        if (word is "to" && start + 1 < end)
        {
            return Determiners.Contains(document[tokens[start + 1]]);
        }
        return Adjuncts.Contains(word);
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Adjuncts = FrozenSet.Create(
        StringComparer.Ordinal, "in", "on", "at", "during", "after", "before", "from", "with", "via", "through", "while",
        "outside", "inside", "over", "by", "since", "until", "when").GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Determiners = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "the", "a", "an", "his", "her", "their", "its", "my", "our", "your", "this", "these",
        "those", "reporters", "me", "him", "them", "us").GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The end (exclusive) of the clause that starts at <paramref name="start"/>: the sentence end, or a semicolon, a
    /// comma before <c>but</c>/<c>according to</c>/a participle cue, <c>and</c> before a cue verb, or, in a fronted
    /// subordinate clause (<c>After X said …, …</c>), its comma.
    /// </summary>
    public int ClauseEnd(int start, int end, bool subordinate)
    {
        var tokens = document.Tokens;
        for (int t = start + 1; t < end; t++)
        {
            if (inMarks[t])
            {
                continue;
            }
            var word = document[tokens[t]];
            if (word is ",")
            {
                if (subordinate)
                {
                    return t;
                }
                if (t + 1 < end && !inMarks[t + 1] && (ClauseOpeners.Contains(document[tokens[t + 1]]) || IsParticiple(t + 1, end)))
                {
                    return t;
                }
                continue;
            }
            if (IsQuoteClose(t - 1) && !OpensQuote(t + 1, end) && (ClauseOpeners.Contains(word) || word is "--" or "—" || (word is "and" && t + 1 < end && IsPastVerb(t + 1))))
            {
                // "… “jobs, jobs, jobs,” but he has also …" (the comma sits inside the marks), "“…” — a metaphor",
                // "chanted “What curfew?” and kept going".
                return t;
            }
            if (word is "and" or "but" or "while" or "as" && t + 1 < end && (CoordinatedCue(t + 1, end, StartsWithPronoun(start)) || NewSpeaker(t + 1, end)))
            {
                return document[tokens[t - 1]] is "," ? t - 1 : t;
            }
        }
        return end;
    }

    /// <summary>
    /// The end of an object content (<c>attacked [Machado] during the debate</c>): a preposition that opens an
    /// adjunct of time or circumstance, unless an infinitive or a clause carries the content on (<c>urged
    /// Republicans to …</c>, <c>questioned what …</c>).
    /// </summary>
    public int ObjectEnd(int start, int end)
    {
        var tokens = document.Tokens;
        for (int t = start; t < end; t++)
        {
            if (inMarks[t])
            {
                continue;
            }
            var word = document[tokens[t]];
            if (t > start && EndsObject(t, end))
            {
                return t;
            }
            if (word is "that" or "whether" or "how" or "why" or "what" or "who")
            {
                return end;
            }
            if (t > start && ObjectStops.Contains(word) && !inMarks[t - 1])
            {
                return t;
            }
        }
        return end;
    }

    /// <summary>
    /// The writer's addition after an object: a relative clause after a comma (<c>…, which makes him …</c>), a dash,
    /// or a second verb phrase (<c>… but did not recommend …</c>).
    /// </summary>
    private bool EndsObject(int t, int end)
    {
        var tokens = document.Tokens;
        var word = document[tokens[t]];
        if (word is "—" or "―" or "--" || (word is "-" && tokens[t].Start > tokens[t - 1].End))
        {
            return true;
        }
        if (t + 1 >= end)
        {
            return false;
        }
        var next = document[tokens[t + 1]];
        return word switch
        {
            "," => next is "which" or "who" or "whom" or "whose",
            "in" or "on" => next is "a" or "an" or "his" or "her" or "their" or "its" or "early-morning" || IsDayOrMonth(next),
            "but" or "and" => next is "did" or "does" or "has" or "have" or "had" or "was" or "is" or "were" or "would" or "will" or "could" or "also" or "then" || IsPastVerb(t + 1),
            _ => false,
        };
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ObjectStops = FrozenSet.Create(
        StringComparer.Ordinal, "during", "after", "before", "while", "when", "because", "since", "amid", "despite",
        "until", "following").GetAlternateLookup<ReadOnlySpan<char>>();

    private static bool IsDayOrMonth(ReadOnlySpan<char> word) =>
        word is "Monday" or "Tuesday" or "Wednesday" or "Thursday" or "Friday" or "Saturday" or "Sunday"
            or "January" or "February" or "March" or "April" or "May" or "June" or "July" or "August" or "September"
            or "October" or "November" or "December";

    /// <summary>A past-tense verb (an -ed word or a common irregular one): <c>and kept going</c>.</summary>
    private bool IsPastVerb(int t)
    {
        var word = document[document.Tokens[t]];
        return document.Tokens[t].Kind == TokenKind.Word && CharClass.IsLower(word[0])
               && (word.EndsWith("ed", StringComparison.Ordinal) || word is "kept" or "went" or "made" or "took" or "gave" or "left" or "sent" or "told" or "said" or "got" or "began" or "came");
    }

    /// <summary><c>…, saying …</c>, <c>…, citing …</c>: a participle of a cue verb.</summary>
    public bool IsParticipleCue(int t)
    {
        var cue = CueVerbs.Of(document[document.Tokens[t]]);
        return cue.Form == CueForm.Ing && cue.IsCue;
    }

    /// <summary>
    /// <c>…, saying</c>, <c>…, implicitly putting</c>, <c>…, meaning</c>: a participle phrase after a comma is the
    /// writer's addition (except <c>including</c>, which goes on with a list).
    /// </summary>
    private bool IsParticiple(int t, int end)
    {
        var tokens = document.Tokens;
        var word = document[tokens[t]];
        if (word.Length > 5 && word.EndsWith("ly", StringComparison.Ordinal) && t + 1 < end)
        {
            word = document[tokens[++t]];
        }
        return tokens[t].Kind == TokenKind.Word && word.Length > 4 && CharClass.IsLower(word[0]) && word.EndsWith("ing", StringComparison.Ordinal)
               && !word.Equals("including", StringComparison.Ordinal) && !word.Equals("during", StringComparison.Ordinal);
    }

    private bool IsQuoteClose(int t)
    {
        if (t < 0)
        {
            return false;
        }
        var token = document.Tokens[t];
        var word = document[token];
        return token.Kind == TokenKind.Punctuation && (word is "”" or "’" or "''" || (word is "\"" && t > 0 && inMarks[t - 1]));
    }

    /// <summary>An opening quotation mark: <c>“…” but “…”</c> goes on with a second quoted part.</summary>
    private bool OpensQuote(int t, int end) =>
        t + 1 < end && !inMarks[t] && inMarks[t + 1] && document.Tokens[t].Kind == TokenKind.Punctuation;

    /// <summary><c>and said</c>, <c>and also warned</c>: a second verb of saying for the same subject.</summary>
    /// <param name="inClause">The content is a clause with a subject of its own (<c>he posed a threat and refused …</c>):
    /// a verb of stance after <c>and</c> is then its subject's, not the speaker's.</param>
    private bool CoordinatedCue(int t, int end, bool inClause)
    {
        var tokens = document.Tokens;
        for (int k = t; k < Math.Min(end, t + 3); k++)
        {
            var cue = CueVerbs.Of(document[tokens[k]]);
            if ((cue.Strength == CueStrength.Speech && cue.Form is CueForm.Past or CueForm.Third) || (!inClause && cue.IsCue && cue.Form == CueForm.Past))
            {
                return true;
            }
            var between = document[tokens[k]];
            if (tokens[k].Kind != TokenKind.Word || !(between is "also" or "then" or "later" or "has" or "have" or "had" or "is" or "was"
                                                      || (between.Length > 4 && between.EndsWith("ly", StringComparison.Ordinal))))
            {
                return false;
            }
        }
        return false;
    }

    /// <summary>Content that opens with a personal pronoun is a clause with its own subject.</summary>
    private bool StartsWithPronoun(int start) =>
        document[document.Tokens[start]] is "he" or "she" or "they" or "it" or "we" or "I" or "He" or "She" or "They" or "It" or "We";

    /// <summary><c>…, and Sullivan said …</c>: a clause with a speaker and a verb of saying of its own.</summary>
    private bool NewSpeaker(int t, int end)
    {
        var tokens = document.Tokens;
        for (int c = t + 1; c < Math.Min(end, t + 7); c++)
        {
            if (inMarks[c] || (tokens[c].Kind == TokenKind.Punctuation && document[tokens[c]] is not ("'s" or "’s")))
            {
                return false;
            }
            var cue = CueVerbs.Of(document[tokens[c]]);
            if (cue.Strength == CueStrength.Speech && cue.Form is CueForm.Past or CueForm.Third)
            {
                return speakers.Resolve(t, c, c) is { IsStrong: true };
            }
            if (cue.IsCue && !CueVerbs.IsAlsoNoun(document[tokens[c]]))
            {
                // "…, and Republicans want …", "…, and Clinton is promising …": a source's stance of its own.
                int subjectEnd = c;
                while (subjectEnd > t + 1 && document[tokens[subjectEnd - 1]] is "is" or "are" or "was" or "were" or "has" or "have" or "had" or "also")
                {
                    subjectEnd--;
                }
                return speakers.Resolve(t, subjectEnd, c) is { IsStrong: true };
            }
        }
        return false;
    }

    /// <summary>True when a trailing cue is followed by a clause of its own (<c>X told reporters later that …</c>): then it is no trailing attribution.</summary>
    public bool TailHasClause(int cue, int end)
    {
        var tokens = document.Tokens;
        int hearerEnd = TakesHearer(document[tokens[cue]]) ? HearerEnd(cue + 1, end) : cue + 1;
        for (int t = cue + 1; t < end; t++)
        {
            var word = document[tokens[t]];
            if (word is "," || inMarks[t])
            {
                return false;
            }
            if (word is "that")
            {
                // "said that …", "told reporters that …", "said Monday that …", "said in a statement that …" report
                // a clause; "after the meeting that was held", "announcing that …" belong to a phrase of their own.
                var before = document[tokens[t - 1]];
                if (t == cue + 1 || t == hearerEnd || Moments.Contains(before) || SayingNouns.Contains(before)
                    || (t + 1 < end && OpensSubject(t + 1) && !HasVerbBetween(cue + 1, t)))
                {
                    return true; // "said at an event in Colorado Springs that a bomb had gone off": a subject follows
                }
            }
        }
        return false;
    }

    /// <summary>
    /// A subject after <c>that</c> makes it the start of a reported clause (<c>that a bomb had gone off</c>, <c>that he
    /// …</c>); a relative <c>that</c> is followed by its verb (<c>the meeting that was held</c>).
    /// </summary>
    private bool OpensSubject(int t)
    {
        var token = document.Tokens[t];
        var word = document[token];
        return word is "a" or "an" or "he" or "she" or "it" or "they" or "we" or "I" or "you" or "there" or "his" or "her" or "their"
            || (token.Kind == TokenKind.Word && CharClass.IsUpper(word[0]) && word is not "I");
    }

    /// <summary><c>said at a news conference announcing that …</c>: the <c>that</c> is the participle's.</summary>
    private bool HasVerbBetween(int from, int to)
    {
        var tokens = document.Tokens;
        for (int t = from; t < to; t++)
        {
            var word = document[tokens[t]];
            if (tokens[t].Kind == TokenKind.Word && (word.EndsWith("ing", StringComparison.Ordinal) || CueVerbs.Of(word).IsCue))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Nouns a report is made in: <c>said in a statement that …</c>.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SayingNouns = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "statement", "interview", "email", "e-mail", "letter", "release", "post", "tweet", "tweets", "speech", "filing",
        "memo", "report", "call", "briefing", "conference", "remarks", "video", "message", "op-ed", "column", "court")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Where the hearer of <c>told</c> ends: <c>told reporters</c>, <c>told CNN's Dana Bash</c>.</summary>
    private int HearerEnd(int next, int end)
    {
        var tokens = document.Tokens;
        int hearer = next;
        while (hearer < end && hearer - next < 6 && tokens[hearer].Kind == TokenKind.Word && !TailStarters.Contains(document[tokens[hearer]]) && document[tokens[hearer]] is not "that")
        {
            hearer++;
        }
        return hearer;
    }

    /// <summary>True when what follows the cue ends the attribution: the sentence end, punctuation, or a dated adjunct.</summary>
    public bool TailIsAttribution(int cue, int end)
    {
        var tokens = document.Tokens;
        int next = cue + 1;
        if (next < end && TakesHearer(document[tokens[cue]]))
        {
            // "…, Sullivan told reporters." / "…, he told CNN on Monday."
            next = HearerEnd(next, end);
        }
        if (next >= end)
        {
            return true;
        }
        var word = document[tokens[next]];
        if (tokens[next].Kind == TokenKind.Punctuation)
        {
            return word is not ("(" or "[" or ":");
        }
        // "…, Gowdy said sarcastically." / "…, she said several months after her release."
        return TailStarters.Contains(word) || word.Length > 4 && word.EndsWith("ly", StringComparison.Ordinal) && CharClass.IsLower(word[0])
            || (word is "several" or "two" or "three" or "four" or "five" or "a" or "an" || tokens[next].Kind == TokenKind.Number)
               && next + 1 < end && TimeUnits.Contains(document[tokens[next + 1]]);
    }

    /// <summary>Units of a span of time: <c>two days later</c>, <c>several months after …</c>.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TimeUnits = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month",
        "months", "year", "years", "decade", "decades").GetAlternateLookup<ReadOnlySpan<char>>();
}

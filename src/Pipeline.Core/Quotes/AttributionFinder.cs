using System.Collections.Frozen;
using Pipeline.Text;

namespace Pipeline.Quotes;

/// <summary>The pattern an attribution was found by.</summary>
internal enum AttributionKind : byte
{
    /// <summary><c>…, Sullivan said.</c> / <c>…, said Jake Sullivan.</c>: the content comes first.</summary>
    Trailing,
    /// <summary><c>Sullivan said (that) …</c>, <c>Trump wants to …</c>: the content follows its cue.</summary>
    Forward,
    /// <summary><c>According to X, …</c> / <c>…, according to X.</c></summary>
    AccordingTo,
    /// <summary><c>PENCE: …</c>, the speaker labels of a transcript.</summary>
    Label,
}

/// <summary>
/// An attribution in a sentence: content tokens <c>[ContentStart, ContentEnd)</c>, who, and by which cue.
/// <see cref="Verbatim"/> when the content reads as the speaker's own words that lost their marks
/// (<c>X said, …</c>, or first-person content).
/// </summary>
internal readonly record struct Attribution(int ContentStart, int ContentEnd, Speaker Speaker, string Cue, AttributionKind Kind, bool Verbatim)
{
    /// <summary>The cue's token (the colon of a label, <c>according</c>).</summary>
    public int CueToken { get; init; } = -1;

    /// <summary>The content after the attribution, when it splits the sentence (<c>A, he said, B.</c>): tokens <c>[Start, End)</c>.</summary>
    public (int Start, int End)? Rest { get; init; }
}

/// <summary>
/// Finds the attributions of a sentence outside quotation marks, at the token level: a trailing attribution or an
/// <c>according to</c> takes the whole sentence; otherwise every <c>subject cue content</c> from left to right, each
/// content ending where the next attribution begins (PolNeAR's attributions never nest).
/// </summary>
internal sealed class AttributionFinder(TextDocument document, SpeakerResolver speakers, SubjectFinder subjects, ClauseBounds bounds, bool[] inMarks)
{
    private const int MaxSpeakerTokens = 10;

    /// <summary>
    /// Content before a trailing attribution is a clause, not a participle phrase (<c>Speaking Monday, X declined …</c>),
    /// unless it answers a question just asked (<c>Are we there? Probably not, she said.</c>) or its subject is the
    /// speaker or the listener (<c>I would, she said.</c>).
    /// </summary>
    private int MinTrailingWords(int sentenceStart) =>
        sentenceStart > 0 && document[document.Tokens[sentenceStart - 1]] is "?"
        || document[document.Tokens[sentenceStart]] is "I" or "We" or "You" // "I would, Melanie said."
            ? MinContentWords - 1 : MinContentWords;

    /// <summary>The fewest words a clause of content has.</summary>
    private const int MinContentWords = 3;

    /// <summary>How far a source phrase with its apposition may reach: <c>As Steven M. Rosenthal, a tax lawyer …, put it</c>.</summary>
    private const int MaxPhraseReach = 40;

    /// <summary>The longest phrase before a comma taken for a scene-setting adjunct rather than content.</summary>
    private const int MaxAdjunctTokens = 8;

    /// <summary>How far before a trailing cue its subject may start (a name and a long apposition).</summary>
    private const int MaxTrailingReach = 40;

    /// <summary>Appends the sentence's attributions to <paramref name="output"/>, in text order.</summary>
    public void Find(Sentence sentence, List<Attribution> output)
    {
        var tokens = document.Tokens;
        int a = sentence.FirstToken, b = sentence.EndToken;
        int end = b;
        while (end > a && tokens[end - 1].Kind == TokenKind.Punctuation && document[tokens[end - 1]] is not ")")
        {
            end--;
        }
        if (end - a < 3)
        {
            return;
        }
        int count = output.Count;
        if (Label(sentence, end) is { } label)
        {
            output.Add(label);
        }
        else if (InvertedLeadIn(a, end) is { } inverted)
        {
            output.Add(inverted);
        }
        else if (Trailing(a, b) is { } trailing)
        {
            output.Add(trailing);
            // "…, Rendell recalled, suggesting the second debate …": a participle or a second verb after it.
            Subject? inherited = new Subject(trailing.Speaker, trailing.ContentEnd + 1);
            if (trailing.Rest is null && Forward(a, trailing.CueToken + 1, end, ref inherited, continuationOnly: true) is { } more)
            {
                output.Add(more);
            }
        }
        else if (AccordingTo(a, end) is { } according)
        {
            output.Add(according);
        }
        else if (AsPutIt(a, end) is { } putIt)
        {
            output.Add(putIt);
        }
        else
        {
            Subject? inherited = null;
            int from = a;
            while (from < end && Forward(a, from, end, ref inherited) is { } forward)
            {
                output.Add(forward);
                from = forward.ContentEnd;
                // "… and he said": the pronoun refers to the speaker just found.
                speakers.Spoke(forward.Speaker);
            }
        }
        for (int i = count; i < output.Count; i++)
        {
            speakers.Spoke(output[i].Speaker);
        }
    }

    /// <summary>
    /// <c>Trump said, looking out on the crowd.</c> / <c>Gowdy said sarcastically.</c>: a sentence that is an attribution
    /// and nothing else, so its content is the sentence before it (<c>Who would have believed …?</c>).
    /// </summary>
    public (Speaker Speaker, string Cue, int CueToken)? BareAttribution(Sentence sentence)
    {
        var tokens = document.Tokens;
        int a = sentence.FirstToken, b = sentence.EndToken;
        for (int c = a + 1; c < b && c - a <= MaxSpeakerTokens; c++)
        {
            if (document[tokens[c]] is "," or ";" or ":" or "?" or "!")
            {
                return null; // Words before the speaker: "Probably not, Maria Lopez said" is content and attribution.
            }
            var cue = CueVerbs.Of(document[tokens[c]]);
            if (inMarks[c] || tokens[c].Kind != TokenKind.Word || cue.Strength != CueStrength.Speech || cue.Form is not (CueForm.Past or CueForm.Third))
            {
                continue;
            }
            int next = c + 1;
            bool bare = next >= b || bounds.TailIsAttribution(c, b) && !bounds.TailHasClause(c, b)
                        || document[tokens[next]] is "," && next + 1 < b && IsParticipleAdjunct(c, next + 1);
            if (bare && (subjects.Find(a, c, null) is { Start: var from } subject && from == a ? subject.Speaker : speakers.ResolveName(a, c, c)) is { } speaker)
            {
                return (speaker, Cue(c), c);
            }
            return null;
        }
        return null;
    }

    /// <summary><c>said, looking out on the crowd</c>: a lower-case participle after the cue's comma tells how, not what.</summary>
    private bool IsParticipleAdjunct(int cue, int start)
    {
        var tokens = document.Tokens;
        if (document[tokens[cue + 1]] is not "," || tokens[start].Kind != TokenKind.Word)
        {
            return false;
        }
        var word = document[tokens[start]];
        return word.Length > 4 && word.EndsWith("ing", StringComparison.Ordinal) && CharClass.IsLower(word[0]) && !CueVerbs.Of(word).IsCue;
    }

    /// <summary>
    /// <c>He said:</c>, <c>Caddell continued:</c>, <c>Said Ellis:</c>: a sentence that ends introducing what follows,
    /// with the speaker and the cue.
    /// </summary>
    public (Speaker Speaker, string Cue)? LeadIn(Sentence sentence)
    {
        var tokens = document.Tokens;
        int a = sentence.FirstToken;
        int colon = sentence.EndToken - 1;
        if (document[tokens[colon]] is not ":" || colon - a < 2)
        {
            return null;
        }
        for (int c = colon - 1; c >= a && colon - c <= 6; c--)
        {
            var word = document[tokens[c]];
            if (inMarks[c] || tokens[c].Kind != TokenKind.Word || !(CueVerbs.Of(word, c == a).IsCue || word.StartsWith("continue", StringComparison.Ordinal)))
            {
                continue;
            }
            if (c == a)
            {
                return speakers.ResolveName(a + 1, colon, c) is { } inverted ? (inverted, Cue(c)) : null;
            }
            if (subjects.Find(a, c, null) is { } subject)
            {
                return (subject.Speaker, Cue(c));
            }
            if (c == a + 1 && speakers.ResolveName(a, c, c) is { } name)
            {
                return (name, Cue(c));
            }
        }
        return null;
    }

    /// <summary>A sentence with no attribution of its own that speaks in the first or second person continues the quote before it.</summary>
    /// <param name="sentence">The sentence after a quote.</param>
    /// <param name="loose">Any sentence without an attribution of its own continues, not only one in the first person.</param>
    public bool ContinuesQuote(Sentence sentence, bool loose = false)
    {
        if (!loose && !SpeaksInFirstPerson(sentence.FirstToken, sentence.EndToken))
        {
            return false;
        }
        var found = new List<Attribution>(2);
        Find(sentence, found);
        foreach (var attribution in found)
        {
            // "… than we had hoped" is the speaker's own words; "Sullivan said we …" is not. Without marks, "He refuses to
            // take responsibility" after "…, Clinton said." is more of what she said: a pronoun with a verb of stance.
            if (!SpeechCues.IsFirstOrSecondPersonSubject(attribution.Speaker.Name)
                && !(loose && attribution.Speaker.Kind == SpeakerKind.Pronoun && attribution.CueToken >= 0
                     && CueVerbs.Of(document[document.Tokens[attribution.CueToken]], capitalized: true).Strength == CueStrength.Stance))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Reported speech shifts person ("he said he would"); words in the first or second person are the speaker's own.</summary>
    public bool SpeaksInFirstPerson(int from, int to)
    {
        for (int t = from; t < to; t++)
        {
            if (SpeechCues.IsFirstOrSecondPerson(document[document.Tokens[t]]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary><c>…, Sullivan said.</c> / <c>…, said Jake Sullivan, the adviser.</c> / <c>…, he said at the White House.</c></summary>
    public Attribution? Trailing(int a, int b)
    {
        var tokens = document.Tokens;
        for (int c = b - 1; c > a + 1; c--)
        {
            if (inMarks[c] || tokens[c].Kind != TokenKind.Word)
            {
                continue;
            }
            var cue = CueAt(c, b);
            if (cue.Form is not (CueForm.Past or CueForm.Third) || !cue.IsCue)
            {
                continue;
            }
            // ", SPEAKER cue TAIL"
            // A verb of stance closes a sentence only as its last word: "…, other studies have shown."
            bool tail = cue.Strength == CueStrength.Speech ? bounds.TailIsAttribution(c, b) && !bounds.TailHasClause(c, b) : IsLastWord(c, b);
            if (tail && SpeakerChain(a, subjects.VerbGroupStart(a, c), c) is var (comma, speaker)
                && (cue.Strength == CueStrength.Speech || speaker.IsStrong) && Words(a, comma) >= MinTrailingWords(a) && !IsAdjunct(a, comma))
            {
                var rest = Rest(c, b);
                if (rest is var (restStart, restEnd) && IsSceneSetting(a, comma))
                {
                    // "Confronted with the fact …, Trump boasted, That makes me smart.": the words are after the cue.
                    return new Attribution(restStart, restEnd, speaker, Cue(c), AttributionKind.Forward, true) { CueToken = c };
                }
                return new Attribution(a, comma, speaker, Cue(c), AttributionKind.Trailing, true) { CueToken = c, Rest = rest };
            }
            // ", cue SPEAKER TAIL"
            if (cue.Strength == CueStrength.Speech && cue.Form is CueForm.Past or CueForm.Third && document[tokens[c - 1]] is "," && c - 1 > a)
            {
                int stop = c + 1;
                while (stop < b && stop - c <= MaxSpeakerTokens && !IsClausePunctuation(document[tokens[stop]]))
                {
                    stop++;
                }
                if (speakers.Resolve(c + 1, stop, c) is { IsStrong: true } inverted && bounds.TailIsAttribution(stop - 1, b))
                {
                    // "…, said X, an economist who …": what follows the name describes the speaker.
                    return new Attribution(a, c - 1, inverted, Cue(c), AttributionKind.Trailing, true) { CueToken = c };
                }
            }
        }
        return null;
    }

    /// <summary>
    /// <c>A, he said, B.</c>: the words after the attribution go on with the content, unless they are the
    /// attribution's own adjunct (<c>, in an interview</c>), a participle (<c>, adding …</c>) or a relative clause.
    /// </summary>
    private (int, int)? Rest(int attributionEnd, int b)
    {
        var tokens = document.Tokens;
        int comma = attributionEnd + 1;
        while (comma < b && tokens[comma].Kind == TokenKind.Word && comma - attributionEnd <= 3 && !ClauseBounds.IsTailStarter(document[tokens[comma]]))
        {
            comma++; // "he told reporters, …"
        }
        if (comma + 1 >= b || document[tokens[comma]] is not ",")
        {
            return null;
        }
        int start = comma + 1;
        // "…, said Alan Cole, an economist at the Tax Foundation, …": an apposition of the speaker is no content, nor is
        // a participle phrase ("…, Tester said, referring to the excuse, you give …"); but "…, Trump said, adding
        // later, …" opens a second attribution of its own.
        int next = start;
        while (next < b && document[tokens[next]] is not ("," or "." or ";"))
        {
            next++;
        }
        var opening = document[tokens[start]];
        bool saying = CueVerbs.Of(opening).Strength == CueStrength.Speech;
        if (next + 1 < b && document[tokens[next]] is "," && !saying
            && (opening.Length > 4 && opening.EndsWith("ing", StringComparison.Ordinal) && CharClass.IsLower(opening[0])
                || speakers.Resolve(start, next, attributionEnd) is { Kind: SpeakerKind.Noun or SpeakerKind.Description }))
        {
            start = next + 1;
        }
        else if (next >= b - 1 && speakers.Resolve(start, next, attributionEnd) is not null)
        {
            return null;
        }
        var first = document[tokens[start]];
        if (first is "not" && (start + 1 < b && document[tokens[start + 1]].EndsWith("ing", StringComparison.Ordinal)
                               || start + 2 < b && document[tokens[start + 2]].EndsWith("ing", StringComparison.Ordinal)))
        {
            return null; // "…, he said, not even needing to mention …"
        }
        // "…, he said, but when it comes to energy, Larry has …" goes on; "…, he said, but did not elaborate" does not.
        bool butClause = first is "but" && start + 1 < b && document[tokens[start + 1]] is "when" or "if" or "I" or "we" or "you" or "there" or "it";
        if (!butClause && (tokens[start].Kind != TokenKind.Word || ClauseBounds.IsTailStarter(first) || bounds.IsParticipleCue(start) || first.EndsWith("ing", StringComparison.Ordinal)
            || first is "who" or "which" or "whose" or "where" or "when" or "while" or "as" or "because" or "though" or "although" or "but" or "and" or "so" or "then"))
        {
            return null;
        }
        int end = b;
        while (end > start && tokens[end - 1].Kind == TokenKind.Punctuation)
        {
            end--;
        }
        return Words(start, end) >= MinContentWords ? (start, end) : null;
    }

    /// <summary>
    /// The speaker phrases between the content and a trailing cue, <c>…, Mr. King, 82, told me</c>: walking back over
    /// comma-separated phrases that all read as a source, the farthest name wins, else the nearest source.
    /// Returns the comma that ends the content.
    /// </summary>
    public (int Comma, Speaker Speaker)? SpeakerChain(int a, int verbStart, int cue)
    {
        var tokens = document.Tokens;
        int segmentEnd = verbStart;
        (int, Speaker)? nearest = null, named = null;
        bool apposition = false;
        for (int t = verbStart - 1; t > a && t >= verbStart - MaxTrailingReach; t--)
        {
            var word = document[tokens[t]];
            if (word is "." && IsPartyTag(t - 1))
            {
                continue; // "Mitch McConnell, R-Ky., said"
            }
            if (word is "?" or "!" && segmentEnd == verbStart && t + 1 < segmentEnd)
            {
                // "… against society itself? he asks.": a question that lost its marks, then who asked it.
                return speakers.Resolve(t + 1, segmentEnd, cue) is { } asker ? (t, asker) : null;
            }
            if (word is "." or "!" or "?" or ";")
            {
                break;
            }
            if (word is not ("," or "--" or "—" or "–"))
            {
                continue;
            }
            if (t + 1 < segmentEnd && SpeechCues.IsFirstOrSecondPersonSubject(document[tokens[t + 1]]) && nearest is not null)
            {
                break; // "You know, I love Larry, he said": the speaker's own words, not an apposition.
            }
            if (t + 1 < segmentEnd)
            {
                if ((segmentEnd - t == 2 ? speakers.ResolveName(t + 1, segmentEnd, cue) : speakers.Resolve(t + 1, segmentEnd, cue)) is { } speaker)
                {
                    if (apposition && speaker.Kind != SpeakerKind.Entity)
                    {
                        break;
                    }
                    nearest ??= (t, speaker);
                    if (speaker.Kind == SpeakerKind.Entity)
                    {
                        named = (t, speaker);
                    }
                    apposition = false;
                }
                else if (segmentEnd - t == 2 && tokens[t + 1].Kind == TokenKind.Number || IsPartyTag(t + 1))
                {
                    // An age ("Mr. King, 82, told me") or a party and state ("McConnell, R-Ky., said").
                }
                else if (nearest is null && !apposition && IsApposition(t + 1, segmentEnd))
                {
                    apposition = true; // "Douglas Holtz-Eakin, an economist and tax expert, told me": the name must come next.
                }
                else
                {
                    break; // Not a source phrase: the content is before.
                }
            }
            segmentEnd = t;
        }
        return apposition ? null : named ?? nearest;
    }

    /// <summary><c>R-Ky</c>, <c>D-Mo</c>: the party and state after a lawmaker's name.</summary>
    private bool IsPartyTag(int t)
    {
        if (t < 0 || document.Tokens[t].Kind != TokenKind.Word)
        {
            return false;
        }
        var word = document[document.Tokens[t]];
        return word.Length is >= 3 and <= 8 && word[0] is 'R' or 'D' or 'I' && word[1] == '-' && CharClass.IsUpper(word[2]);
    }

    /// <summary>
    /// A noun phrase that describes a speaker named before it: <c>an economist and tax expert</c>, <c>the party's
    /// nominee</c>. It opens with an article or a possessive and holds no verb of its own.
    /// </summary>
    private bool IsApposition(int start, int end)
    {
        var tokens = document.Tokens;
        if (end - start < 2 || end - start > MaxSpeakerTokens || document[tokens[start]] is not ("a" or "an" or "the" or "his" or "her" or "their"))
        {
            return false;
        }
        for (int t = start + 1; t < end; t++)
        {
            var word = document[tokens[t]];
            if (tokens[t].Kind == TokenKind.Punctuation && word is not ("'s" or "’s" or "-" or "(" or ")") || SubjectFinder.IsSubordinator(word) || CueVerbs.Of(word).IsCue)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary><c>Sullivan said (that) …</c>, <c>officials said they …</c>, <c>Trump wants to …</c>, <c>…, saying …</c>.</summary>
    /// <param name="continuationOnly">Only a participle or a coordinated verb sharing <paramref name="inherited"/>.</param>
    private Attribution? Forward(int a, int from, int end, ref Subject? inherited, bool continuationOnly = false)
    {
        var tokens = document.Tokens;
        for (int c = Math.Max(from, a + 1); c < end - 1; c++)
        {
            if (inMarks[c] || tokens[c].Kind != TokenKind.Word)
            {
                continue;
            }
            var word = document[tokens[c]];
            var cue = c == a ? CueVerbs.Of(word, capitalized: true) : CueAt(c, end);
            if (!cue.IsCue || (CueVerbs.NeedsTopic(word) && document[tokens[c + 1]] is not ("about" or "of" or "out"))
                || (word.StartsWith("sa", StringComparison.OrdinalIgnoreCase) && document[tokens[c + 1]] is "of" && !HasClauseBreak(c + 2, end)))
            {
                continue; // "said of Mrs. Clinton's plan." names what the words were about; "says of Clinton, If she …" goes on
            }
            Subject? subject;
            if (cue.Form == CueForm.Ing && document[tokens[c - 1]] is ",")
            {
                // "…, saying …": the participle shares the subject of the clause.
                subject = inherited ?? subjects.SentenceSubject(a, c);
            }
            else if (continuationOnly && !(c > from && document[tokens[subjects.VerbGroupStart(from, c) - 1]] is "and"))
            {
                continue;
            }
            else if (cue.Form == CueForm.Ing && cue.Strength == CueStrength.Speech && document[tokens[c + 1]] is "," or ":"
                     && NameBefore(a, c) is { } named)
            {
                // "… footage of Hillary Clinton asking, Why aren't I 50 points ahead?": the named speaker's own words.
                subject = named;
            }
            else if (cue.Form == CueForm.Ing && !IsProgressive(a, c))
            {
                continue;
            }
            else if (cue.Form == CueForm.Past && subjects.IsPassive(a, c))
            {
                continue; // "The nominee has been endorsed by …": the subject is no source.
            }
            else
            {
                subject = subjects.Find(from, c, inherited);
            }
            if (subject is not { } found || !Accepts(cue, word, found.Speaker)
                || (CueVerbs.IsAlsoNoun(word) && !HeadsBefore(found, subjects.VerbGroupStart(a, c))))
            {
                continue;
            }
            if (IsComparison(a, found.Start))
            {
                continue; // "… as much as they talk about ours": a comparison, not an attribution.
            }
            int start = bounds.ContentStart(c, end);
            if (start < 0)
            {
                continue;
            }
            bool subordinate = found.Start > a && SubjectFinder.IsSubordinator(document[tokens[found.Start - 1]])
                               || SubjectFinder.IsSubordinator(document[tokens[a]]) && found.Start <= a + 1;
            int contentEnd = bounds.ClauseEnd(start, end, subordinate);
            if (cue.TakesObject && document[tokens[start - 1]] is not "that" && document[tokens[start]] is not "that")
            {
                contentEnd = bounds.ObjectEnd(start, contentEnd);
            }
            // "X said, Trump has been disrespecting veterans for decades, proving he's unfit …": after "said," the words are
            // the speaker's own, participles included, up to one of saying ("…, adding that …" is a new attribution).
            while (document[tokens[c + 1]] is "," or ":" && contentEnd + 1 < end && document[tokens[contentEnd]] is ","
                   && CueVerbs.Of(document[tokens[contentEnd + 1]]).Strength != CueStrength.Speech && tokens[contentEnd + 1].Kind == TokenKind.Word
                   && document[tokens[contentEnd + 1]].EndsWith("ing", StringComparison.Ordinal))
            {
                contentEnd = bounds.ClauseEnd(contentEnd + 1, end, subordinate);
            }
            if (Words(start, contentEnd) < 2)
            {
                continue;
            }
            bool verbatim = document[tokens[c + 1]] is "," or ":"
                            || (document[tokens[start - 1]] is not "that" && SpeaksInFirstPerson(start, contentEnd));
            inherited = found;
            return new Attribution(start, contentEnd, found.Speaker, Cue(c), AttributionKind.Forward, verbatim) { CueToken = c };
        }
        return null;
    }

    /// <summary>
    /// A subject after <c>than</c> or the second <c>as</c> of <c>as much as</c> (<c>more than we expected</c>,
    /// <c>as much as they talk about ours</c>); a lone <c>as</c> attributes (<c>as she called for</c>).
    /// </summary>
    private bool IsComparison(int a, int subjectStart)
    {
        if (subjectStart <= a)
        {
            return false;
        }
        var before = document[document.Tokens[subjectStart - 1]];
        return before is "than" || (before is "as" && subjectStart - 3 >= a && document[document.Tokens[subjectStart - 3]] is "as");
    }

    /// <summary>
    /// For a present form, which may be a noun (<c>battleground states</c>), the word before the verb must be the
    /// subject's own: a name, a pronoun, or a source noun, not a modifier of a noun.
    /// </summary>
    private bool HeadsBefore(Subject subject, int verbStart)
    {
        if (subject.Speaker.Kind is SpeakerKind.Pronoun || verbStart == 0)
        {
            return true;
        }
        var before = document.Tokens[verbStart - 1];
        var word = document[before];
        return word is ")" or "," || SpeechCues.IsSpeakerNoun(word) || (before.Kind == TokenKind.Word && CharClass.IsUpper(word[0]))
            || (before.End <= subject.Speaker.Mention.End && before.Start >= subject.Speaker.Mention.Start && subject.Speaker.Kind == SpeakerKind.Entity);
    }

    /// <summary>
    /// Verbs of saying take any subject; a present form (<c>plans</c>, <c>claims</c>, <c>support</c> are nouns too) or
    /// a verb of stance needs a subject that is clearly a source.
    /// </summary>
    private static bool Accepts(CueWord cue, ReadOnlySpan<char> word, Speaker speaker) =>
        speaker.IsStrong
        || (cue.Strength == CueStrength.Speech && (cue.Form == CueForm.Past || word.Equals("says", StringComparison.OrdinalIgnoreCase)
                                                   || word.Equals("say", StringComparison.OrdinalIgnoreCase)));

    /// <summary>A comma or colon in <c>[from, end)</c>: the sentence goes on after a phrase.</summary>
    private bool HasClauseBreak(int from, int end)
    {
        for (int t = from; t < end; t++)
        {
            if (document[document.Tokens[t]] is "," or ":")
            {
                return true;
            }
        }
        return false;
    }

    /// <summary><c>is calling for</c>, <c>was demanding</c>: a participle after a form of <c>be</c>.</summary>
    private bool IsProgressive(int a, int c)
    {
        var tokens = document.Tokens;
        for (int t = c - 1; t >= a && t >= c - 3; t--)
        {
            var word = document[tokens[t]];
            if (word is "is" or "are" or "was" or "were" or "been" or "be" or "’s" or "'s" or "’re" or "'re")
            {
                return true;
            }
            if (!(word is "also" or "not" or "now" or "still" or "again" or "once" or "increasingly" or "repeatedly"))
            {
                return false;
            }
        }
        return false;
    }

    /// <summary><c>According to X, …</c> and <c>…, according to X.</c> (also <c>… according to X</c> mid-sentence).</summary>
    private Attribution? AccordingTo(int a, int end)
    {
        var tokens = document.Tokens;
        for (int t = a; t + 2 < end; t++)
        {
            if (inMarks[t] || !document[tokens[t]].Equals("according", StringComparison.OrdinalIgnoreCase) || document[tokens[t + 1]] is not "to")
            {
                continue;
            }
            int phraseEnd = t + 2;
            while (phraseEnd < end && !IsClausePunctuation(document[tokens[phraseEnd]]) && !inMarks[phraseEnd])
            {
                phraseEnd++;
            }
            var speaker = Source(t + 2, phraseEnd, t);
            if (speaker is null)
            {
                return null;
            }
            if (t == a || (t == a + 1 && tokens[a].Kind == TokenKind.Punctuation))
            {
                int start = phraseEnd < end && document[tokens[phraseEnd]] is "," ? phraseEnd + 1 : phraseEnd;
                return end - start >= 3 ? new Attribution(start, end, speaker.Value, "according to", AttributionKind.AccordingTo, false) { CueToken = t } : null;
            }
            int contentEnd = document[tokens[t - 1]] is "," ? t - 1 : t;
            return contentEnd - a >= 3 ? new Attribution(a, contentEnd, speaker.Value, "according to", AttributionKind.AccordingTo, false) { CueToken = t } : null;
        }
        return null;
    }

    /// <summary>
    /// <c>As Ms. Simonyan put it in a statement, RT is …</c> / <c>…, as a memo put it.</c>: the speaker's words are the
    /// clause after the phrase, or before it when the phrase ends the sentence.
    /// </summary>
    private Attribution? AsPutIt(int a, int end)
    {
        var tokens = document.Tokens;
        for (int t = a; t + 3 < end; t++)
        {
            if (inMarks[t] || !document[tokens[t]].Equals("as", StringComparison.OrdinalIgnoreCase) || (t > a && document[tokens[t - 1]] is not ","))
            {
                continue;
            }
            int put = -1;
            for (int u = t + 2; u + 1 < end && u - t <= MaxPhraseReach; u++)
            {
                var word = document[tokens[u]];
                if (word is "put" && document[tokens[u + 1]] is "it")
                {
                    put = u;
                    break;
                }
                if (word is "." or ";" or ":" or "?" or "!" || inMarks[u])
                {
                    break;
                }
            }
            if (put < 0)
            {
                continue;
            }
            int speakerEnd = t + 1;
            while (speakerEnd < put && !IsClausePunctuation(document[tokens[speakerEnd]]))
            {
                speakerEnd++;
            }
            if (Source(t + 1, speakerEnd, put) is not { } speaker)
            {
                return null;
            }
            int phraseEnd = put + 2;
            while (phraseEnd < end && document[tokens[phraseEnd]] is not ",")
            {
                phraseEnd++;
            }
            if (phraseEnd + 1 < end)
            {
                return Words(phraseEnd + 1, end) >= MinContentWords
                    ? new Attribution(phraseEnd + 1, end, speaker, "put it", AttributionKind.Forward, true) { CueToken = put }
                    : null;
            }
            return t > a && Words(a, t - 1) >= MinContentWords
                ? new Attribution(a, t - 1, speaker, "put it", AttributionKind.Trailing, true) { CueToken = put }
                : null;
        }
        return null;
    }

    /// <summary>The source after <c>according to</c>: a speaker phrase, else the phrase as written (<c>a report by …</c>).</summary>
    private Speaker? Source(int start, int end, int cue)
    {
        if (end <= start)
        {
            return null;
        }
        if (speakers.Resolve(start, Math.Min(end, start + MaxSpeakerTokens), cue) is { } speaker)
        {
            return speaker;
        }
        var tokens = document.Tokens;
        var span = new TextSpan(tokens[start].Start, tokens[Math.Min(end, start + MaxSpeakerTokens) - 1].End);
        return new Speaker(span.Slice(document.Text).ToString(), null, span, -1, SpeakerKind.Description);
    }

    /// <summary>The person or organization named right before token <paramref name="c"/> (up to four capitalized words).</summary>
    private Subject? NameBefore(int a, int c)
    {
        var tokens = document.Tokens;
        int start = c;
        while (start > a && c - start < 4 && tokens[start - 1].Kind == TokenKind.Word && CharClass.IsUpper(document[tokens[start - 1]][0]))
        {
            start--;
        }
        return start < c && speakers.Resolve(start, c, c) is { Kind: SpeakerKind.Entity } speaker ? new Subject(speaker, start) : null;
    }

    /// <summary>
    /// The cue at token <paramref name="c"/>. <c>continued</c> attributes too, but only right before a comma, a colon or
    /// the sentence's end (<c>…, she continued.</c>, <c>She continued, …</c>), never in <c>the war continued for years</c>.
    /// </summary>
    private CueWord CueAt(int c, int end)
    {
        var word = document[document.Tokens[c]];
        var cue = CueVerbs.Of(word);
        if (cue.IsCue && c + 1 < end && word.StartsWith("call", StringComparison.OrdinalIgnoreCase)
            && document[document.Tokens[c + 1]] is "in" or "to" or "off" or "up" or "back" or "into")
        {
            return default; // "called in to a town hall", "called to service", "called off the vote": no attribution.
        }
        if (!cue.IsCue && word is "continued" or "continues"
            && (c + 1 >= end || document[document.Tokens[c + 1]] is "," or ":" or "." or "!" or "?"))
        {
            return new CueWord(CueStrength.Speech, word is "continued" ? CueForm.Past : CueForm.Third);
        }
        return cue;
    }

    /// <summary>
    /// <c>Said Ellis: I don't get …</c> / <c>Says one aide, …</c>: a sentence opening with its cue, the speaker, and a colon
    /// or comma; the speaker's own words follow.
    /// </summary>
    private Attribution? InvertedLeadIn(int a, int end)
    {
        var tokens = document.Tokens;
        var cue = CueVerbs.Of(document[tokens[a]], capitalized: true);
        if (cue.Strength != CueStrength.Speech || cue.Form is not (CueForm.Past or CueForm.Third) || !CharClass.IsUpper(document[tokens[a]][0]) || inMarks[a])
        {
            return null;
        }
        for (int mark = a + 2; mark < end - 2 && mark - a <= MaxSpeakerTokens; mark++)
        {
            var word = document[tokens[mark]];
            if (word is ":" or ",")
            {
                return speakers.ResolveName(a + 1, mark, a) is { } speaker && Words(mark + 1, end) >= MinContentWords
                    ? new Attribution(mark + 1, end, speaker, Cue(a), AttributionKind.Forward, true) { CueToken = a }
                    : null;
            }
            if (tokens[mark].Kind != TokenKind.Word && word is not ("." or "-" or "'s" or "’s"))
            {
                return null;
            }
        }
        return null;
    }

    /// <summary><c>PENCE: Well, look, …</c>: a name, in capitals or recognized, and a colon opening a paragraph.</summary>
    private Attribution? Label(Sentence sentence, int end)
    {
        var tokens = document.Tokens;
        int a = sentence.FirstToken;
        if (document.ParagraphTokenStarts[sentence.Paragraph] != a)
        {
            return null;
        }
        for (int colon = a + 1; colon < Math.Min(end - 2, a + 5); colon++)
        {
            var word = document[tokens[colon]];
            if (word is ":")
            {
                if (!IsNotice(a, colon) && (AllCapitals(a, colon) || speakers.Resolve(a, colon, colon) is { Kind: SpeakerKind.Entity }))
                {
                    var speaker = speakers.Resolve(a, colon, colon) ?? Named(a, colon);
                    return new Attribution(colon + 1, end, speaker, ":", AttributionKind.Label, true) { CueToken = colon };
                }
                return null;
            }
            if (tokens[colon].Kind != TokenKind.Word)
            {
                return null;
            }
        }
        return null;
    }

    /// <summary><c>CLARIFICATION:</c>, <c>EDITOR'S NOTE:</c>, <c>UPDATE:</c>: the paper's notices, no speaker.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Notices = FrozenSet.Create(
        StringComparer.Ordinal, "CLARIFICATION", "CLARIFICATIONS", "CORRECTION", "CORRECTIONS", "UPDATE", "UPDATED", "NOTE",
        "WATCH", "RELATED", "READ").GetAlternateLookup<ReadOnlySpan<char>>();

    private bool IsNotice(int start, int end)
    {
        var word = document[document.Tokens[end - 1]];
        return Notices.Contains(word) || (end - start == 1 && word is "VIDEO");
    }

    private bool AllCapitals(int start, int end)
    {
        for (int t = start; t < end; t++)
        {
            var word = document[document.Tokens[t]];
            foreach (char ch in word)
            {
                if (CharClass.IsLower(ch))
                {
                    return false;
                }
            }
        }
        return end - start <= 3;
    }

    private Speaker Named(int start, int end)
    {
        var span = new TextSpan(document.Tokens[start].Start, document.Tokens[end - 1].End);
        return new Speaker(span.Slice(document.Text).ToString(), null, span, -1, SpeakerKind.Noun);
    }

    /// <summary>
    /// <c>In one tweet Friday, Trump said: …</c>: a short phrase opening with a preposition sets the scene, it is no content.
    /// A subordinate clause or a participle phrase with no comma in it (<c>Though that transition was seamless, Fowler
    /// said</c>, <c>Speaking to students at Drexel University this week, Biden responded</c>) is one however long: it
    /// has no main clause to be the content.
    /// </summary>
    private bool IsAdjunct(int start, int end)
    {
        var word = document[document.Tokens[start]];
        if ((word is "Though" or "Although" or "While" or "Whereas" or "Because" or "Unless" or "Despite" or "Following" or "Amid" or "Asked"
                or "During" or "After" or "Before" or "Since" || IsLeadingParticiple(word) && !HasFiniteVerb(start, end)) && !HasComma(start, end))
        {
            return true; // ("Shifting monsoon patterns could affect a billion people" has a verb of its own: content.)
        }
        if (end - start > MaxAdjunctTokens)
        {
            return false;
        }
        return word is "In" or "On" or "At" or "During" or "After" or "Before" or "Since" or "From" or "Asked" or "Later" or "Earlier"
               || IsLeadingParticiple(word);
    }

    /// <summary>
    /// <c>Confronted with the fact that …</c>, <c>Asked about the bomb</c>, <c>Speaking Monday</c>: a participle phrase
    /// opening the sentence, with no comma in it, sets the scene for the attribution after it.
    /// </summary>
    private bool IsSceneSetting(int start, int end)
    {
        var word = document[document.Tokens[start]];
        bool participle = word.Length > 4 && char.IsUpper(word[0]) && (word.EndsWith("ed", StringComparison.Ordinal) || IsLeadingParticiple(word))
                          && !CueVerbs.Of(word, capitalized: true).IsCue || word is "Asked" or "Pressed";
        return participle && !HasComma(start, end);
    }

    private bool HasFiniteVerb(int start, int end)
    {
        for (int t = start; t < end; t++)
        {
            if (document[document.Tokens[t]] is "is" or "are" or "was" or "were" or "will" or "would" or "can" or "could" or "should" or "may"
                or "might" or "must" or "has" or "have" or "had" or "do" or "does" or "did")
            {
                return true;
            }
        }
        return false;
    }

    private bool HasComma(int start, int end)
    {
        for (int t = start; t < end; t++)
        {
            if (document[document.Tokens[t]] is "," or ";" or "—" or "--")
            {
                return true;
            }
        }
        return false;
    }

    /// <summary><c>Heading into the debate, X told …</c>, <c>Speaking Monday, …</c>: a participle phrase setting the scene.</summary>
    private static bool IsLeadingParticiple(ReadOnlySpan<char> word) =>
        word.Length > 5 && char.IsUpper(word[0]) && word.EndsWith("ing", StringComparison.Ordinal) && !word.EndsWith("thing", StringComparison.Ordinal);

    private bool IsLastWord(int token, int end)
    {
        for (int t = token + 1; t < end; t++)
        {
            if (document.Tokens[t].Kind != TokenKind.Punctuation)
            {
                return false;
            }
        }
        return true;
    }

    private int Words(int from, int to)
    {
        int words = 0;
        for (int t = from; t < to; t++)
        {
            if (document.Tokens[t].Kind is TokenKind.Word or TokenKind.Number)
            {
                words++;
            }
        }
        return words;
    }

    private static bool IsClausePunctuation(ReadOnlySpan<char> token) => token is "," or "." or ";" or ":" or "!" or "?" or "--";

    private string Cue(int token) => document[document.Tokens[token]].ToString().ToLowerInvariant();
}

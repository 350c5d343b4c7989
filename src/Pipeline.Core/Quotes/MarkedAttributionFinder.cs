using Pipeline.Text;

namespace Pipeline.Quotes;

/// <summary>Where a quotation in marks found its speaker.</summary>
internal enum MarkedAttributionKind
{
    /// <summary><c>"…," he said</c> / <c>"…," said X</c>; <see cref="MarkedAttribution.End"/> is the token after the attribution.</summary>
    After,
    /// <summary><c>X said: "…"</c></summary>
    Before,
    /// <summary>
    /// <c>X says (that) the plan "…"</c>: the quote is part of attributed content, tokens
    /// <c>[<see cref="MarkedAttribution.ContentStart"/>, <see cref="MarkedAttribution.End"/>)</c>.
    /// </summary>
    Enclosing,
}

internal readonly record struct MarkedAttribution(Speaker Speaker, string Cue, MarkedAttributionKind Kind, int ContentStart, int End);

/// <summary>
/// Finds the speaker of a quotation in marks: after it (<c>," he said</c>, <c>," Name, a long apposition, said</c>),
/// signed with a dash (<c>" ― Name</c>), as part of an attribution of its sentence (<c>X said the plan is "…"</c>,
/// <c>A "…" B, X said.</c>), or introduced before it (<c>X said: "</c>, a paragraph ending <c>X said:</c>).
/// </summary>
internal sealed class MarkedAttributionFinder(TextDocument document, SpeakerResolver speakers, SubjectFinder subjects, ClauseBounds bounds)
{
    private const int MaxSpeakerTokens = 10;

    /// <summary>Words before a quote in its sentence that make it part of a longer attributed clause.</summary>
    private const int MinClauseWords = 3;

    /// <summary>How far after a quote its cue may be: a name with an apposition (<c>," Scott Pruitt, the attorney general of Oklahoma, said</c>).</summary>
    private const int MaxAfterReach = 40;

    /// <param name="quote">The quotation.</param>
    /// <param name="attributions">The attributions found in the sentence where the quotation opens.</param>
    /// <param name="used">True for a cue token that already attributes an earlier quote (<c>"A," he said, "B"</c>).</param>
    public MarkedAttribution? Find(MarkedQuote quote, List<Attribution> attributions, Func<int, bool> used)
    {
        if (QuotationMarks.StartsWithLabel(document, quote.ContentStart, quote.ContentEnd))
        {
            // ""PENCE: Well, look, …": the label names the speaker; the content follows the colon.
            int colon = quote.ContentStart;
            while (document[document.Tokens[colon]] is not ":")
            {
                colon++;
            }
            var label = speakers.Resolve(quote.ContentStart, colon, colon) ?? AsWritten(quote.ContentStart, colon, 1);
            if (label is { } speaker)
            {
                return new MarkedAttribution(speaker, ":", MarkedAttributionKind.Enclosing, colon + 1, quote.ContentEnd);
            }
        }
        if (After(quote) is { } after)
        {
            return after;
        }
        if (Signed(quote) is { } signed)
        {
            return signed;
        }
        int lastWord = LastWord(quote);
        foreach (var attribution in attributions)
        {
            if (attribution.ContentStart <= quote.OpenToken + 1 && lastWord < attribution.ContentEnd && !used(attribution.CueToken))
            {
                bool whole = WordsOutside(attribution.ContentStart, attribution.ContentEnd, quote) == 0;
                var kind = whole ? (attribution.Kind == AttributionKind.Trailing ? MarkedAttributionKind.After : MarkedAttributionKind.Before) : MarkedAttributionKind.Enclosing;
                return new MarkedAttribution(attribution.Speaker, attribution.Cue, kind, whole ? quote.ContentStart : attribution.ContentStart,
                    whole ? quote.CloseToken + 1 : attribution.ContentEnd);
            }
        }
        int openSentence = document.SentenceOfToken(quote.OpenToken);
        return LeadIn(quote, openSentence) ?? Before(quote, openSentence, used);
    }

    /// <summary><c>"…," he said</c>, <c>"…," said X</c>, <c>"…," X, the adviser, told reporters</c>, <c>"…," according to X</c>.</summary>
    private MarkedAttribution? After(MarkedQuote quote)
    {
        var tokens = document.Tokens;
        int sentenceIndex = document.SentenceOfToken(quote.CloseToken);
        int b = sentenceIndex >= 0 ? document.Sentences[sentenceIndex].EndToken : tokens.Length;
        int after = quote.CloseToken + 1;
        if (after < b && document[tokens[after]] is ",")
        {
            after++;
        }
        if (after >= b && sentenceIndex >= 0 && sentenceIndex + 1 < document.Sentences.Length && EndsWithQuestion(quote)
            && document.Sentences[sentenceIndex + 1].Paragraph == document.Sentences[sentenceIndex].Paragraph)
        {
            // "…?” Vitter demanded.": a question or exclamation ends the sentence before its attribution.
            b = document.Sentences[sentenceIndex + 1].EndToken;
        }
        for (int c = after; c < Math.Min(b, after + MaxAfterReach); c++)
        {
            var word = document[tokens[c]];
            if (word is "!" or "?" or ";" || (tokens[c].Kind == TokenKind.Punctuation && word.Length == 1 && CharClass.IsQuoteMark(word[0])))
            {
                break;
            }
            if (c == after && word.Equals("according", StringComparison.OrdinalIgnoreCase) && c + 2 < b && document[tokens[c + 1]] is "to"
                && Phrase(c + 2, b) is var (start, end) && speakers.Resolve(start, end, c) is { } source)
            {
                return AfterOrEnclosing(quote, source, "according to", end);
            }
            var cue = CueVerbs.Of(word);
            if (tokens[c].Kind != TokenKind.Word || !cue.IsCue || cue.Form == CueForm.Ing)
            {
                continue;
            }
            if (c == after)
            {
                if (cue.Strength == CueStrength.Speech && !CueVerbs.IsAlsoNoun(word) && Phrase(c + 1, b) is var (from, to) && speakers.Resolve(from, to, c) is { } inverted)
                {
                    return AfterOrEnclosing(quote, inverted, Cue(c), to);
                }
                return null;
            }
            int verbStart = subjects.VerbGroupStart(after, c);
            int firstCut = after;
            while (firstCut < verbStart && document[tokens[firstCut]] is not ("," or "--" or "—" or "–" or "("))
            {
                firstCut++;
            }
            if (firstCut > after && !SubjectFinder.IsSubordinator(document[tokens[after]]) && document[tokens[after]] is not ("and" or "but" or "or")
                && (cue.Form != CueForm.Base || !CueVerbs.IsAlsoNoun(word))
                && speakers.ResolveName(after, firstCut, c) is { } speaker
                && (cue.Strength == CueStrength.Speech || (speaker.IsStrong && cue.Form != CueForm.Base)))
            {
                return AfterOrEnclosing(quote, speaker, Cue(c), c + 1);
            }
            return null;
        }
        return null;
    }

    /// <summary>
    /// The attribution after a quote; when the quote closes a clause that began before it (<c>So when Patriot
    /// signaled …, "we were floored," Mr. Barrett said</c>), the content is that clause.
    /// </summary>
    private MarkedAttribution AfterOrEnclosing(MarkedQuote quote, Speaker speaker, string cue, int end)
    {
        var tokens = document.Tokens;
        int sentence = document.SentenceOfToken(quote.OpenToken);
        int start = sentence >= 0 ? document.Sentences[sentence].FirstToken : quote.OpenToken;
        for (int t = quote.OpenToken - 1; t > start; t--)
        {
            if (document[tokens[t]] is "." or "?" or "!" or ";")
            {
                start = t + 1; // "Why the affiliation? "They pay us …"": the clause starts after the question.
                break;
            }
        }
        int words = 0;
        for (int t = start; t < quote.OpenToken; t++)
        {
            var token = tokens[t];
            if (token.Kind == TokenKind.Punctuation && token.Length <= 2 && CharClass.IsQuoteMark(document.Text[token.Start]))
            {
                return new MarkedAttribution(speaker, cue, MarkedAttributionKind.After, quote.ContentStart, end); // Another quote before.
            }
            if (token.Kind is TokenKind.Word or TokenKind.Number)
            {
                words++;
            }
        }
        bool introduced = quote.OpenToken > start && document[tokens[quote.OpenToken - 1]] is ":";
        return words >= MinClauseWords && !introduced
            ? new MarkedAttribution(speaker, cue, MarkedAttributionKind.Enclosing, start, quote.ContentEnd)
            : new MarkedAttribution(speaker, cue, MarkedAttributionKind.After, quote.ContentStart, end);
    }

    /// <summary>A quote ending in <c>?</c> or <c>!</c>, after which the sentence splitter cut before the attribution.</summary>
    private bool EndsWithQuestion(MarkedQuote quote)
    {
        int last = quote.ContentEnd - 1;
        return last >= quote.ContentStart && document[document.Tokens[last]] is "?" or "!";
    }

    /// <summary><c>"…" ― Name</c>: a dash before the speaker, as in collections of readers' comments.</summary>
    private MarkedAttribution? Signed(MarkedQuote quote)
    {
        var tokens = document.Tokens;
        int dash = quote.CloseToken + 1;
        if (dash >= tokens.Length || document[tokens[dash]] is not ("―" or "—" or "–" or "--"))
        {
            return null;
        }
        int paragraph = document.SentenceOfToken(dash) is var s and >= 0 ? document.Sentences[s].Paragraph : -1;
        int limit = paragraph >= 0 && paragraph + 1 < document.ParagraphTokenStarts.Length ? document.ParagraphTokenStarts[paragraph + 1] : tokens.Length;
        int end = dash + 1;
        while (end < limit && end - dash <= 6 && tokens[end].Kind is TokenKind.Word && !(tokens[end].Length == 1 && CharClass.IsQuoteMark(document.Text[tokens[end].Start])))
        {
            end++;
        }
        if (end == dash + 1)
        {
            return null;
        }
        var speaker = speakers.Resolve(dash + 1, end, dash) ?? AsWritten(dash + 1, end);
        return speaker is { } signer ? new MarkedAttribution(signer, "―", MarkedAttributionKind.After, quote.ContentStart, end) : null;
    }

    /// <summary>A signature that is no known entity: a run of two to four capitalized words (<c>Jorge Falcon</c>).</summary>
    private Speaker? AsWritten(int start, int end, int minWords = 2)
    {
        if (end - start < minWords || end - start > 4)
        {
            return null;
        }
        for (int t = start; t < end; t++)
        {
            if (!CharClass.IsUpper(document[document.Tokens[t]][0]))
            {
                return null;
            }
        }
        var span = new TextSpan(document.Tokens[start].Start, document.Tokens[end - 1].End);
        return new Speaker(span.Slice(document.Text).ToString(), null, span, -1, SpeakerKind.Noun);
    }

    /// <summary>
    /// A quote opening a sentence after one that ends <c>X said:</c> (<c>X continued:</c>), or after an attribution
    /// with no content of its own in the same paragraph (<c>X shouted to the crowd. "…"</c>).
    /// </summary>
    private MarkedAttribution? LeadIn(MarkedQuote quote, int openSentence)
    {
        var tokens = document.Tokens;
        if (openSentence <= 0 || document.Sentences[openSentence].FirstToken != quote.OpenToken)
        {
            return null;
        }
        var previous = document.Sentences[openSentence - 1];
        int last = previous.EndToken - 1;
        bool colon = document[tokens[last]] is ":";
        if (!colon && (previous.Paragraph != document.Sentences[openSentence].Paragraph || document[tokens[last]] is not "." || HasQuoteMark(previous)))
        {
            return null;
        }
        int cue = last - 1;
        while (cue > previous.FirstToken && !IsLeadInCue(cue) && last - cue < 6)
        {
            cue--;
        }
        if (!IsLeadInCue(cue) || (!colon && CueVerbs.Of(document[tokens[cue]]).Strength != CueStrength.Speech))
        {
            return null;
        }
        if (cue > previous.FirstToken && subjects.Find(previous.FirstToken, cue, null) is { } subject)
        {
            return new MarkedAttribution(subject.Speaker, Cue(cue), MarkedAttributionKind.Before, quote.ContentStart, quote.OpenToken);
        }
        if (colon && cue == previous.FirstToken + 1 && speakers.ResolveName(previous.FirstToken, cue, cue) is { } name)
        {
            return new MarkedAttribution(name, Cue(cue), MarkedAttributionKind.Before, quote.ContentStart, quote.OpenToken); // "Caddell continued:"
        }
        // "Said Ellis:" with the cue first.
        return colon && cue == previous.FirstToken && speakers.ResolveName(cue + 1, last, cue) is { } inverted
            ? new MarkedAttribution(inverted, Cue(cue), MarkedAttributionKind.Before, quote.ContentStart, quote.OpenToken)
            : null;
    }

    /// <summary>A cue that may introduce a quote after it: any cue verb, and <c>continued</c>, which only does so here.</summary>
    private bool IsLeadInCue(int token)
    {
        var word = document[document.Tokens[token]];
        return CueVerbs.Of(word, true).IsCue || word.StartsWith("continue", StringComparison.OrdinalIgnoreCase);
    }

    private bool HasQuoteMark(Sentence sentence)
    {
        for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
        {
            var token = document.Tokens[t];
            if (token.Kind == TokenKind.Punctuation && token.Length <= 2 && CharClass.IsQuoteMark(document.Text[token.Start]))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>The nearest cue before the opening mark in the same sentence: <c>X said "…"</c>, <c>X called it "…"</c>.</summary>
    private MarkedAttribution? Before(MarkedQuote quote, int openSentence, Func<int, bool> used)
    {
        var tokens = document.Tokens;
        int sentenceStart = openSentence >= 0 ? document.Sentences[openSentence].FirstToken : 0;
        int sentenceEnd = openSentence >= 0 ? document.Sentences[openSentence].EndToken : tokens.Length;
        for (int c = quote.OpenToken - 1; c >= sentenceStart && c >= quote.OpenToken - 16; c--)
        {
            var word = document[tokens[c]];
            if (word is "." or "!" or "?" || (tokens[c].Kind == TokenKind.Punctuation && CharClass.IsQuoteMark(word[0])))
            {
                break;
            }
            var cue = CueVerbs.Of(word, c == sentenceStart);
            if (tokens[c].Kind == TokenKind.Word && !cue.IsCue && c == quote.OpenToken - 2 && word.StartsWith("continue", StringComparison.Ordinal)
                && document[tokens[c + 1]] is ":" or ",")
            {
                cue = new CueWord(CueStrength.Speech, CueForm.Past); // "She continued, "…"": continued introduces the quote.
            }
            if (tokens[c].Kind != TokenKind.Word || !cue.IsCue || used(c))
            {
                continue;
            }
            // "Said Ellis: "…"": the cue first, then the speaker.
            if (c == sentenceStart && cue.Strength == CueStrength.Speech && quote.OpenToken - 1 > c + 1
                && document[tokens[quote.OpenToken - 1]] is ":" or "," && speakers.ResolveName(c + 1, quote.OpenToken - 1, c) is { } inverted)
            {
                return new MarkedAttribution(inverted, Cue(c), MarkedAttributionKind.Before, quote.ContentStart, quote.OpenToken);
            }
            if (c == sentenceStart || subjects.Find(sentenceStart, c, null) is not { } subject
                || !(cue.Strength == CueStrength.Speech || subject.Speaker.IsStrong))
            {
                continue;
            }
            int lead = quote.OpenToken - 1;
            if (c == lead - 1 && document[tokens[lead]] is ":" or ",")
            {
                return new MarkedAttribution(subject.Speaker, Cue(c), MarkedAttributionKind.Before, quote.ContentStart, quote.OpenToken);
            }
            int contentStart = bounds.ContentStart(c, quote.OpenToken + 1);
            if (contentStart < 0 || contentStart >= quote.OpenToken)
            {
                return new MarkedAttribution(subject.Speaker, Cue(c), MarkedAttributionKind.Before, quote.ContentStart, quote.OpenToken);
            }
            int end = sentenceEnd;
            while (end > quote.CloseToken + 1 && tokens[end - 1].Kind == TokenKind.Punctuation)
            {
                end--;
            }
            end = Math.Max(bounds.ClauseEnd(quote.CloseToken, end, false), quote.CloseToken + 1);
            return new MarkedAttribution(subject.Speaker, Cue(c), MarkedAttributionKind.Enclosing, contentStart, end);
        }
        return null;
    }

    /// <summary>The quotation's last word (its closing punctuation aside).</summary>
    private int LastWord(MarkedQuote quote)
    {
        int t = quote.ContentEnd - 1;
        while (t > quote.ContentStart && document.Tokens[t].Kind == TokenKind.Punctuation)
        {
            t--;
        }
        return t;
    }

    private int WordsOutside(int start, int end, MarkedQuote quote)
    {
        int words = 0;
        for (int t = start; t < end; t++)
        {
            if ((t < quote.OpenToken || t > quote.CloseToken) && document.Tokens[t].Kind is TokenKind.Word or TokenKind.Number)
            {
                words++;
            }
        }
        return words;
    }

    /// <summary>A speaker phrase starting at <paramref name="from"/>, up to clause punctuation: <c>said Jake Sullivan, the adviser</c>.</summary>
    private (int Start, int End)? Phrase(int from, int limit)
    {
        var tokens = document.Tokens;
        int end = from;
        while (end < limit && end - from <= MaxSpeakerTokens
               && (document[tokens[end]] is not ("," or "." or ";" or ":" or "!" or "?" or "--") || IsAbbreviationPeriod(end, limit)))
        {
            end++;
        }
        return end > from ? (from, end) : null;
    }

    /// <summary><c>Del. Stacey Plaskett</c>: a period after a short capitalized word, before a name, is an abbreviation's.</summary>
    private bool IsAbbreviationPeriod(int t, int limit)
    {
        var tokens = document.Tokens;
        if (document[tokens[t]] is not "." || t + 1 >= limit || t == 0 || tokens[t - 1].End != tokens[t].Start)
        {
            return false;
        }
        var before = document[tokens[t - 1]];
        var next = document[tokens[t + 1]];
        return before.Length <= 4 && CharClass.IsUpper(before[0]) && tokens[t + 1].Kind == TokenKind.Word && CharClass.IsUpper(next[0]);
    }

    private string Cue(int token) => document[document.Tokens[token]].ToString().ToLowerInvariant();
}

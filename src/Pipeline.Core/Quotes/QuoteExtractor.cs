using Pipeline.Entities;
using Pipeline.Text;

namespace Pipeline.Quotes;

/// <summary>
/// Finds quotes in three forms and resolves their speakers in reading order, so that <c>he said</c> refers to
/// the latest speaker: quotes in marks (split and multi-paragraph quotes joined, quotes inside reported speech
/// taken with it), quotes whose marks were stripped (<c>…, Sullivan said.</c>), and reported speech
/// (<c>Sullivan said the meeting …</c>).
/// </summary>
public sealed class QuoteExtractor : IQuoteExtractor
{
    public IReadOnlyList<Quote> Extract(TextDocument document, EntityExtraction entities)
    {
        var quotes = new List<Quote>();
        if (document.Tokens.Length == 0)
        {
            return quotes;
        }
        var marked = QuotationMarks.Find(document);
        var inMarks = new bool[document.Tokens.Length];
        foreach (var q in marked)
        {
            foreach (var (start, end) in q.Parts)
            {
                inMarks.AsSpan(start, end - start).Fill(true);
            }
        }
        // A text with no double quotation marks at all lost them (as the seed did): a quote's next sentences without
        // an attribution of their own then most likely go on with it, whatever their person.
        bool marksStripped = !marked.Exists(q => QuotationMarks.IsDoubleMark(document, q.OpenToken));
        var speakers = new SpeakerResolver(document, entities);
        var subjects = new SubjectFinder(document, speakers);
        var bounds = new ClauseBounds(document, speakers, inMarks);
        var finder = new AttributionFinder(document, speakers, subjects, bounds, inMarks);
        var markedFinder = new MarkedAttributionFinder(document, speakers, subjects, bounds);

        var signatures = Signatures.Find(document, inMarks);
        var signed = new bool[document.Tokens.Length];
        foreach (var signature in signatures)
        {
            signed.AsSpan(signature.Start, signature.NameEnd - signature.Start).Fill(true);
        }
        int nextSignature = 0;

        var sentences = document.Sentences;
        var direct = new DirectQuotes(document, quotes, speakers);
        var found = new List<Attribution>(4);
        int nextMarked = 0;
        int pending = 0;
        (Speaker Speaker, string Cue)? leadIn = null;
        int leadInSentence = -1;
        for (int s = 0; s < sentences.Length; s++)
        {
            var sentence = sentences[s];
            if (s == 0 || sentences[s - 1].Paragraph != sentence.Paragraph)
            {
                pending = s;
            }
            found.Clear();
            while (nextSignature < signatures.Count && signatures[nextSignature].End < sentence.EndToken)
            {
                var signature = signatures[nextSignature++];
                var signer = SignerOf(document, speakers, signature);
                quotes.Add(Create(document, [(signature.Start, signature.End)], QuoteType.Unmarked, signer, "―", sentence.Paragraph));
                speakers.Spoke(signer);
            }
            if (!signed[sentence.FirstToken] && !signed[sentence.EndToken - 1])
            {
                finder.Find(sentence, found);
                if (marksStripped)
                {
                    // Without marks, "I think …" or "you know" are mostly a quoted speaker's words, not the writer's attributions.
                    found.RemoveAll(f => SpeechCues.IsFirstOrSecondPersonSubject(f.Speaker.Name));
                }
            }

            bool hasMarks = false;
            int firstQuote = quotes.Count;
            while (nextMarked < marked.Count && marked[nextMarked].OpenToken < sentence.EndToken)
            {
                var q = marked[nextMarked++];
                direct.Add(q, markedFinder.Find(q, found, direct.InAttribution));
                hasMarks = true;
            }
            if (hasMarks || inMarks[sentence.FirstToken] || inMarks[sentence.EndToken - 1])
            {
                // Attributions beside the quotations: "Trump attacked Clinton, saying "…"".
                foreach (var attribution in found)
                {
                    if (!Overlaps(quotes, firstQuote, document, attribution)
                        && !inMarks[attribution.ContentStart] && !direct.InAttribution(attribution.CueToken))
                    {
                        Add(quotes, document, [(attribution.ContentStart, attribution.ContentEnd)], QuoteType.Indirect, attribution, sentence.Paragraph, speakers);
                    }
                }
                pending = s + 1;
                continue;
            }
            if (marksStripped && s > pending && sentences[s - 1].Paragraph == sentence.Paragraph && EndsWithQuestion(document, sentences[s - 1])
                && finder.BareAttribution(sentence) is { } bare)
            {
                // "Who would have believed …? Trump said, looking out on the crowd."
                var asked = new Attribution(sentences[s - 1].FirstToken, sentences[s - 1].EndToken, bare.Speaker, bare.Cue, AttributionKind.Trailing, true) { CueToken = bare.CueToken };
                Add(quotes, document, [(asked.ContentStart, asked.ContentEnd)], QuoteType.Unmarked, asked, sentence.Paragraph, speakers);
                pending = s + 1;
                continue;
            }
            if (found.Count == 0)
            {
                if (leadIn is { } introduced && leadInSentence == s - 1)
                {
                    // "He said:" and then the words, to the end of their paragraph.
                    int end = s;
                    while (end + 1 < sentences.Length && sentences[end + 1].Paragraph == sentence.Paragraph && !HasMarks(inMarks, sentences[end + 1]))
                    {
                        end++;
                    }
                    var attribution = new Attribution(sentence.FirstToken, sentences[end].EndToken, introduced.Speaker, introduced.Cue, AttributionKind.Forward, true);
                    Add(quotes, document, [(sentence.FirstToken, sentences[end].EndToken)], QuoteType.Unmarked, attribution, sentence.Paragraph, speakers);
                    s = end;
                    pending = end + 1;
                    leadIn = null;
                    continue;
                }
                leadIn = finder.LeadIn(sentence);
                leadInSentence = s;
                continue;
            }

            var first = found[0];
            int last = s;
            if (first.Kind == AttributionKind.Label)
            {
                // "PENCE: …" speaks until the paragraph ends.
                while (last + 1 < sentences.Length && sentences[last + 1].Paragraph == sentence.Paragraph && !HasMarks(inMarks, sentences[last + 1]))
                {
                    last++;
                }
                Add(quotes, document, Parts(sentences, s, last, first.ContentStart, first.ContentEnd), QuoteType.Unmarked, first, sentence.Paragraph, speakers);
            }
            else if (first.Kind == AttributionKind.Trailing)
            {
                while (last + 1 < sentences.Length && sentences[last + 1].Paragraph == sentence.Paragraph && Continues(sentences[last + 1], first.Speaker))
                {
                    last++;
                }
                // Sentences before it in the paragraph belong to the quote when they speak in the first person or the
                // quote goes on from them ("A … plan cannot succeed. And the president …, Sullivan said.").
                int from = s;
                while (from > pending && (marksStripped && !Narrates(document, entities, sentences[from - 1], first.Speaker, speakers.PronounOf(first.Speaker)) || finder.SpeaksInFirstPerson(sentences[from - 1].FirstToken, sentences[from - 1].EndToken) || StartsWithConjunction(document, sentences[from])))
                {
                    from--;
                }
                int start = sentences[from].FirstToken;
                if (start >= first.ContentEnd)
                {
                    continue; // A signature with nothing before it to sign.
                }
                var parts = new List<(int Start, int End)>(3) { (start, first.ContentEnd) };
                if (first.Rest is { } rest)
                {
                    parts.Add(rest);
                }
                if (last > s)
                {
                    parts.Add((sentences[s + 1].FirstToken, sentences[last].EndToken));
                }
                Add(quotes, document, [.. parts], QuoteType.Unmarked, first, sentence.Paragraph, speakers);
                for (int i = 1; i < found.Count; i++)
                {
                    // "…, Trump said, adding later, NATO is costing us a fortune.": the second attribution's own words.
                    var more = found[i];
                    Add(quotes, document, [(more.ContentStart, more.ContentEnd)], TypeOf(more), more, sentence.Paragraph, speakers);
                }
            }
            else
            {
                for (int i = 0; i < found.Count; i++)
                {
                    var attribution = found[i];
                    bool final = i == found.Count - 1;
                    if (final && attribution.Verbatim)
                    {
                        // "X said: We will … . We also …": the speaker's own words go on.
                        while (last + 1 < sentences.Length && sentences[last + 1].Paragraph == sentence.Paragraph && Continues(sentences[last + 1], attribution.Speaker))
                        {
                            last++;
                        }
                    }
                    var parts = final ? Parts(sentences, s, last, attribution.ContentStart, attribution.ContentEnd) : [(attribution.ContentStart, attribution.ContentEnd)];
                    var type = TypeOf(attribution);
                    Add(quotes, document, parts, type, attribution, sentence.Paragraph, speakers);
                }
            }
            s = last;
            pending = last + 1;
        }
        return quotes;

        // Without marks, a sentence that names the speaker tells about them ("Mr. Holtz-Eakin served as …"): the quote ended.
        bool Continues(Sentence next, Speaker speaker) =>
            finder.ContinuesQuote(next, marksStripped) && !(marksStripped && (Mentions(document, entities, next, speaker) || OpensAsNarration(document, entities, next)));
    }

    /// <summary>The speaker's own words that lost their marks, or reported speech.</summary>
    private static QuoteType TypeOf(Attribution attribution) => attribution.Verbatim ? QuoteType.Unmarked : QuoteType.Indirect;

    /// <summary>The content in the sentence, and the sentences after it that go on with it, as a second part.</summary>
    private static (int Start, int End)[] Parts(Sentence[] sentences, int s, int last, int start, int end) =>
        last > s ? [(start, end), (sentences[s + 1].FirstToken, sentences[last].EndToken)] : [(start, end)];

    private static void Add(List<Quote> quotes, TextDocument document, (int Start, int End)[] parts, QuoteType type, Attribution attribution, int paragraph, SpeakerResolver speakers)
    {
        if (type != QuoteType.Direct && HasMarkInside(document, parts))
        {
            type = QuoteType.Direct;
        }
        quotes.Add(Create(document, parts, type, attribution.Speaker, attribution.Cue, paragraph));
        speakers.Spoke(attribution.Speaker);
    }

    /// <summary>The name after a signature's dash, as an entity when the entity stage knows it.</summary>
    private static Speaker SignerOf(TextDocument document, SpeakerResolver speakers, Signature signature)
    {
        int end = signature.NameEnd;
        if (end - signature.NameStart > 1 && document[document.Tokens[end - 1]] is ".")
        {
            end--;
        }
        if (speakers.ResolveName(signature.NameStart, end, signature.End) is { } speaker)
        {
            return speaker;
        }
        var span = new TextSpan(document.Tokens[signature.NameStart].Start, document.Tokens[end - 1].End);
        return new Speaker(span.Slice(document.Text).ToString(), null, span, -1, SpeakerKind.Noun);
    }

    /// <summary>
    /// The sentence's subject is <paramref name="word"/>: its first word, after a conjunction (<c>But he …</c>) or an
    /// opening phrase (<c>These days, he …</c>); not a pronoun inside it (<c>That's what he's focused on</c>).
    /// </summary>
    private static bool SubjectIs(TextDocument document, Sentence sentence, string word)
    {
        var tokens = document.Tokens;
        int t = sentence.FirstToken;
        if (t < sentence.EndToken && document[tokens[t]] is "But" or "And" or "So" or "Yet")
        {
            t++;
        }
        for (int c = t; c < Math.Min(sentence.EndToken - 1, t + 6); c++)
        {
            if (document[tokens[c]] is ",")
            {
                t = c + 1;
                break;
            }
        }
        return t < sentence.EndToken && document[tokens[t]].Equals(word, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// True when a sentence reads as the writer's narration rather than the speaker's words: it names the speaker or
    /// refers to them as he or she, or it tells of the past (<c>was</c>, <c>came</c>, an -ed verb).
    /// </summary>
    /// <param name="pronoun">"he" or "she" when known to refer to the speaker (<see cref="SpeakerResolver.PronounOf"/>).</param>
    private static bool Narrates(TextDocument document, EntityExtraction entities, Sentence sentence, Speaker speaker, string? pronoun = null)
    {
        if (Mentions(document, entities, sentence, speaker))
        {
            return true;
        }
        if (pronoun is not null && SubjectIs(document, sentence, pronoun))
        {
            // "But right now, he is offsetting only 10 percent. It's all I can afford, he said.": the speaker's own
            // pronoun ("he", as in "he said", or as an earlier "he said" about them) as the subject tells about them.
            return true;
        }
        var tokens = document.Tokens;
        for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
        {
            var word = document[tokens[t]];
            if (tokens[t].Kind != TokenKind.Word)
            {
                continue;
            }
            if (word is "was" or "were" or "had" or "did" or "came" or "began" or "went" or "took")
            {
                return true;
            }
            if (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal) && CharClass.IsLower(word[0]) && t > sentence.FirstToken
                && document[tokens[t - 1]] is not ("is" or "are" or "be" or "been" or "being" or "has" or "have" or "’s" or "'s" or "’re" or "'re" or "’ve" or "'ve" or "get" or "got" or "the" or "a" or "an"))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary><c>That month, he introduced …</c>, <c>Later, …</c>: a sentence set in the story's time, not the speaker's words.</summary>
    private static bool OpensWithTimeAdverbial(TextDocument document, Sentence sentence)
    {
        var tokens = document.Tokens;
        int a = sentence.FirstToken;
        if (a + 2 >= sentence.EndToken)
        {
            return false;
        }
        var first = document[tokens[a]];
        var second = document[tokens[a + 1]];
        int t = a;
        if (first is "Later" or "Earlier" or "Afterward" or "Afterwards" or "Previously")
        {
            if (second is ",")
            {
                return true;
            }
            if (first is not ("Later" or "Earlier") || second is not "that")
            {
                return false;
            }
            t++; // "Later that day, …"
        }
        else if (first is "The" && second is "next" or "following")
        {
            t++;
        }
        else if (first is not ("That" or "Last" or "Next"))
        {
            return false;
        }
        return t + 2 < sentence.EndToken
               && document[tokens[t + 1]] is "month" or "year" or "week" or "day" or "morning" or "evening" or "night" or "summer"
                   or "spring" or "fall" or "winter" or "afternoon" or "weekend"
               && document[tokens[t + 2]] is ",";
    }

    /// <summary>
    /// After <c>…, Joseph said.</c>, a sentence opening with a date (<c>On Thursday, she and other parents …</c>) or a
    /// time phrase (<c>That month, …</c>) tells
    /// what happened: the writer's narration, not more of the quote. (One opening with <c>He</c> or <c>She</c> cannot be
    /// told apart so: speakers talk about others as often as the writer goes on about them.)
    /// </summary>
    private static bool OpensAsNarration(TextDocument document, EntityExtraction entities, Sentence sentence)
    {
        if (OpensWithTimeAdverbial(document, sentence))
        {
            return true;
        }
        for (int t = sentence.FirstToken; t < Math.Min(sentence.EndToken, sentence.FirstToken + 3); t++)
        {
            int m = entities.MentionAtToken(t);
            if (m >= 0)
            {
                return entities.Entities[entities.MentionEntity[m]].Type == EntityType.Date && t <= sentence.FirstToken + 1;
            }
        }
        return false;
    }

    /// <summary>True when the sentence names the speaker: then it is narration about them, not their words.</summary>
    private static bool Mentions(TextDocument document, EntityExtraction entities, Sentence sentence, Speaker speaker)
    {
        for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
        {
            int m = entities.MentionAtToken(t);
            if (m >= 0 && (entities.MentionEntity[m] == speaker.Entity || speaker.Entity < 0 && entities.Mentions[m].Span.Overlaps(speaker.Mention)))
            {
                return true;
            }
            if (speaker.Entity < 0 && document.Tokens[t].Span.Overlaps(speaker.Mention))
            {
                return true;
            }
        }
        return false;
    }

    private static bool EndsWithQuestion(TextDocument document, Sentence sentence)
    {
        var last = document[document.Tokens[sentence.EndToken - 1]];
        return last.Length > 0 && last[^1] is '?' or '!';
    }

    private static bool StartsWithConjunction(TextDocument document, Sentence sentence) =>
        document[document.Tokens[sentence.FirstToken]] is "And" or "But" or "So" or "Or" or "Yet" or "Because";

    private static bool HasMarks(bool[] inMarks, Sentence sentence)
    {
        for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
        {
            if (inMarks[t])
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Attributed content with quoted words in it is a direct quote too.</summary>
    private static bool HasMarkInside(TextDocument document, (int Start, int End)[] parts)
    {
        foreach (var (start, end) in parts)
        {
            for (int t = start; t < end; t++)
            {
                if (QuotationMarks.IsDoubleMark(document, t))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static bool Overlaps(List<Quote> quotes, int from, TextDocument document, Attribution attribution)
    {
        var span = new TextSpan(document.Tokens[attribution.ContentStart].Start, document.Tokens[attribution.ContentEnd - 1].End);
        for (int i = from; i < quotes.Count; i++)
        {
            if (quotes[i].Span.Overlaps(span))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Builds a quote from token ranges, trimming the punctuation that belongs to the sentence around it.</summary>
    internal static Quote Create(TextDocument document, ReadOnlySpan<(int Start, int End)> tokenParts, QuoteType type, Speaker? speaker, string? cue, int paragraph)
    {
        var tokens = document.Tokens;
        var parts = new List<TextSpan>(tokenParts.Length);
        foreach (var (from, to) in tokenParts)
        {
            int first = from, end = to;
            while (first < end - 1 && document[tokens[first]] is "," or ";" or ":" or "--" or "—" or "–")
            {
                first++;
            }
            while (end > first + 1 && (document[tokens[end - 1]] is "," or ";" or ":" or "--" or "—" or "–" || QuotationMarks.IsMark(document, end - 1)))
            {
                end--;
            }
            if (end > first && !(end - first == 1 && tokens[first].Kind == TokenKind.Punctuation))
            {
                parts.Add(new TextSpan(tokens[first].Start, tokens[end - 1].End));
            }
        }
        if (parts.Count == 0)
        {
            parts.Add(new TextSpan(tokens[tokenParts[0].Start].Start, tokens[Math.Max(tokenParts[0].Start, tokenParts[0].End - 1)].End));
        }
        var span = new TextSpan(parts[0].Start, parts[^1].End);
        string text = parts.Count == 1 ? span.Slice(document.Text).ToString() : string.Join(" ", parts.ConvertAll(p => p.Slice(document.Text).ToString()));
        return new Quote(span, text, type, speaker?.Name, speaker?.EntityKey, speaker?.Mention, cue, paragraph) { Parts = [.. parts] };
    }
}

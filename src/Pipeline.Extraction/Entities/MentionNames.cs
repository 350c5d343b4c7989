using Pipeline.Entities.Tagging;
using Pipeline.Quotes;
using Pipeline.Text;

namespace Pipeline.Entities;

/// <summary>A recognized mention with the name it gives: its parts (words) and the name they spell.</summary>
internal sealed record NamedMention(EntityMention Mention, string[] Parts, string Name);

/// <summary>
/// Turns a recognized mention into the name it stands for: possessives and, for people, leading titles stripped
/// (<c>President Joe Biden's</c> → <c>Joe Biden</c>); an office's possessive kept inside the name it belongs to
/// (<c>the Prime Minister's Office</c>, which the tagger finds as <c>Office</c> alone, since CoNLL never counts the
/// owner as part of a name); and a reporting verb that a Title Case headline capitalized cut off the end
/// (<c>Zoe Saldana Asked Men …</c> → <c>Zoe Saldana</c>).
/// </summary>
internal static class MentionNames
{
    public static NamedMention? Normalize(TextDocument document, EntityMention mention)
    {
        int first = mention.FirstToken, end = mention.EndToken;
        while (end > first && (IsPossessive(Word(document, end - 1)) || IsReportingVerbClosingName(document, end - 1)))
        {
            end--;
        }
        if (mention.Type != EntityType.Person && end - first > 1 && EntityLexicons.Honorifics.Contains(Word(document, first)))
        {
            mention = mention with { Type = EntityType.Person }; // "Mr. Grant" is a person, whatever the tagger said.
        }
        if (mention.Type == EntityType.Person)
        {
            while (end - first > 1 && EntityLexicons.Titles.Contains(Word(document, first)))
            {
                first++;
            }
        }
        else
        {
            first = OfficeOwnerStart(document, first);
        }
        while (first < end && document.Tokens[first].Kind == TokenKind.Punctuation)
        {
            first++;
        }
        while (end > first && document.Tokens[end - 1].Kind == TokenKind.Punctuation && !Word(document, end - 1).EndsWith("."))
        {
            end--;
        }
        if (first >= end)
        {
            return null;
        }

        var parts = new List<string>(end - first);
        for (int t = first; t < end; t++)
        {
            var text = Word(document, t);
            if (IsPossessive(text) && parts.Count > 0)
            {
                parts[^1] += text.ToString(); // inside the name: the Prime Minister's Office, McDonald's Corp
                continue;
            }
            if (text.EndsWith("'s") || text.EndsWith("’s"))
            {
                text = text[..^2];
            }
            parts.Add(text.ToString());
        }
        if (mention.Type != EntityType.Person && parts.Count > 1 && parts[0].Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            parts.RemoveAt(0);
            first++;
        }
        var start = document.Tokens[first].Start;
        var stop = document.Tokens[end - 1].End;
        return new NamedMention(mention with { FirstToken = first, TokenCount = end - first, Start = start, End = stop }, [.. parts], string.Join(' ', parts));
    }

    public static bool IsPossessive(ReadOnlySpan<char> token) =>
        token is "'s" or "’s" or "'" or "’" or "'S";

    private static ReadOnlySpan<char> Word(TextDocument document, int token) => document[document.Tokens[token]];

    /// <summary>
    /// Where a name that follows an office's possessive starts: <c>Prime Minister 's</c> + <c>Office</c> starts at
    /// <c>Prime</c>. Only capitalized title words count as the owner (<c>Sunday's Belgian Grand Prix</c> and
    /// <c>Israel's Defense Ministry</c> stay as they are).
    /// </summary>
    private static int OfficeOwnerStart(TextDocument document, int first)
    {
        if (first < 2 || !IsPossessive(Word(document, first - 1)))
        {
            return first;
        }
        int owner = first - 1;
        while (owner > 0 && IsCapitalizedTitle(Word(document, owner - 1)))
        {
            owner--;
        }
        return owner < first - 1 ? owner : first;
    }

    private static bool IsCapitalizedTitle(ReadOnlySpan<char> word) =>
        word.Length > 0 && CharClass.IsUpper(word[0]) && EntityLexicons.Titles.Contains(word);

    /// <summary>
    /// A verb of saying in the past (<c>said</c>, <c>told</c>, <c>asked</c>) or <c>says</c> never ends a name; the
    /// tagger runs onto one where a headline capitalizes every word, or, rarely, in lower case. Elsewhere a capitalized
    /// one is a name (<c>Edward Said</c>), so it stays.
    /// </summary>
    private static bool IsReportingVerbClosingName(TextDocument document, int token)
    {
        var word = Word(document, token);
        var wordClass = QuoteLexicon.Of(word);
        bool reporting = (wordClass & WordClass.SpeechVerb) != 0
            && ((wordClass & WordClass.Past) != 0 || word.Equals("says", StringComparison.OrdinalIgnoreCase));
        return reporting && (!CharClass.IsUpper(word[0]) || CapitalizesEveryWord(document, token));
    }

    /// <summary>True when the token's sentence is a Title Case or ALL CAPS line, whose capitals say nothing.</summary>
    private static bool CapitalizesEveryWord(TextDocument document, int token)
    {
        int s = document.SentenceOfToken(token);
        if (s < 0)
        {
            return false;
        }
        var sentence = document.Sentences[s];
        Span<CapState> caps = sentence.TokenCount <= 256 ? stackalloc CapState[sentence.TokenCount] : new CapState[sentence.TokenCount];
        for (int t = 0; t < caps.Length; t++)
        {
            caps[t] = WordShape.Capitalization(Word(document, sentence.FirstToken + t));
        }
        return WordShape.Classify(caps) is SentenceCase.TitleCase or SentenceCase.AllCaps;
    }
}

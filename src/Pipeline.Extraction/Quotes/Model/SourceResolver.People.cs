using Pipeline.Entities;
using Pipeline.Text;

namespace Pipeline.Quotes;

/// <summary>The person a source word points to when the words around it name one: a name set beside a description, the antecedent of <c>who</c>, the owner of a possessive.</summary>
internal sealed partial class SourceResolver
{
    /// <summary>The most words a description may run on after the chosen word before a comma and the name it titles.</summary>
    private const int MaxTitleWords = 3;

    /// <summary>
    /// The person a description stands in apposition to: after the description's words (and at most
    /// <see cref="MaxTitleWords"/> more that may belong to it) ending in a noun for people, a comma, then a person's name
    /// that closes its phrase (<c>said Olympic champion, Nicole Cooke.</c>, <c>according to the student's attorney,
    /// Daniel Watkins, …</c>); else null.
    /// </summary>
    private Speaker? ApposedPerson(int end)
    {
        var tokens = document.Tokens;
        int comma = end;
        while (comma < tokens.Length && comma - end < MaxTitleWords
               && (IsPossessive(document[tokens[comma]]) || tokens[comma].Kind == TokenKind.Word
                   && (QuoteLexicon.Of(document[tokens[comma]]) & (OutsideDescription | WordClass.Attaches)) == 0))
        {
            comma++;
        }
        // The title names a person (the champion, his attorney), not a source the name is news from (in Politico, Anna
        // Chennault, a Republican activist, …).
        if (comma + 1 >= tokens.Length || document[tokens[comma]] is not "," || comma == 0
            || (QuoteLexicon.Of(document[tokens[comma - 1]]) & WordClass.Person) == 0)
        {
            return null;
        }
        int m = entities.MentionAtToken(comma + 1);
        if (m < 0 || entities.Mentions[m].Type != EntityType.Person || entities.Mentions[m].FirstToken != comma + 1)
        {
            return null;
        }
        var mention = entities.Mentions[m];
        int after = mention.EndToken;
        if (after < tokens.Length && (tokens[after].Kind != TokenKind.Punctuation || IsPossessive(document[tokens[after]])))
        {
            return null;
        }
        int entity = entities.MentionEntity[m];
        return new Speaker(entities.Entities[entity].Name, entities.Entities[entity].Key, mention.Span, entity, SpeakerKind.Entity);
    }

    /// <summary>
    /// The one relative pronoun <paramref name="relative"/> stands for (<c>Jake Sullivan, who said</c>, <c>the agency,
    /// which said</c>): the speaker read from the word before it and its comma, named where the pronoun stands (where
    /// the source is); null when punctuation or another joining word comes first.
    /// </summary>
    private Speaker? Antecedent(int relative, int cueToken)
    {
        int t = relative - 1;
        if (t >= 0 && document[document.Tokens[t]] is ",")
        {
            t--;
        }
        if (t < 0 || document.Tokens[t].Kind != TokenKind.Word || (QuoteLexicon.Of(document[document.Tokens[t]]) & WordClass.Joins) != 0)
        {
            return null;
        }
        return Resolve(t, cueToken) is { } speaker ? speaker with { Mention = document.Tokens[relative].Span } : null;
    }

    /// <summary>
    /// True when a noun for people in <c>[start, end)</c>, other than its sentence's first word, is capitalized: a title
    /// (<c>Minister of</c> Health Leo Varadkar; not <c>two Yemeni officials close to</c> Hadi).
    /// </summary>
    private bool HasTitle(int start, int end)
    {
        int first = document.Sentences[document.SentenceOfToken(start)].FirstToken;
        for (int t = Math.Max(start, first + 1); t < end; t++)
        {
            var word = document[document.Tokens[t]];
            if (CharClass.IsUpper(word[0]) && (QuoteLexicon.Of(word) & WordClass.Person) != 0)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// The noun for people that a possessive <c>'s</c> at <paramref name="possessive"/> introduces, within
    /// <see cref="MaxSubjectAfter"/> words and before the cue (<c>'s parents</c>, <c>'s longtime lawyer</c>), or -1.
    /// </summary>
    private int PossessedPerson(int possessive, int cueToken)
    {
        if (possessive >= document.Tokens.Length || !IsPossessive(document[document.Tokens[possessive]]))
        {
            return -1;
        }
        for (int t = possessive + 1; t < document.Tokens.Length && t != cueToken && t - possessive <= MaxSubjectAfter; t++)
        {
            var token = document.Tokens[t];
            var wordClass = token.Kind == TokenKind.Word ? QuoteLexicon.Of(document[token]) : WordClass.None;
            if ((wordClass & WordClass.Person) != 0)
            {
                return t;
            }
            if (token.Kind != TokenKind.Word || (wordClass & (OutsideDescription | WordClass.Attaches | WordClass.SpeakerNoun)) != 0)
            {
                return -1;
            }
        }
        return -1;
    }

    /// <summary>True when token <paramref name="t"/> is part of a person's or an organization's name.</summary>
    private bool IsSpeakerEntity(int t) =>
        entities.MentionAtToken(t) is var m and >= 0 && entities.Mentions[m].Type is EntityType.Person or EntityType.Organization;

    /// <summary>The possessive <c>'s</c> inside a description (<c>the company's chief executive</c>), not the verb's short form.</summary>
    internal static bool IsPossessive(ReadOnlySpan<char> word) => word is "'s" or "’s";
}

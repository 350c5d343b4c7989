using Pipeline.Entities;
using Pipeline.Text;

namespace Pipeline.Quotes;

/// <summary>
/// Turns the source word the learned model chose (<see cref="AttributionTagger"/>) into a speaker: the person or organization whose mention it is part of; a
/// pronoun resolved to the latest speaker of its kind (or the latest person named before it); otherwise the noun
/// phrase it heads, kept as written (<c>officials</c>). Dates never speak. Call in reading order, with
/// <see cref="Spoke"/> after each quote, so that <c>he said</c> refers to the latest speaker.
/// </summary>
/// <remarks>
/// <c>SourceResolver.People.cs</c> finds a person the words around the source name, <c>.Pronouns.cs</c> resolves
/// pronouns, <c>.Descriptions.cs</c> bounds a description that names no one.
/// </remarks>
internal sealed partial class SourceResolver(TextDocument document, EntityExtraction entities)
{
    private const int MaxDescriptionTokens = 6;

    /// <summary>Words a description of a source never runs across: verbs and auxiliaries, joining words, pronouns.</summary>
    private const WordClass OutsideDescription = QuoteLexicon.Verb | WordClass.Present | WordClass.PastTense | WordClass.Modal | WordClass.Joins
        | QuoteLexicon.ThirdPersonPronoun | WordClass.FirstPerson | WordClass.SecondPerson;
    private int lastPersonSpeaker = -1;
    private int lastSpeaker = -1;

    /// <summary>Per entity, what the article tells of its gender (<see cref="PersonGenders"/>), read when a pronoun first needs it.</summary>
    private sbyte[]? genders;

    /// <summary>The latest speaker when it was a description headed by a source noun (<c>police</c>, <c>the researchers</c>), for <c>they said</c>.</summary>
    private string? lastDescription;

    public Speaker? Resolve(int token, int cueToken)
    {
        int m = entities.MentionAtToken(token);
        if (m >= 0)
        {
            var mention = entities.Mentions[m];
            int entity = entities.MentionEntity[m];
            // A name a described source hangs on (two officials close to Hadi, a spokeswoman for the company) is not who
            // spoke; a name the words come from is (a statement from Hadi), and so is one after a title (Minister of
            // Health Leo Varadkar).
            if (mention.Type is EntityType.Person or EntityType.Organization && mention.FirstToken > 0
                && (QuoteLexicon.Of(document[document.Tokens[mention.FirstToken - 1]]) & WordClass.Origin) == 0
                && OuterPhrase(mention.FirstToken, needsPerson: true) is var outer && outer != mention.FirstToken
                && !HasTitle(outer, mention.FirstToken - 1))
            {
                return Description(outer, mention.EndToken);
            }
            // Someone a name's 's introduces is not the name (Levi Pettit's parents said); the name's words are (its statement).
            if (mention.Type is EntityType.Person or EntityType.Organization && PossessedPerson(mention.EndToken, cueToken) is var possessed
                && possessed > mention.EndToken)
            {
                return Description(mention.FirstToken, possessed + 1);
            }
            return mention.Type switch
            {
                EntityType.Person or EntityType.Organization =>
                    new Speaker(entities.Entities[entity].Name, entities.Entities[entity].Key, mention.Span, entity, SpeakerKind.Entity),
                EntityType.Date => null,
                _ => ApposedPerson(mention.EndToken) ?? Description(mention.FirstToken, mention.EndToken),
            };
        }
        var wordClass = QuoteLexicon.Of(document[document.Tokens[token]]);
        if ((wordClass & WordClass.Relative) != 0 && Antecedent(token, cueToken) is { } antecedent)
        {
            return antecedent;
        }
        if ((wordClass & (QuoteLexicon.ThirdPersonPronoun | WordClass.FirstPerson | WordClass.SecondPerson)) != 0)
        {
            return Pronoun(token, cueToken, wordClass);
        }
        int start = DescriptionStart(CoordinatedWith(token));
        int end = HeadAfter(token, cueToken) + 1;
        if (ApposedPerson(end) is { } apposed)
        {
            return apposed;
        }
        start = OuterPhrase(start);
        // A lone article, possessive or relative pronoun (his, the, who with nothing before it) names no one: the
        // speaker stays where it stands, unnamed.
        return end - start == 1 && IsNoSpeaker(QuoteLexicon.Of(document[document.Tokens[start]]))
            ? new Speaker(null, null, document.Tokens[start].Span, -1, SpeakerKind.Description)
            : Description(start, end);
    }

    private static bool IsNoSpeaker(WordClass wordClass) =>
        (wordClass & WordClass.Relative) != 0 || (wordClass & WordClass.Determiner) != 0 && (wordClass & WordClass.Alone) == 0;

    /// <summary>Remembers who spoke last, for the next <c>he said</c> or <c>they said</c>.</summary>
    public void Spoke(Speaker? speaker)
    {
        if (speaker is { Entity: < 0, Kind: SpeakerKind.Description, Name: var description })
        {
            // Only a description headed by a source noun (police, the researchers), not a bare quantifier (some, many) or
            // words that name no one, is one "they" may stand for.
            var head = description is null ? WordClass.None : QuoteLexicon.Of(description.AsSpan(description.LastIndexOf(' ') + 1));
            lastDescription = (head & WordClass.SpeakerNoun) != 0 && (head & WordClass.Determiner) == 0 ? description : null;
        }
        if (speaker is not { Entity: >= 0 } known)
        {
            return;
        }
        lastDescription = null;
        lastSpeaker = known.Entity;
        if (entities.Entities[known.Entity].Type == EntityType.Person)
        {
            lastPersonSpeaker = known.Entity;
        }
    }
}


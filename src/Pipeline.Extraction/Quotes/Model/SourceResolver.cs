using Pipeline.Entities;
using Pipeline.Text;

namespace Pipeline.Quotes;

/// <summary>
/// Turns the source word the learned model chose (<see cref="AttributionTagger"/>) into a speaker: the person or organization whose mention it is part of; a
/// pronoun resolved to the latest speaker of its kind (or the latest person named before it); otherwise the noun
/// phrase it heads, kept as written (<c>officials</c>). Dates never speak. Call in reading order, with
/// <see cref="Spoke"/> after each quote, so that <c>he said</c> refers to the latest speaker.
/// </summary>
internal sealed class SourceResolver(TextDocument document, EntityExtraction entities)
{
    private const int MaxDescriptionTokens = 6;

    /// <summary>Words a description of a source never runs across: verbs, joining words, pronouns.</summary>
    private const WordClass OutsideDescription =
        QuoteLexicon.Verb | WordClass.Joins | QuoteLexicon.ThirdPersonPronoun | WordClass.FirstPerson | WordClass.SecondPerson;
    private int lastPersonSpeaker = -1;
    private int lastSpeaker = -1;

    public Speaker? Resolve(int token, int cueToken)
    {
        int m = entities.MentionAtToken(token);
        if (m >= 0)
        {
            var mention = entities.Mentions[m];
            int entity = entities.MentionEntity[m];
            return mention.Type switch
            {
                EntityType.Person or EntityType.Organization =>
                    new Speaker(entities.Entities[entity].Name, entities.Entities[entity].Key, mention.Span, entity, SpeakerKind.Entity),
                EntityType.Date => null,
                _ => Description(mention.FirstToken, mention.EndToken),
            };
        }
        var wordClass = QuoteLexicon.Of(document[document.Tokens[token]]);
        if ((wordClass & (QuoteLexicon.ThirdPersonPronoun | WordClass.FirstPerson | WordClass.SecondPerson)) != 0)
        {
            return Pronoun(token, cueToken, wordClass);
        }
        int start = DeterminerBefore(token);
        if (start < 0)
        {
            start = token;
            while (start > 0 && token - start < MaxDescriptionTokens && ExtendsDescription(start - 1))
            {
                start--;
            }
        }
        return Description(start, token + 1);
    }

    /// <summary>
    /// The determiner that opens the noun phrase <paramref name="head"/> ends (<c>the park service</c>, <c>a criminal
    /// complaint</c>, <c>the company's chief executive</c>), or -1 when a verb, a pronoun, a joining word or punctuation
    /// comes first.
    /// </summary>
    private int DeterminerBefore(int head)
    {
        for (int t = head - 1; t >= 0 && head - t <= MaxDescriptionTokens; t--)
        {
            var token = document.Tokens[t];
            var word = document[token];
            if (token.Kind != TokenKind.Word)
            {
                if (word is "'s" or "’s")
                {
                    continue;
                }
                return -1;
            }
            var wordClass = QuoteLexicon.Of(word);
            if ((wordClass & WordClass.Determiner) != 0)
            {
                return t;
            }
            if ((wordClass & OutsideDescription) != 0
                || word.Contains("n't", StringComparison.OrdinalIgnoreCase) || word.Contains("n’t", StringComparison.OrdinalIgnoreCase))
            {
                return -1;
            }
        }
        return -1;
    }

    /// <summary>A word before a description's head that belongs to it: a determiner, a capitalized word or part of a name, a source noun.</summary>
    private bool ExtendsDescription(int t)
    {
        var token = document.Tokens[t];
        if (token.Kind != TokenKind.Word)
        {
            return false;
        }
        var word = document[token];
        var wordClass = QuoteLexicon.Of(word);
        if ((wordClass & OutsideDescription) != 0)
        {
            return false;
        }
        return (wordClass & (WordClass.Determiner | WordClass.SpeakerNoun)) != 0 || CharClass.IsUpper(word[0]) || entities.MentionAtToken(t) >= 0;
    }

    /// <summary>Remembers who spoke last, for the next <c>he said</c>.</summary>
    public void Spoke(Speaker? speaker)
    {
        if (speaker is not { Entity: >= 0 } known)
        {
            return;
        }
        lastSpeaker = known.Entity;
        if (entities.Entities[known.Entity].Type == EntityType.Person)
        {
            lastPersonSpeaker = known.Entity;
        }
    }

    private Speaker Pronoun(int token, int cueToken, WordClass wordClass)
    {
        var span = document.Tokens[token].Span;
        var word = document[document.Tokens[token]];
        if ((wordClass & (WordClass.He | WordClass.She)) != 0)
        {
            int entity = lastPersonSpeaker >= 0 ? lastPersonSpeaker : PrecedingPerson(cueToken);
            return entity >= 0
                ? new Speaker(entities.Entities[entity].Name, entities.Entities[entity].Key, span, entity, SpeakerKind.Pronoun)
                : new Speaker(word.ToString().ToLowerInvariant(), null, span, -1, SpeakerKind.Pronoun);
        }
        if ((wordClass & (WordClass.They | WordClass.It)) != 0)
        {
            return lastSpeaker >= 0 && entities.Entities[lastSpeaker].Type == EntityType.Organization
                ? new Speaker(entities.Entities[lastSpeaker].Name, entities.Entities[lastSpeaker].Key, span, lastSpeaker, SpeakerKind.Pronoun)
                : new Speaker(word.ToString().ToLowerInvariant(), null, span, -1, SpeakerKind.Pronoun);
        }
        return new Speaker(word.ToString(), null, span, -1, SpeakerKind.Pronoun);
    }

    private int PrecedingPerson(int token)
    {
        for (int m = entities.Mentions.Length - 1; m >= 0; m--)
        {
            if (entities.Mentions[m].FirstToken < token && entities.Entities[entities.MentionEntity[m]].Type == EntityType.Person)
            {
                return entities.MentionEntity[m];
            }
        }
        return -1;
    }

    private Speaker Description(int start, int end)
    {
        var span = new TextSpan(document.Tokens[start].Start, document.Tokens[end - 1].End);
        return new Speaker(span.Slice(document.Text).ToString(), null, span, -1, SpeakerKind.Description);
    }
}

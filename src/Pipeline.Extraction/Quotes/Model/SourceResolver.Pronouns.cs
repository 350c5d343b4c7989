using Pipeline.Entities;

namespace Pipeline.Quotes;

/// <summary>A pronoun source resolved to the latest speaker of its gender and number, or the latest such person named before it.</summary>
internal sealed partial class SourceResolver
{
    private Speaker Pronoun(int token, int cueToken, WordClass wordClass)
    {
        var span = document.Tokens[token].Span;
        var word = document[document.Tokens[token]];
        if ((wordClass & (WordClass.He | WordClass.She)) != 0)
        {
            // He said, opening a sentence after one about a single person, is that person (Jacob Zenn, an expert on the
            // group, said the recording was authentic. He said …), whoever spoke last. Otherwise the latest person who
            // spoke, unless the article tells that person is of the other gender (she said, after a man's quote): then the
            // latest person the article tells is of the pronoun's gender, else one it tells nothing of named in the cue's
            // sentence or the two before, else nobody: "she" is better than a man's name.
            var wanted = PersonGenders.Of(wordClass);
            int entity;
            if (PersonGenders.SubjectBefore(document, entities, Quoted, token) is var subject and >= 0
                && PersonGenders.Agree(GenderOf(subject), wanted))
            {
                entity = subject;
            }
            else if (lastPersonSpeaker < 0)
            {
                entity = PrecedingPerson(cueToken, wanted);
            }
            else if (PersonGenders.Agree(GenderOf(lastPersonSpeaker), wanted))
            {
                entity = lastPersonSpeaker;
            }
            else
            {
                entity = RecentPerson(cueToken, wanted);
                if (entity >= 0)
                {
                    // Chosen over the latest speaker for the pronoun's gender, so the article has told it: a later pronoun
                    // of the other gender is someone else's.
                    genders![entity] = wanted;
                }
            }
            return entity >= 0
                ? new Speaker(entities.Entities[entity].Name, entities.Entities[entity].Key, span, entity, SpeakerKind.Pronoun)
                : new Speaker(word.ToString().ToLowerInvariant(), null, span, -1, SpeakerKind.Pronoun);
        }
        if ((wordClass & (WordClass.They | WordClass.It)) != 0)
        {
            // The latest speaker, when it was an organization or a description rather than a person.
            if (lastDescription is not null)
            {
                return new Speaker(lastDescription, null, span, -1, SpeakerKind.Pronoun);
            }
            return lastSpeaker >= 0 && entities.Entities[lastSpeaker].Type == EntityType.Organization
                ? new Speaker(entities.Entities[lastSpeaker].Name, entities.Entities[lastSpeaker].Key, span, lastSpeaker, SpeakerKind.Pronoun)
                : new Speaker(word.ToString().ToLowerInvariant(), null, span, -1, SpeakerKind.Pronoun);
        }
        return new Speaker(word.ToString(), null, span, -1, SpeakerKind.Pronoun);
    }

    /// <summary>The person named last before <paramref name="token"/> whose gender does not disagree with <paramref name="wanted"/>, or -1.</summary>
    private int PrecedingPerson(int token, sbyte wanted)
    {
        for (int m = entities.Mentions.Length - 1; m >= 0; m--)
        {
            int entity = entities.MentionEntity[m];
            if (entities.Mentions[m].FirstToken < token && entities.Entities[entity].Type == EntityType.Person
                && PersonGenders.Agree(GenderOf(entity), wanted))
            {
                return entity;
            }
        }
        return -1;
    }

    /// <summary>
    /// The person named last before <paramref name="token"/> whom the article tells is of gender <paramref name="wanted"/>;
    /// else the one named last in its sentence or the two before whom it tells nothing of; else -1.
    /// </summary>
    private int RecentPerson(int token, sbyte wanted)
    {
        int near = document.Sentences[Math.Max(0, document.SentenceOfToken(token) - 2)].FirstToken;
        int unknown = -1;
        for (int m = entities.Mentions.Length - 1; m >= 0; m--)
        {
            int entity = entities.MentionEntity[m];
            if (entities.Mentions[m].FirstToken >= token || entities.Entities[entity].Type != EntityType.Person)
            {
                continue;
            }
            var gender = GenderOf(entity);
            if (gender == wanted)
            {
                return entity;
            }
            if (gender == PersonGenders.Unknown && unknown < 0 && entities.Mentions[m].FirstToken >= near)
            {
                unknown = entity;
            }
        }
        return unknown;
    }

    private sbyte GenderOf(int entity) => (genders ??= PersonGenders.Infer(document, entities, Quoted))[entity];

    /// <summary>Per token, true inside quotation marks; read when a pronoun first needs it.</summary>
    private bool[] Quoted => quoted ??= PersonGenders.Quoted(document);

    private bool[]? quoted;
}

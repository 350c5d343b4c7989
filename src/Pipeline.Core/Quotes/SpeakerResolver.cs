using Pipeline.Entities;
using Pipeline.Text;

namespace Pipeline.Quotes;

/// <summary>A speaker phrase resolved: the name or description, its entity key, where it is named, and its entity.</summary>
internal readonly record struct Speaker(string Name, string? EntityKey, TextSpan Mention, int Entity);

/// <summary>
/// Decides whether a token range names a speaker and resolves it: a person or organization entity, a pronoun
/// (to the most recent compatible speaker or person), or a description (<c>officials</c>) kept as written.
/// Dates, places and other words are never speakers.
/// </summary>
internal sealed class SpeakerResolver(TextDocument document, EntityExtraction entities)
{
    private const int MaxPhraseTokens = 10;
    private int lastPersonSpeaker = -1;
    private int lastSpeaker = -1;

    /// <summary>Resolves tokens <c>[start, end)</c> as a speaker phrase; <paramref name="cueToken"/> anchors pronouns.</summary>
    public Speaker? Resolve(int start, int end, int cueToken)
    {
        var tokens = document.Tokens;
        // "Rep. Gwen Moore (D-Wis.)": the party and state are not part of the speaker.
        if (end - start > 2 && document[tokens[end - 1]] is ")")
        {
            int open = end - 2;
            while (open > start && document[tokens[open]] is not "(")
            {
                open--;
            }
            if (open > start)
            {
                end = open;
            }
        }
        if (end <= start || end - start > MaxPhraseTokens)
        {
            return null;
        }
        if (end - start == 1)
        {
            var word = document[tokens[start]];
            if (SpeechCues.IsPersonPronoun(word))
            {
                int entity = lastPersonSpeaker >= 0 ? lastPersonSpeaker : PrecedingPerson(cueToken);
                return entity >= 0
                    ? new Speaker(entities.Entities[entity].Name, entities.Entities[entity].Key, tokens[start].Span, entity)
                    : new Speaker(word.ToString().ToLowerInvariant(), null, tokens[start].Span, -1);
            }
            if (word.Equals("it", StringComparison.OrdinalIgnoreCase))
            {
                return lastSpeaker >= 0 && entities.Entities[lastSpeaker].Type == EntityType.Organization
                    ? new Speaker(entities.Entities[lastSpeaker].Name, entities.Entities[lastSpeaker].Key, tokens[start].Span, lastSpeaker)
                    : new Speaker("it", null, tokens[start].Span, -1);
            }
            if (SpeechCues.IsPluralPronoun(word))
            {
                return lastSpeaker >= 0 && entities.Entities[lastSpeaker].Type == EntityType.Organization
                    ? new Speaker(entities.Entities[lastSpeaker].Name, entities.Entities[lastSpeaker].Key, tokens[start].Span, lastSpeaker)
                    : new Speaker("they", null, tokens[start].Span, -1);
            }
        }

        // The last person or organization named in the phrase: "Biden's national security adviser, Jake Sullivan".
        for (int t = end - 1; t >= start; t--)
        {
            int m = entities.MentionAtToken(t);
            if (m < 0)
            {
                continue;
            }
            int entity = entities.MentionEntity[m];
            var type = entities.Entities[entity].Type;
            if (type is EntityType.Person or EntityType.Organization && entities.Mentions[m].FirstToken >= start)
            {
                if (IsPossessedBy(m, end))
                {
                    // "Biden's adviser": the speaker is the adviser, not Biden.
                    break;
                }
                return new Speaker(entities.Entities[entity].Name, entities.Entities[entity].Key, entities.Mentions[m].Span, entity);
            }
            if (type is EntityType.Date or EntityType.Location or EntityType.Misc)
            {
                return null;
            }
        }

        return Description(start, end);
    }

    /// <summary>Remembers who spoke last, for the next <c>he said</c>.</summary>
    public void Spoke(Speaker speaker)
    {
        if (speaker.Entity < 0)
        {
            return;
        }
        lastSpeaker = speaker.Entity;
        if (entities.Entities[speaker.Entity].Type == EntityType.Person)
        {
            lastPersonSpeaker = speaker.Entity;
        }
    }

    private bool IsPossessedBy(int mention, int phraseEnd)
    {
        int next = entities.Mentions[mention].EndToken;
        return next < phraseEnd && document[document.Tokens[next]] is "'s" or "’s" or "'" or "’";
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

    /// <summary>
    /// A short noun phrase naming who spoke without a name: <c>a White House spokesperson</c>, <c>officials</c>,
    /// <c>the candidate's doctor</c>. It must end in a noun-like word and hold no date or place.
    /// </summary>
    private Speaker? Description(int start, int end)
    {
        var tokens = document.Tokens;
        if (end - start > 6)
        {
            return null;
        }
        for (int t = start; t < end; t++)
        {
            var word = document[tokens[t]];
            if (tokens[t].Kind != TokenKind.Word && word is not ("'s" or "’s" or "-"))
            {
                return null;
            }
            if (NotDescription.Contains(word))
            {
                return null;
            }
        }
        var last = document[tokens[end - 1]];
        if (!SpeechCues.IsSpeakerNoun(last) && (end - start == 1 && CharClass.IsUpper(last[0]) || last.EndsWith("ly") || last.EndsWith("ed")))
        {
            // A lone capitalized word that is no entity ("Monday", "Washington"), or an adverb or participle, is not a speaker.
            return null;
        }
        var span = new TextSpan(tokens[start].Start, tokens[end - 1].End);
        return new Speaker(span.Slice(document.Text).ToString(), null, span, -1);
    }

    /// <summary>Words that show a phrase is not a speaker description.</summary>
    private static readonly System.Collections.Frozen.FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotDescription =
        System.Collections.Frozen.FrozenSet.Create(StringComparer.OrdinalIgnoreCase,
            "him", "her", "them", "me", "us", "there", "here", "this", "that", "which", "what", "when", "where", "who",
            "if", "because", "although", "not", "no", "never", "also", "has", "have", "had", "is", "was", "were", "are",
            "be", "been", "will", "would", "could", "should", "can", "may", "might", "must", "do", "does", "did",
            "to", "in", "on", "at", "of", "for", "with", "by", "from", "about", "as", "than", "then", "so", "and", "or",
            "but", "today", "yesterday", "week", "month", "year", "time", "times", "percent")
            .GetAlternateLookup<ReadOnlySpan<char>>();
}

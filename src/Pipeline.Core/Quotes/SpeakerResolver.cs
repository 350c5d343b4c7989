using System.Collections.Frozen;
using Pipeline.Entities;
using Pipeline.Text;

namespace Pipeline.Quotes;

/// <summary>What a speaker phrase is, from the most to the least certain source.</summary>
internal enum SpeakerKind : byte
{
    /// <summary>A noun phrase that is no known kind of source: <c>the new rules</c>.</summary>
    Description,
    /// <summary>A phrase headed by a source noun: <c>officials</c>, <c>a campaign spokesman</c>, <c>the study</c>.</summary>
    Noun,
    /// <summary><c>he</c>, <c>she</c>, <c>they</c>, <c>it</c>, <c>I</c>, <c>we</c>.</summary>
    Pronoun,
    /// <summary>A person or organization the entity stage found.</summary>
    Entity,
}

/// <summary>A speaker phrase resolved: the name or description, its entity key, where it is named, and its entity.</summary>
internal readonly record struct Speaker(string Name, string? EntityKey, TextSpan Mention, int Entity, SpeakerKind Kind = SpeakerKind.Entity)
{
    /// <summary>Named, a pronoun, or headed by a source noun: enough for verbs that are often something else (<c>plans</c>).</summary>
    public bool IsStrong => Kind != SpeakerKind.Description;
}

/// <summary>
/// Decides whether a token range names a speaker and resolves it: a person or organization entity, a pronoun
/// (to the most recent compatible speaker or person), or a description (<c>officials</c>) kept as written.
/// Dates, places and other words are never speakers.
/// </summary>
internal sealed class SpeakerResolver(TextDocument document, EntityExtraction entities)
{
    private const int MaxPhraseTokens = 12;
    private const int MaxDescriptionTokens = 12;
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
        if (end <= start || end - start > MaxPhraseTokens || IsPossessive(document[tokens[end - 1]]))
        {
            return null;
        }
        if (end - start == 1 && Pronoun(start, cueToken) is { } pronoun)
        {
            return pronoun;
        }
        if (Named(start, end) is { } named)
        {
            return named;
        }
        return Description(start, end);
    }

    /// <summary>
    /// As <see cref="Resolve"/>, and also a lone capitalized word the entity stage missed, where only a name can stand
    /// (<c>"…?" Vitter demanded.</c>); places and dates are still no speakers.
    /// </summary>
    public Speaker? ResolveName(int start, int end, int cueToken)
    {
        if (Resolve(start, end, cueToken) is { } speaker)
        {
            return speaker;
        }
        var token = document.Tokens[start];
        var word = document[token];
        if (end - start != 1 || token.Kind != TokenKind.Word || word.Length < 2 || !CharClass.IsUpper(word[0]) || !CharClass.IsLower(word[1])
            || entities.MentionAtToken(start) >= 0 || NotDescription.Contains(word) || Weekdays.Contains(word))
        {
            return null;
        }
        return new Speaker(word.ToString(), null, token.Span, -1, SpeakerKind.Noun);
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Weekdays = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "Today",
        "Yesterday", "Then", "There", "This", "That", "It", "They", "He", "She", "We", "I", "You").GetAlternateLookup<ReadOnlySpan<char>>();

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

    /// <summary>People whose attributions said "she" (true) or "he" (false).</summary>
    private readonly Dictionary<int, bool> feminine = new();

    /// <summary>
    /// "he" or "she" when the attribution's own pronoun or an earlier one tells which refers to the speaker; else null.
    /// </summary>
    public string? PronounOf(Speaker speaker)
    {
        var mention = speaker.Mention.Slice(document.Text);
        if (speaker.Kind == SpeakerKind.Pronoun && (mention.Equals("he", StringComparison.OrdinalIgnoreCase) || mention.Equals("she", StringComparison.OrdinalIgnoreCase)))
        {
            return mention.Length == 2 ? "he" : "she";
        }
        return speaker.Entity >= 0 && feminine.TryGetValue(speaker.Entity, out var she) ? (she ? "she" : "he") : null;
    }

    private Speaker? Pronoun(int token, int cueToken)
    {
        var span = document.Tokens[token].Span;
        var word = document[document.Tokens[token]];
        if (SpeechCues.IsPersonPronoun(word))
        {
            int entity = lastPersonSpeaker >= 0 ? lastPersonSpeaker : PrecedingPerson(cueToken);
            if (entity >= 0 && (word.Equals("he", StringComparison.OrdinalIgnoreCase) || word.Equals("she", StringComparison.OrdinalIgnoreCase)))
            {
                feminine[entity] = word.Length == 3;
            }
            return entity >= 0
                ? new Speaker(entities.Entities[entity].Name, entities.Entities[entity].Key, span, entity, SpeakerKind.Pronoun)
                : new Speaker(word.ToString().ToLowerInvariant(), null, span, -1, SpeakerKind.Pronoun);
        }
        if (word.Equals("it", StringComparison.OrdinalIgnoreCase) || SpeechCues.IsPluralPronoun(word))
        {
            return lastSpeaker >= 0 && entities.Entities[lastSpeaker].Type == EntityType.Organization
                ? new Speaker(entities.Entities[lastSpeaker].Name, entities.Entities[lastSpeaker].Key, span, lastSpeaker, SpeakerKind.Pronoun)
                : new Speaker(word.ToString().ToLowerInvariant(), null, span, -1, SpeakerKind.Pronoun);
        }
        return SpeechCues.IsFirstOrSecondPersonSubject(word)
            ? new Speaker(word.ToString(), null, span, -1, SpeakerKind.Pronoun)
            : null;
    }

    /// <summary>
    /// The person or organization at the head of the phrase (<c>Biden's national security adviser Jake Sullivan</c>;
    /// <c>Rep. Elijah Cummings of Maryland</c>), never one that only possesses the speaker (<c>Biden's adviser</c>) or
    /// sits in a modifier (<c>Sullivan declined to</c> has no head).
    /// </summary>
    private Speaker? Named(int start, int end)
    {
        int head = Head(start, end);
        int m = entities.MentionAtToken(head);
        if (m < 0 || entities.Mentions[m].FirstToken < start || IsPossessedBy(m, end))
        {
            return null;
        }
        int entity = entities.MentionEntity[m];
        return entities.Entities[entity].Type is EntityType.Person or EntityType.Organization
            ? new Speaker(entities.Entities[entity].Name, entities.Entities[entity].Key, entities.Mentions[m].Span, entity)
            : null;
    }

    /// <summary>The head of a noun phrase: the word before its first preposition or relative word, else its last word.</summary>
    private int Head(int start, int end)
    {
        for (int t = start + 1; t < end; t++)
        {
            if (HeadStops.Contains(document[document.Tokens[t]]))
            {
                return t - 1;
            }
        }
        return end - 1;
    }

    private bool IsPossessedBy(int mention, int phraseEnd)
    {
        int next = entities.Mentions[mention].EndToken;
        return next < phraseEnd && IsPossessive(document[document.Tokens[next]]);
    }

    private static bool IsPossessive(ReadOnlySpan<char> word) => word is "'s" or "’s" or "'" or "’" || PossessivePronouns.Contains(word);

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
    /// <c>attorneys for the family</c>, <c>73 percent</c>. Its last word must be a noun-like word that is not itself a
    /// date or a place.
    /// </summary>
    private Speaker? Description(int start, int end)
    {
        var tokens = document.Tokens;
        if (end - start > MaxDescriptionTokens)
        {
            return null;
        }
        bool sourceNoun = false;
        for (int t = start; t < end; t++)
        {
            var word = document[tokens[t]];
            if (tokens[t].Kind == TokenKind.Number)
            {
                sourceNoun = true;
                continue;
            }
            if (tokens[t].Kind != TokenKind.Word && word is not ("'s" or "’s" or "-" or "&"))
            {
                return null;
            }
            if (Prepositions.Contains(word))
            {
                // "attorneys for the family", "the chair of the panel": only after a source noun.
                if (!sourceNoun || t == end - 1)
                {
                    return null;
                }
                continue;
            }
            if (NotDescription.Contains(word))
            {
                return null;
            }
            // "eight of 10 voters", "one of the states": a quantity takes "of" as a source noun does.
            sourceNoun |= SpeechCues.IsSpeakerNoun(word) || tokens[t].Kind == TokenKind.Number || Quantities.Contains(word);
        }
        int head = Head(start, end);
        var last = document[tokens[head]];
        if (tokens[head].Kind != TokenKind.Word || last.Length < 2 || Determiners.Contains(last))
        {
            return null; // "- a", "the": no noun to head a description.
        }
        int headMention = entities.MentionAtToken(head);
        var headType = headMention >= 0 ? entities.Entities[entities.MentionEntity[headMention]].Type : (EntityType?)null;
        bool group = headType == EntityType.Misc && last.Length > 3 && last[^1] == 's';
        if (headType is EntityType.Date or EntityType.Location || (headType == EntityType.Misc && !group) || tokens[head].Kind == TokenKind.Number)
        {
            return null;
        }
        bool speakerHead = group || SpeechCues.IsSpeakerNoun(last);
        if (!speakerHead && (end - start == 1 && CharClass.IsUpper(last[0])
                             || (CharClass.IsLower(last[0]) && (last.EndsWith("ly") || last.EndsWith("ed") || last.EndsWith("ing")))))
        {
            // A lone capitalized word that is no entity ("Monday", "Washington"), or an adverb or participle, is not a speaker.
            return null;
        }
        var span = new TextSpan(tokens[start].Start, tokens[end - 1].End);
        return new Speaker(span.Slice(document.Text).ToString(), null, span, -1, speakerHead ? SpeakerKind.Noun : SpeakerKind.Description);
    }

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> HeadStops = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "of", "for", "at", "from", "with", "in", "on", "during", "after", "before", "who",
        "whose", "which", "since", "until", "(").GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Prepositions = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "of", "for", "at", "from", "with", "in", "on").GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Quantities = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "dozen",
        "dozens", "hundreds", "thousands", "millions", "half", "third", "thirds", "quarter", "majority", "most", "many",
        "some", "few", "several", "none", "each", "all", "both").GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Determiners = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "a", "an", "the", "some", "any", "every", "each", "no", "another", "such")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PossessivePronouns = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase, "his", "her", "its", "their", "my", "our", "your").GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Words that show a phrase is not a speaker description.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotDescription = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "him", "them", "me", "us", "there", "here", "this", "that", "which", "what", "when", "where", "who",
        "if", "because", "although", "not", "no", "never", "also", "has", "have", "had", "is", "was", "were", "are",
        "be", "been", "will", "would", "could", "should", "can", "may", "might", "must", "do", "does", "did",
        "to", "on", "by", "about", "as", "than", "then", "so", "and", "or", "but", "today", "yesterday", "week",
        "month", "year", "time", "times", "it", "these", "those", "how",
        "why", "whether", "nobody", "everybody", "everyone", "anyone", "anybody", "somebody", "someone", "after", "before", "while", "since", "until", "during", "into", "over", "under", "against",
        "without", "just", "only", "even", "still", "now", "ago", "said", "says", "told", "being", "too", "very")
        .GetAlternateLookup<ReadOnlySpan<char>>();
}

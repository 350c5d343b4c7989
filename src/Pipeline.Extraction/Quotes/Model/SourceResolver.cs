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

    /// <summary>Where the description that <paramref name="head"/> ends starts: its determiner, or the words before it that belong to it.</summary>
    private int DescriptionStart(int head)
    {
        int start = DeterminerBefore(head);
        if (start >= 0)
        {
            return start;
        }
        start = head;
        while (start > 0 && head - start < MaxDescriptionTokens && ExtendsDescription(start - 1))
        {
            start--;
        }
        return start;
    }

    /// <summary>
    /// The first of two source nouns joined to <paramref name="head"/> (<c>the family and friends</c>, <c>lawyers or
    /// advisers</c>), or <paramref name="head"/> itself.
    /// </summary>
    private int CoordinatedWith(int head)
    {
        int other = head - 2;
        return other >= 0 && IsSourceNoun(head) && IsSourceNoun(other)
               && (QuoteLexicon.Of(document[document.Tokens[head - 1]]) & WordClass.Coordinates) != 0 ? other : head;
    }

    private bool IsSourceNoun(int t) =>
        document.Tokens[t].Kind == TokenKind.Word && (QuoteLexicon.Of(document[document.Tokens[t]]) & WordClass.SpeakerNoun) != 0;

    /// <summary>
    /// The last word of the subject that <paramref name="token"/> opens when it is a determiner or <c>one</c> (class
    /// <c>opens</c>; numbers and the pieces of <c>22-year-old</c> go with their word) and the
    /// words after it, at most <see cref="MaxSubjectAfter"/> of them, run up to the cue or to punctuation (<c>her father
    /// said</c>, <c>his church announced</c>, <c>wrote one poster,</c>); <paramref name="token"/> itself otherwise.
    /// </summary>
    private int HeadAfter(int token, int cueToken)
    {
        if ((QuoteLexicon.Of(document[document.Tokens[token]]) & (WordClass.Determiner | WordClass.Opens)) == 0)
        {
            return token;
        }
        var tokens = document.Tokens;
        int words = 0;
        for (int t = token + 1; t < tokens.Length; t++)
        {
            var next = tokens[t];
            if (t == cueToken)
            {
                return t > token + 1 ? t - 1 : NounInCue(token, cueToken);
            }
            if (next.Kind == TokenKind.Number || InsideWord(t))
            {
                continue;
            }
            if (next.Kind != TokenKind.Word && !IsPossessive(document[next]))
            {
                return t - 1;
            }
            if ((QuoteLexicon.Of(document[next]) & (OutsideDescription | WordClass.Attaches | WordClass.Determiner | WordClass.Relay)) != 0
                || (next.Start != tokens[t - 1].End && ++words > MaxSubjectAfter))
            {
                return token;
            }
        }
        return token;
    }

    /// <summary>
    /// The last source noun the cue opens with, when the cue took the noun its determiner opens (<c>a statement said</c>
    /// tagged as the cue <c>statement said</c>): the subject's head; else <paramref name="determiner"/>.
    /// </summary>
    private int NounInCue(int determiner, int cueToken)
    {
        int head = determiner;
        for (int t = cueToken; t < document.Tokens.Length && t - cueToken < MaxSubjectAfter && IsSourceNoun(t)
             && (QuoteLexicon.Of(document[document.Tokens[t]]) & QuoteLexicon.Verb) == 0; t++)
        {
            head = t;
        }
        return head;
    }

    /// <summary>True when token <paramref name="t"/> touches the tokens on both sides: a piece of one word (<c>22-year-old</c>).</summary>
    private bool InsideWord(int t)
    {
        var tokens = document.Tokens;
        return t > 0 && t + 1 < tokens.Length && tokens[t].Start == tokens[t - 1].End && tokens[t + 1].Start == tokens[t].End
               && tokens[t].Kind != TokenKind.Word;
    }

    /// <summary>Words after a determiner that <see cref="HeadAfter"/> reads as its subject.</summary>
    private const int MaxSubjectAfter = 3;

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
    /// Where a description that hangs on a noun before it by a preposition really starts: <c>a spokeswoman for</c> the
    /// central bank, <c>a person familiar with</c> the matter, <c>the head of</c> the agency. Read back from the
    /// preposition over at most <see cref="MaxOuterWords"/> words to their determiner, or to punctuation, another
    /// preposition, a joining word, a relay or the text's start when a source noun is among them (<c>but two officials
    /// close to</c> Hadi, <c>according to officials with</c> the government); <paramref name="start"/> itself when a
    /// verb, a pronoun or a person's or organization's name comes first (<c>told reporters in</c> the capital), or, with
    /// <paramref name="needsPerson"/>, when the words hold no noun for people (<c>footage of</c> Hillary Clinton).
    /// </summary>
    private int OuterPhrase(int start, bool needsPerson = false)
    {
        int preposition = start - 1;
        if (preposition < 1 || document.Tokens[preposition].Kind != TokenKind.Word
            || (QuoteLexicon.Of(document[document.Tokens[preposition]]) & WordClass.Attaches) == 0)
        {
            return start;
        }
        bool sourceNoun = false, person = false;
        for (int t = preposition - 1; ; t--)
        {
            var wordClass = t >= 0 && document.Tokens[t].Kind == TokenKind.Word ? QuoteLexicon.Of(document[document.Tokens[t]]) : WordClass.None;
            if (t >= 0 && IsPossessive(document[document.Tokens[t]]))
            {
                continue;
            }
            if (t < 0 || document.Tokens[t].Kind != TokenKind.Word || (wordClass & (WordClass.Attaches | WordClass.Joins | WordClass.Relay)) != 0)
            {
                return sourceNoun && (person || !needsPerson) && t + 1 < preposition ? t + 1 : start;
            }
            if (preposition - t > MaxOuterWords)
            {
                return start;
            }
            if ((wordClass & WordClass.Determiner) != 0)
            {
                return needsPerson ? (person ? t : start) : t;
            }
            if ((wordClass & OutsideDescription) != 0 || IsSpeakerEntity(t))
            {
                return start;
            }
            sourceNoun |= (wordClass & WordClass.SpeakerNoun) != 0;
            person |= (wordClass & WordClass.Person) != 0;
        }
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

    /// <summary>Words a description's outer noun phrase may have between its determiner and its preposition.</summary>
    private const int MaxOuterWords = 4;

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
            if (IsPossessive(word))
            {
                continue;
            }
            if (token.Kind != TokenKind.Word)
            {
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

    private Speaker Description(int start, int end)
    {
        var span = new TextSpan(document.Tokens[start].Start, document.Tokens[end - 1].End);
        return new Speaker(span.Slice(document.Text).ToString(), null, span, -1, SpeakerKind.Description);
    }
}

using Pipeline.Entities;
using Pipeline.Text;

namespace Pipeline.Quotes;

/// <summary>
/// What one article tells of its people's genders, read from the article alone (no list of first names, so any name
/// works): an honorific before a name (<c>Mr. Sullivan</c>, <c>Ms. Reyes</c>) counts twice, and <c>He</c> or
/// <c>She</c> opening a sentence counts once for the one person named in the sentence before (<see cref="SubjectBefore"/>;
/// inside a sentence, or as <c>himself</c>, a pronoun too often stands for someone unnamed: <c>Romero said her husband
/// made a mistake when he didn't stop</c>). Words in quotation marks neither vote nor are voted for: a quote's
/// <c>he</c> and the names in it are the speaker's, about others. The words are the classes
/// <see cref="WordClass.Male"/> and <see cref="WordClass.Female"/> (<c>gender-words.txt</c>). A person is a man or a
/// woman when one side has more votes, unknown otherwise.
/// </summary>
internal static class PersonGenders
{
    public const sbyte Unknown = 0, Man = 1, Woman = -1;

    /// <summary>Per token, true inside quotation marks (<see cref="QuotationMarks"/>).</summary>
    public static bool[] Quoted(TextDocument document)
    {
        var quoted = new bool[document.Tokens.Length];
        foreach (var quote in QuotationMarks.Find(document))
        {
            foreach (var (start, end) in quote.Parts)
            {
                quoted.AsSpan(start, end - start).Fill(true);
            }
        }
        return quoted;
    }

    /// <summary>
    /// Per entity of <paramref name="entities"/>: <see cref="Man"/>, <see cref="Woman"/> or <see cref="Unknown"/>;
    /// <paramref name="quoted"/> is <see cref="Quoted"/>.
    /// </summary>
    public static sbyte[] Infer(TextDocument document, EntityExtraction entities, bool[] quoted)
    {
        var votes = new int[entities.Entities.Length];
        var tokens = document.Tokens;
        int longest = QuoteLexicon.LongestGenderWord;
        for (int t = 0; t < tokens.Length; t++)
        {
            if (tokens[t].Length > longest)
            {
                continue;
            }
            var wordClass = QuoteLexicon.Of(document[tokens[t]]);
            int gender = Of(wordClass);
            if (gender == Unknown)
            {
                continue;
            }
            if ((wordClass & WordClass.Honorific) != 0)
            {
                if (HonoredPerson(document, entities, t) is var honored and >= 0)
                {
                    votes[honored] += 2 * gender;
                }
            }
            else if (!quoted[t] && SubjectBefore(document, entities, quoted, t) is var antecedent and >= 0)
            {
                votes[antecedent] += gender;
            }
        }
        var genders = new sbyte[votes.Length];
        for (int e = 0; e < votes.Length; e++)
        {
            genders[e] = (sbyte)Math.Sign(votes[e]);
        }
        return genders;
    }

    /// <summary>True when <paramref name="gender"/> of a person and a pronoun's <paramref name="wanted"/> do not disagree.</summary>
    public static bool Agree(sbyte gender, sbyte wanted) => gender == Unknown || wanted == Unknown || gender == wanted;

    /// <summary>The gender a word's class names (<c>he</c>, <c>Mrs.</c>), or <see cref="Unknown"/>.</summary>
    public static sbyte Of(WordClass wordClass) =>
        (wordClass & WordClass.Male) != 0 ? Man : (wordClass & WordClass.Female) != 0 ? Woman : Unknown;

    /// <summary>
    /// The person a sentence-opening <c>He</c> or <c>She</c> at <paramref name="t"/> surely stands for: the one person
    /// named outside quotation marks in the sentence before, when the name is not a possessive (<c>Anne's diary</c>) and
    /// the sentence names no one else by a noun for people (<c>Maldonado says her son was forced to leave. He left …</c>,
    /// <c>The Republican nominee linked … his opponent, Hillary Clinton. He said …</c>) other than in apposition to the
    /// name (<c>Jacob Zenn, an expert on the group, said …</c>), and speaks of no one as <c>he</c> or <c>she</c> before
    /// the name (<c>He used his speech to slam … where Jeb Bush is vulnerable. He also …</c>) nor as both after it
    /// (<c>Muffat, he said, was known as "madame 100%" because she …</c>); else -1.
    /// </summary>
    public static int SubjectBefore(TextDocument document, EntityExtraction entities, bool[] quoted, int t)
    {
        int sentence = document.SentenceOfToken(t);
        if (sentence <= 0 || document.Sentences[sentence].FirstToken != t)
        {
            return -1;
        }
        var before = document.Sentences[sentence - 1];
        int subject = -1, apposition = -1;
        var pronouns = WordClass.None;
        for (int u = before.FirstToken; u < before.EndToken; u++)
        {
            if (quoted[u])
            {
                continue;
            }
            int m = entities.MentionAtToken(u);
            if (m < 0 || entities.Mentions[m].Type != EntityType.Person)
            {
                var wordClass = QuoteLexicon.Of(document[document.Tokens[u]]);
                pronouns |= wordClass & (WordClass.He | WordClass.She);
                if ((wordClass & (WordClass.He | WordClass.She)) != 0 && subject < 0
                    || (wordClass & WordClass.Person) != 0 && (apposition < 0 || u - apposition > MaxApposition))
                {
                    return -1;
                }
                continue;
            }
            int end = entities.Mentions[m].EndToken;
            if (subject >= 0 && entities.MentionEntity[m] != subject
                || end < before.EndToken && SourceResolver.IsPossessive(document[document.Tokens[end]]))
            {
                return -1;
            }
            subject = entities.MentionEntity[m];
            apposition = end < before.EndToken && document[document.Tokens[end]] is "," ? end : -1;
            u = end - 1;
        }
        return pronouns == (WordClass.He | WordClass.She) ? -1 : subject;
    }

    /// <summary>The words after a name's comma that may describe the name (<c>Jacob Zenn, an expert on …</c>).</summary>
    private const int MaxApposition = 4;

    /// <summary>The person entity whose mention holds the honorific at <paramref name="t"/> or starts right after it, or -1.</summary>
    private static int HonoredPerson(TextDocument document, EntityExtraction entities, int t)
    {
        foreach (int token in (ReadOnlySpan<int>)[t, t + 1])
        {
            int m = token < document.Tokens.Length ? entities.MentionAtToken(token) : -1;
            if (m >= 0 && entities.Mentions[m].Type == EntityType.Person)
            {
                return entities.MentionEntity[m];
            }
        }
        return -1;
    }
}

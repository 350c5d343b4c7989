using Pipeline.Entities.Tagging;
using Pipeline.Text;

namespace Pipeline.Quotes;

/// <summary>What the lexicons say about a word; several classes can hold at once (<c>reports</c>: a cue and a source noun).</summary>
[Flags]
internal enum WordClass : uint
{
    None = 0,
    /// <summary>A verb of saying: <c>said</c>, <c>told</c>, <c>argued</c>.</summary>
    SpeechVerb = 1 << 0,
    /// <summary>A verb of belief, intention, judgement or evidence: <c>wants</c>, <c>criticized</c>, <c>shows</c>.</summary>
    StanceVerb = 1 << 1,
    /// <summary>A verb whose content is often its object (<c>praised the bill</c>), or one that acts on things.</summary>
    ObjectVerb = 1 << 2,
    /// <summary>Past tense or participle of a listed verb.</summary>
    Past = 1 << 3,
    /// <summary>Third-person present of a listed verb.</summary>
    Third = 1 << 4,
    /// <summary>-ing form of a listed verb.</summary>
    Ing = 1 << 5,
    /// <summary>A present form that is a common noun too (<c>plans</c>, <c>claims</c>).</summary>
    AlsoNoun = 1 << 6,
    /// <summary>A noun that heads a description of a source: <c>spokesman</c>, <c>officials</c>, <c>the study</c>.</summary>
    SpeakerNoun = 1 << 7,
    He = 1 << 8,
    She = 1 << 9,
    They = 1 << 10,
    It = 1 << 11,
    /// <summary><c>I</c>, <c>we</c>.</summary>
    FirstPerson = 1 << 12,
    /// <summary><c>you</c>.</summary>
    SecondPerson = 1 << 13,
    /// <summary>Other first- or second-person forms: <c>me</c>, <c>our</c>, <c>your</c>.</summary>
    FirstOrSecondWord = 1 << 14,
    /// <summary>Opens a noun phrase: <c>a</c>, <c>the</c>, <c>his</c>.</summary>
    Determiner = 1 << 15,
    /// <summary>A present-tense verb that tells the sentence's tense: <c>is</c>, <c>have</c>, <c>will</c>.</summary>
    Present = 1 << 16,
    /// <summary>A past-tense verb that tells the sentence's tense: <c>was</c>, <c>had</c>.</summary>
    PastTense = 1 << 17,
    /// <summary>A cue that names the channel of someone's words: <c>according</c> (to his office).</summary>
    Relay = 1 << 18,
    /// <summary>A word that joins clauses or phrases (<c>and</c>, <c>but</c>, <c>who</c>): a source's description never runs across it.</summary>
    Joins = 1 << 19,
    /// <summary>A preposition that attaches a noun phrase to the noun before it (<c>a spokeswoman for the bank</c>).</summary>
    Attaches = 1 << 20,
    /// <summary>A relative pronoun that stands for the noun before it (<c>Jake Sullivan, who said</c>).</summary>
    Relative = 1 << 21,
    /// <summary>A verb of mood (<c>would</c>, <c>could</c>): a speaker's description never runs across it.</summary>
    Modal = 1 << 22,
    /// <summary>A preposition that names whose the words are (<c>a statement from the mayor</c>).</summary>
    Origin = 1 << 23,
    /// <summary>A noun that names people (<c>spokesman</c>, <c>officials</c>, <c>mother</c>), not a document or a body.</summary>
    Person = 1 << 24,
    /// <summary><c>and</c>, <c>or</c>: two source nouns joined by it share one description (<c>the family and friends</c>).</summary>
    Coordinates = 1 << 25,
    /// <summary>Opens a subject as a determiner does, though the models do not read it as one (<c>one reader wrote</c>).</summary>
    Opens = 1 << 26,
    /// <summary>A word that tells its person is a man: <c>he</c>, <c>Mr.</c> (<c>gender-words.txt</c>).</summary>
    Male = 1 << 27,
    /// <summary>A word that tells its person is a woman: <c>she</c>, <c>Mrs.</c> (<c>gender-words.txt</c>).</summary>
    Female = 1 << 28,
    /// <summary>A title that stands before a name and tells its gender: <c>Mr.</c>, <c>Ms.</c> (<c>gender-words.txt</c>).</summary>
    Honorific = 1 << 29,
    /// <summary>A determiner that is a subject by itself: <c>some</c> said, <c>many</c> believe (not <c>the</c>, <c>his</c>).</summary>
    Alone = 1 << 30,
    /// <summary>A word that stands for something said elsewhere (<c>him</c>, <c>what</c>, <c>this</c>), never what was said by itself.</summary>
    Bare = 1u << 31,
}

/// <summary>
/// The word lists behind the quote model's word classes (cue verbs in every inflection, source nouns, pronouns, determiners),
/// read once from the embedded files in <c>Quotes/Lexicons</c>. Keyed by the lower-cased word's
/// <see cref="FeatureHash.LowerChars"/>, the hash the features compute anyway, so a lookup costs one probe.
/// </summary>
internal static class QuoteLexicon
{
    private static readonly Lazy<(HashIndex Classes, int LongestGenderWord)> Lists = new(Load);

    /// <summary>The classes of the word whose lower-cased hash is <paramref name="lowerHash"/>.</summary>
    public static WordClass Of(ulong lowerHash) => (WordClass)Lists.Value.Classes.Get(lowerHash, 0);

    public static WordClass Of(ReadOnlySpan<char> word) => Of(FeatureHash.LowerChars(word));

    /// <summary>Any verb class: a token that may be a cue.</summary>
    public const WordClass Verb = WordClass.SpeechVerb | WordClass.StanceVerb;

    /// <summary>Classes the models never see: they only steer what is done with a decision afterwards.</summary>
    public const WordClass NotFeatures = WordClass.Relay | WordClass.Joins | WordClass.Attaches | WordClass.Relative
        | WordClass.Modal | WordClass.Origin | WordClass.Person | WordClass.Coordinates | WordClass.Opens | WordClass.Male | WordClass.Female
        | WordClass.Honorific | WordClass.Alone | WordClass.Bare;

    /// <summary>
    /// Classes of words that say nothing by themselves: a quote of only these (<c>it</c>, <c>that</c>, <c>what</c>,
    /// <c>the</c>) tells a reader nothing of what was said. The speaker's own voice does (<c>"I would," she said</c>).
    /// </summary>
    public const WordClass SaysNothing = ThirdPersonPronoun | WordClass.Determiner | WordClass.Joins | WordClass.Attaches
        | WordClass.Relative | WordClass.Opens | WordClass.Alone | WordClass.Bare;

    /// <summary>A pronoun that may stand for a source.</summary>
    public const WordClass ThirdPersonPronoun = WordClass.He | WordClass.She | WordClass.They | WordClass.It;

    /// <summary>The length of the longest word in <c>gender-words.txt</c>: a longer token tells no gender, unhashed.</summary>
    public static int LongestGenderWord => Lists.Value.LongestGenderWord;

    private static (HashIndex, int) Load()
    {
        int longestGenderWord = 0;
        var classes = new Dictionary<string, WordClass>(StringComparer.Ordinal);
        foreach (var fields in Lines("cue-verbs.txt"))
        {
            var verb = fields[0];
            var kind = fields[1] switch
            {
                "speech" => WordClass.SpeechVerb,
                "stance" => WordClass.StanceVerb,
                _ => WordClass.None,
            };
            int firstPast = 2;
            if (fields.Length > 2 && fields[2] == "object")
            {
                kind |= WordClass.ObjectVerb;
                firstPast = 3;
            }
            Add(classes, verb, kind);
            Add(classes, VerbInflections.Third(verb), kind | WordClass.Third);
            Add(classes, VerbInflections.Ing(verb, fields.AsSpan(firstPast)), kind | WordClass.Ing);
            if (fields.Length > firstPast)
            {
                foreach (var past in fields.AsSpan(firstPast))
                {
                    Add(classes, past, kind | WordClass.Past);
                }
            }
            else
            {
                Add(classes, VerbInflections.Past(verb), kind | WordClass.Past);
            }
        }
        foreach (var fields in Lines("noun-forms.txt"))
        {
            Add(classes, fields[0], WordClass.AlsoNoun);
        }
        foreach (var fields in Lines("speaker-nouns.txt"))
        {
            Add(classes, fields[0], fields.Length == 1 ? WordClass.SpeakerNoun : fields[1] switch
            {
                "person" => WordClass.SpeakerNoun | WordClass.Person,
                var mark => throw new InvalidDataException($"speaker-nouns.txt: unknown mark '{mark}' for '{fields[0]}'."),
            });
        }
        foreach (var fields in Lines("people-nouns.txt"))
        {
            Add(classes, fields[0], WordClass.Person);
        }
        foreach (var fields in Lines("function-words.txt"))
        {
            foreach (var name in fields.AsSpan(1))
            {
                Add(classes, fields[0], name switch
                {
                    "he" => WordClass.He,
                    "she" => WordClass.She,
                    "they" => WordClass.They,
                    "it" => WordClass.It,
                    "first" => WordClass.FirstPerson,
                    "second" => WordClass.SecondPerson,
                    "determiner" => WordClass.Determiner,
                    "relay" => WordClass.Relay,
                    "joins" => WordClass.Joins,
                    "attaches" => WordClass.Attaches,
                    "relative" => WordClass.Relative,
                    "modal" => WordClass.Modal,
                    "origin" => WordClass.Origin,
                    "coordinates" => WordClass.Coordinates,
                    "opens" => WordClass.Opens,
                    "alone" => WordClass.Alone,
                    "bare" => WordClass.Bare,
                    "first-word" or "second-word" => WordClass.FirstOrSecondWord,
                    _ => throw new InvalidDataException($"function-words.txt: unknown class '{name}' for '{fields[0]}'."),
                });
            }
        }
        foreach (var fields in Lines("gender-words.txt"))
        {
            longestGenderWord = Math.Max(longestGenderWord, fields[0].Length);
            var gender = fields[1] switch
            {
                "male" => WordClass.Male,
                "female" => WordClass.Female,
                var mark => throw new InvalidDataException($"gender-words.txt: unknown gender '{mark}' for '{fields[0]}'."),
            };
            Add(classes, fields[0], fields[2] switch
            {
                "pronoun" => gender,
                "honorific" => gender | WordClass.Honorific,
                var kind => throw new InvalidDataException($"gender-words.txt: unknown kind '{kind}' for '{fields[0]}'."),
            });
        }
        foreach (var fields in Lines("tense-words.txt"))
        {
            Add(classes, fields[0], fields[1] == "past" ? WordClass.PastTense : WordClass.Present);
        }
        var index = new HashIndex(classes.Count);
        foreach (var (word, wordClass) in classes)
        {
            index.Set(FeatureHash.LowerChars(word), (int)wordClass);
        }
        return (index, longestGenderWord);
    }

    /// <summary>A verb of saying wins over one of stance; other classes add up.</summary>
    private static void Add(Dictionary<string, WordClass> classes, string word, WordClass wordClass)
    {
        classes.TryGetValue(word, out var existing);
        var merged = existing | wordClass;
        if ((merged & WordClass.SpeechVerb) != 0)
        {
            merged &= ~WordClass.StanceVerb;
        }
        classes[word] = merged;
    }

    /// <summary>The set phrases that attribute nothing (<c>set-phrases.txt</c>), each as the lower-case hashes of its tokens.</summary>
    public static IReadOnlyList<ulong[]> SetPhrases => Phrases.Value;

    private static readonly Lazy<ulong[][]> Phrases = new(() =>
        Lines("set-phrases.txt").Select(words => Array.ConvertAll(words, word => FeatureHash.LowerChars(word))).ToArray());

    private static IEnumerable<string[]> Lines(string file) =>
        WordLists.Lines(typeof(QuoteLexicon).Assembly, "Pipeline.Quotes.Lexicons." + file).Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries));
}

using System.Collections.Frozen;

namespace Pipeline.Quotes;

/// <summary>How strongly a verb signals an attribution, which decides what it needs around it.</summary>
internal enum CueStrength : byte
{
    /// <summary>Not a cue.</summary>
    None,
    /// <summary>
    /// A verb of belief, intention, judgement or evidence (<c>wants</c>, <c>criticized</c>, <c>shows</c>): an
    /// attribution only after a subject that names a speaker, and never closing a sentence (<c>…, X wants</c>).
    /// </summary>
    Stance,
    /// <summary>A verb of saying (<c>said</c>, <c>told</c>, <c>argued</c>): may follow its content or its subject.</summary>
    Speech,
}

/// <summary>The inflection of a cue form; present forms are often nouns too (<c>claims</c>, <c>plans</c>, <c>support</c>).</summary>
internal enum CueForm : byte
{
    Base,
    Third,
    Past,
    Ing,
}

/// <summary>A cue word form: its strength and inflection.</summary>
internal readonly record struct CueWord(CueStrength Strength, CueForm Form, bool TakesObject = false)
{
    public bool IsCue => Strength != CueStrength.None;
}

/// <summary>
/// Verbs that attribute content to a source, in every inflection. The lists follow the verb classes of
/// communication, judgement and cognition in English (say/tell, praise/blame, believe/want, show/find), as in
/// PARC- and PolNeAR-style attribution: beliefs, intentions and reports count, not only speech.
/// </summary>
internal static class CueVerbs
{
    /// <summary>Verbs of saying: attributions in every position.</summary>
    private static readonly string[] SpeechVerbs =
    [
        "say", "tell", "add", "note", "stress", "explain", "ask", "write", "warn", "insist", "argue", "claim", "declare",
        "announce", "acknowledge", "admit", "recall", "reply", "emphasize", "emphasise", "state", "respond", "remark",
        "observe", "concede", "contend", "maintain", "predict", "promise", "vow", "tweet", "testify", "confirm", "deny",
        "caution", "complain", "reiterate", "assert", "allege", "quip", "joke", "shout", "yell", "answer", "boast",
        "brag", "lament", "plead", "pledge", "conclude", "reveal", "disclose", "muse", "opine", "counter", "retort",
        "interject", "recount", "report", "email", "proclaim", "exclaim", "whisper", "mutter", "scream", "sing",
        "chant", "comment", "elaborate", "surmise", "speculate", "agree", "estimate", "mention", "suggest",
        "point", "charge", "scold", "demand", "urge", "inform", "assure", "reassure", "remind", "advise", "concur",
        "echo", "affirm", "attest", "posit", "hint", "write", "tout", "repeat", "snap", "grumble", "gush", "marvel",
    ];

    /// <summary>Verbs of belief, intention, judgement and evidence.</summary>
    private static readonly string[] StanceVerbs =
    [
        "believe", "think", "feel", "fear", "hope", "worry", "expect", "know", "reckon", "suspect", "assume", "realize",
        "realise", "understand", "doubt", "want", "wish", "plan", "intend", "aim", "prefer", "refuse", "decline",
        "threaten", "seek", "propose", "recommend", "offer", "support", "endorse", "oppose", "favor", "favour",
        "advocate", "criticize", "criticise", "blast", "slam", "attack", "condemn", "denounce", "praise", "laud",
        "hail", "applaud", "blame", "accuse", "fault", "mock", "ridicule", "deride", "call", "describe",
        "label", "dub", "brand", "characterize", "portray", "compare", "liken", "cite", "invoke", "quote", "highlight",
        "defend", "question", "dispute", "challenge", "reject", "dismiss", "show", "find", "indicate", "suggest",
        "imply", "signal", "forecast", "calculate", "determine", "rule", "decide", "learn", "discover",
        "hear", "encourage", "exhort", "implore", "beg", "instruct", "request", "thank", "credit",
        "promote", "press", "lobby", "tweet", "acknowledge", "blame", "slam", "chide",
        "rebuke", "lambast", "lambaste", "decry", "bemoan", "deplore", "disparage", "belittle", "ridicule", "taunt",
        "insult", "commend", "congratulate", "celebrate", "reaffirm", "rule", "pressure",
        "outline", "unveil", "discuss", "emphasize",
        "admire", "envision", "imagine", "consider", "regard", "view", "see", "deem", "term", "rate",
        "confirm", "illustrate", "predict", "anticipate", "figure", "guess",
        "talk", "speak", "refer", "reference", "link", "express", "underscore", "retweet", "chastise", "grill",
        "rail", "extol", "compliment", "convince", "persuade", "pitch", "bristle", "voice", "weigh", "float", "tout",
        "resent", "despise", "fret", "brush", "downplay", "acknowledge", "concede", "doubt", "wonder",
    ];

    /// <summary>
    /// Verbs whose content is their object, not a clause (<c>attacked Machado in early-morning tweets</c>: the
    /// content is <c>Machado</c>), unless a clause or an infinitive follows.
    /// </summary>
    private static readonly FrozenSet<string> ObjectVerbs = FrozenSet.Create(
        StringComparer.Ordinal,
        "attack", "cite", "criticize", "criticise", "praise", "condemn", "blast", "slam", "mock", "ridicule", "deride",
        "denounce", "blame", "accuse", "fault", "defend", "support", "back", "endorse", "oppose", "favor", "favour",
        "advocate", "welcome", "thank", "credit", "call", "describe", "label", "dub", "brand", "characterize", "portray",
        "compare", "liken", "invoke", "quote", "highlight", "question", "dispute", "challenge", "reject", "dismiss",
        "mention", "tout", "promote", "push", "press", "lobby", "discuss", "outline", "unveil", "admire", "envision",
        "consider", "regard", "view", "deem", "term", "commend", "congratulate", "celebrate", "embrace", "chide",
        "rebuke", "lambast", "lambaste", "decry", "bemoan", "deplore", "disparage", "belittle", "taunt", "insult",
        "scold", "request", "propose", "recommend", "offer", "seek", "demand", "invite", "encourage", "exhort", "urge",
        "instruct", "pressure", "lament", "reiterate", "repeat", "echo", "announce", "reveal", "disclose", "detail");

    /// <summary>Past forms that do not follow the -ed rule.</summary>
    private static readonly FrozenDictionary<string, string[]> Irregular = new Dictionary<string, string[]>
    {
        ["say"] = ["said"], ["tell"] = ["told"], ["write"] = ["wrote", "written"], ["think"] = ["thought"],
        ["find"] = ["found"], ["know"] = ["knew", "known"], ["see"] = ["saw", "seen"], ["feel"] = ["felt"],
        ["understand"] = ["understood"], ["sing"] = ["sang", "sung"], ["hear"] = ["heard"], ["seek"] = ["sought"],
        ["show"] = ["showed", "shown"], ["rip"] = ["ripped"], ["snap"] = ["snapped"], ["beg"] = ["begged"],
        ["dub"] = ["dubbed"], ["slam"] = ["slammed"], ["plan"] = ["planned"], ["admit"] = ["admitted"],
        ["quip"] = ["quipped"], ["mutter"] = ["muttered"], ["prefer"] = ["preferred"], ["confer"] = ["conferred"],
        ["label"] = ["labeled", "labelled"], ["speak"] = ["spoke", "spoken"], ["counsel"] = ["counseled", "counselled"], ["learn"] = ["learned", "learnt"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, CueWord>.AlternateLookup<ReadOnlySpan<char>> Forms = Build().GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Present forms that are common nouns too (<c>battleground states</c>, <c>his plans</c>).</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Nouns = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "states", "reports", "report", "claims", "claim", "calls", "call", "plans", "plan", "shows", "show", "notes", "note",
        "charges", "charge", "demands", "demand", "promises", "promise", "answers", "answer", "comments", "comment",
        "press", "support", "supports", "offer", "offers", "order", "quote", "quotes", "rules", "rule", "signals",
        "signal", "views", "view", "doubts", "doubt", "fears", "fear", "hopes", "hope", "wishes", "wish", "worries",
        "worry", "questions", "question", "attacks", "attack", "praise", "blame", "echoes", "echo", "points", "point",
        "tweets", "tweet", "posts", "post", "emails", "email", "reads", "request", "requests", "records", "pledge",
        "pledges", "vows", "vow", "estimates", "estimate", "findings", "needs", "aims", "aim", "push", "pushes",
        "pressure", "challenge", "challenges", "dispute", "disputes", "welcome", "reply", "replies", "defense",
        "insults", "insult", "credit", "credits", "release", "outlines", "outline", "document", "documents", "thanks")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// True for <c>talk</c> and <c>speak</c>, cues only with what they are about (<c>spoke about</c>, <c>talked
    /// of</c>), not when they only report a speech (<c>spoke to a gathering</c>).
    /// </summary>
    public static bool NeedsTopic(ReadOnlySpan<char> word) =>
        word.StartsWith("talk", StringComparison.OrdinalIgnoreCase) || word.StartsWith("spea", StringComparison.OrdinalIgnoreCase)
        || word.StartsWith("spok", StringComparison.OrdinalIgnoreCase);

    /// <summary>True for a present form that is a common noun too.</summary>
    public static bool IsAlsoNoun(ReadOnlySpan<char> word) => Nouns.Contains(word);

    /// <summary>
    /// The cue a word is, if any. A capitalized form counts only when <paramref name="capitalized"/> allows it (a
    /// sentence's first word): "State" in "the State of the Union" is a name.
    /// </summary>
    public static CueWord Of(ReadOnlySpan<char> word, bool capitalized = false) =>
        word.Length is > 2 and < 16 && (capitalized || !char.IsUpper(word[0]) || char.IsUpper(word[1])) && Forms.TryGetValue(word, out var cue) ? cue : default;

    private static FrozenDictionary<string, CueWord> Build()
    {
        var forms = new Dictionary<string, CueWord>(StringComparer.OrdinalIgnoreCase);
        // Stance verbs first, so a verb in both lists ends up a verb of saying.
        foreach (var verb in StanceVerbs)
        {
            AddForms(forms, verb, CueStrength.Stance);
        }
        foreach (var verb in SpeechVerbs)
        {
            AddForms(forms, verb, CueStrength.Speech);
        }
        return forms.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
    }

    private static void AddForms(Dictionary<string, CueWord> forms, string verb, CueStrength strength)
    {
        bool takesObject = ObjectVerbs.Contains(verb);
        forms[verb] = new CueWord(strength, CueForm.Base, takesObject);
        forms[VerbInflections.Third(verb)] = new CueWord(strength, CueForm.Third, takesObject);
        forms[VerbInflections.Ing(verb, Irregular.TryGetValue(verb, out var irregular) ? irregular : [])] = new CueWord(strength, CueForm.Ing, takesObject);
        if (Irregular.TryGetValue(verb, out var past))
        {
            foreach (var form in past)
            {
                forms[form] = new CueWord(strength, CueForm.Past, takesObject);
            }
        }
        else
        {
            forms[VerbInflections.Past(verb)] = new CueWord(strength, CueForm.Past, takesObject);
        }
    }
}

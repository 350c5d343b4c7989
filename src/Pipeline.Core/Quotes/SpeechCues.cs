using System.Collections.Frozen;

namespace Pipeline.Quotes;

/// <summary>Verbs that attribute speech, and the words that may name or stand for a speaker.</summary>
internal static class SpeechCues
{
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Verbs = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "said", "says", "say", "told", "tells", "added", "adds", "noted", "notes", "stressed", "stresses",
        "explained", "explains", "asked", "asks", "wrote", "writes", "warned", "warns", "insisted", "insists",
        "argued", "argues", "claimed", "claims", "declared", "declares", "announced", "announces", "acknowledged",
        "acknowledges", "admitted", "admits", "recalled", "recalls", "replied", "replies", "continued", "continues",
        "emphasized", "emphasised", "emphasizes", "insisted", "suggested", "suggests", "stated", "states",
        "responded", "responds", "remarked", "observed", "conceded", "concedes", "contended", "maintained",
        "maintains", "predicted", "predicts", "promised", "promises", "vowed", "vows", "urged", "urges",
        "tweeted", "posted", "testified", "confirmed", "confirms", "denied", "denies", "cautioned", "complained",
        "described", "describes", "pointed", "reiterated", "reiterates", "believes", "believed", "thinks", "thought",
        "saying", "adding", "asking", "noting", "telling", "writing", "tweeting", "arguing", "insisting", "warning",
        "asserted", "asserts", "alleged", "alleges", "charged", "quipped", "joked", "shouted", "yelled", "replied",
        "answered", "boasted", "bragged", "lamented", "pleaded", "demanded", "demands", "pledged", "pledges",
        "concluded", "revealed", "disclosed", "hinted", "mused", "wondered", "explained", "sang", "sings", "chanted",
        "chanting", "read", "reads", "wrote", "opined", "countered", "retorted", "interjected", "recounted",
        "claiming", "accusing", "accused", "accuses", "criticized", "criticizes", "praised", "praises", "mocked",
        "ruled", "found", "concluded", "reported", "reports", "announcing", "encouraged", "encouraging", "touted",
        "tweets", "posts", "emailed", "texted", "testifies", "declares", "proclaimed", "proclaims", "stating")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Verbs that introduce a quotation in marks but not reported speech on their own: <c>called it "a con"</c>.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> MarkedOnlyVerbs = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "called", "calls", "calling", "describing", "dubbed", "labeled", "labelled", "branded", "termed", "deemed",
        "promising", "promised", "urging", "calling", "declaring", "vowing", "chanting", "singing", "shouting")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Verbs that, followed by a clause, report speech (<c>stressed that …</c>); a subset of <see cref="Verbs"/>.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NeedsThat = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "noted", "notes", "stressed", "stresses", "warned", "warns", "insisted", "insists", "argued", "argues",
        "claimed", "claims", "declared", "announced", "acknowledged", "admitted", "emphasized", "emphasised",
        "suggested", "stated", "conceded", "contended", "maintained", "predicted", "promised", "vowed",
        "testified", "confirmed", "denied", "cautioned", "complained", "pointed", "reiterated", "believes",
        "believed", "thinks", "thought", "recalled", "explained", "added", "wrote", "asked", "replied")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SpeakerNouns = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "spokesperson", "spokesman", "spokeswoman", "spokespeople", "official", "officials", "source", "sources",
        "aide", "aides", "adviser", "advisers", "advisor", "advisors", "statement", "reading", "readout",
        "administration", "government", "ministry", "office", "police", "authorities", "analysts", "analyst",
        "experts", "expert", "lawmakers", "lawmaker", "diplomats", "diplomat", "witnesses", "witness",
        "residents", "resident", "people", "leaders", "leader", "campaign", "report", "reports", "study",
        "critics", "supporters", "senator", "senators", "president", "minister", "secretary", "spokesmen",
        "officer", "officers", "representatives", "representative", "agency", "department", "military",
        "army", "prosecutors", "investigators", "doctors", "observers", "organizers", "members", "member")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsVerb(ReadOnlySpan<char> word) => Verbs.Contains(word);

    /// <summary>A verb that may introduce a quotation in marks (all speech verbs and a few naming verbs).</summary>
    public static bool IntroducesMarkedQuote(ReadOnlySpan<char> word) => Verbs.Contains(word) || MarkedOnlyVerbs.Contains(word);

    /// <summary>Cue verbs that report speech only before <c>that</c> (<c>noted that</c>, not <c>noted some irony</c>).</summary>
    public static bool NeedsThatClause(ReadOnlySpan<char> word) => NeedsThat.Contains(word);

    public static bool IsSpeakerNoun(ReadOnlySpan<char> word) => SpeakerNouns.Contains(word);

    public static bool IsPersonPronoun(ReadOnlySpan<char> word) =>
        word.Equals("he", StringComparison.OrdinalIgnoreCase) || word.Equals("she", StringComparison.OrdinalIgnoreCase);

    public static bool IsPluralPronoun(ReadOnlySpan<char> word) => word.Equals("they", StringComparison.OrdinalIgnoreCase);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> FirstOrSecondPerson = FrozenSet.Create(
        StringComparer.Ordinal,
        "I", "I'm", "I've", "I'd", "I'll", "I’m", "I’ve", "I’d", "I’ll", "me", "my", "mine", "myself", "we", "We", "us", "our",
        "Our", "ours", "ourselves", "you", "You", "your", "Your", "yours", "yourself", "My")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// First- and second-person words: a sentence holding them, next to a quote, usually continues it. Case matters:
    /// "US" is the country, not "us".
    /// </summary>
    public static bool IsFirstOrSecondPerson(ReadOnlySpan<char> word) => FirstOrSecondPerson.Contains(word);
}

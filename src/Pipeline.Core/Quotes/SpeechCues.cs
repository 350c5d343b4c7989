using System.Collections.Frozen;

namespace Pipeline.Quotes;

/// <summary>The words that may name or stand for a speaker, and the person of pronouns.</summary>
internal static class SpeechCues
{
    /// <summary>Nouns that head a description of a source: <c>a White House spokesperson</c>, <c>the study</c>, <c>critics</c>.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SpeakerNouns = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "spokesperson", "spokesman", "spokeswoman", "spokespeople", "spokesmen", "official", "officials", "source",
        "sources", "aide", "aides", "adviser", "advisers", "advisor", "advisors", "statement", "reading", "readout",
        "administration", "government", "ministry", "office", "police", "authorities", "analysts", "analyst",
        "experts", "expert", "lawmakers", "lawmaker", "diplomats", "diplomat", "witnesses", "witness", "residents",
        "resident", "people", "leaders", "leader", "campaign", "report", "reports", "study", "studies", "critics",
        "critic", "supporters", "supporter", "senator", "senators", "president", "minister", "secretary", "officer",
        "officers", "representatives", "representative", "agency", "department", "military", "army", "prosecutors",
        "prosecutor", "investigators", "doctors", "doctor", "observers", "organizers", "members", "member", "nominee",
        "candidate", "candidates", "governor", "mayor", "chairman", "chairwoman", "chair", "director", "executive",
        "executives", "attorney", "attorneys", "lawyer", "lawyers", "economist", "economists", "historian",
        "scholar", "scholars", "professor", "researchers", "researcher", "scientists", "poll", "polls", "survey",
        "analysis", "data", "memo", "letter", "complaint", "lawsuit", "filing", "filings", "documents", "document",
        "records", "record", "transcript", "article", "story", "editorial", "column", "newspaper", "paper", "network",
        "group", "groups", "organization", "committee", "panel", "court", "judge", "justices", "commission", "board",
        "council", "union", "company", "firm", "bank", "website", "site", "voters", "voter", "respondents", "Americans",
        "activists", "protesters", "demonstrators", "families", "family", "friends", "friend", "colleagues", "allies",
        "opponents", "rivals", "Republicans", "Democrats", "conservatives", "liberals", "insiders", "operatives",
        "strategists", "pollster", "pollsters", "spokespersons", "surrogates", "manager", "chief", "commissioner",
        "ambassador", "envoy", "general", "host", "anchor", "moderator", "reporter", "reporters", "journalist",
        "journalists", "writer", "author", "authors", "founder", "owner", "partner", "coalition", "party",
        "caucus", "delegation", "percent", "majority", "minority", "estimate", "estimates", "figures", "numbers",
        "statistics", "findings", "review", "audit", "investigation", "ad", "ads", "video", "release", "brief",
        "ruling", "decision", "everyone", "nobody", "someone", "somebody", "anyone", "many", "others", "some",
        "both", "most", "few", "several", "all", "one", "speaker", "leadership", "staff", "staffers", "team",
        "camp", "city", "county", "town", "state", "states", "country", "countries", "nation", "nations", "school",
        "university", "district", "agencies", "institute", "foundation", "center", "association", "alliance", "coalition",
        "newspapers", "papers", "media", "press", "editors", "editor", "columnist", "pundits", "scientists", "physicians",
        "book", "film", "documentary", "tweet", "post", "blog", "outlet", "magazine")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    public static bool IsSpeakerNoun(ReadOnlySpan<char> word) => SpeakerNouns.Contains(word);

    public static bool IsPersonPronoun(ReadOnlySpan<char> word) =>
        word.Equals("he", StringComparison.OrdinalIgnoreCase) || word.Equals("she", StringComparison.OrdinalIgnoreCase);

    public static bool IsPluralPronoun(ReadOnlySpan<char> word) => word.Equals("they", StringComparison.OrdinalIgnoreCase);

    /// <summary>The writer or the audience as a source: <c>I</c>, <c>we</c>, <c>you</c> (op-eds, letters).</summary>
    public static bool IsFirstOrSecondPersonSubject(ReadOnlySpan<char> word) =>
        word is "I" || word.Equals("we", StringComparison.OrdinalIgnoreCase) || word.Equals("you", StringComparison.OrdinalIgnoreCase);

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

using System.Collections.Frozen;

namespace Pipeline.Summaries;

/// <summary>
/// English function words and news reporting verbs, lower-case: words that say nothing about what a sentence
/// is about, so centrality and key phrases skip them.
/// </summary>
public static class Stopwords
{
    private static readonly FrozenSet<string> Words = FrozenSet.Create(StringComparer.Ordinal,
        "a", "about", "above", "after", "again", "against", "all", "am", "an", "and", "any", "are", "aren't", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "cannot", "could",
        "did", "do", "does", "doing", "down", "during", "each", "few", "for", "from", "further", "had", "has", "have",
        "having", "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "i", "if", "in", "into", "is",
        "it", "its", "itself", "just", "me", "more", "most", "my", "myself", "no", "nor", "not", "now", "of", "off", "on",
        "once", "only", "or", "other", "our", "ours", "ourselves", "out", "over", "own", "same", "she", "should", "so",
        "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there", "these", "they",
        "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were", "what", "when",
        "where", "which", "while", "who", "whom", "why", "will", "with", "would", "you", "your", "yours", "yourself",
        "yourselves", "also", "may", "might", "must", "shall", "us", "said", "says", "say", "told", "tell", "according",
        "mr", "mrs", "ms", "dr", "one", "many", "much", "even", "still", "yet", "however", "since", "though", "although",
        "among", "around", "across", "along", "within", "without", "upon", "per", "via", "like", "well", "back", "get",
        "got", "go", "going", "went", "make", "made", "take", "took", "come", "came", "know", "think", "thought", "see",
        "want", "way", "thing", "things", "lot", "every", "another", "something", "anything", "nothing", "everything",
        "someone", "anyone", "everyone", "whether", "either", "neither", "s", "t", "d", "ll", "m", "re", "ve", "don",
        "didn", "doesn", "isn", "wasn", "weren", "won", "wouldn", "couldn", "shouldn", "hasn", "haven", "hadn", "ain",
        "n't", "'s", "lrb", "rrb", "lsb", "rsb", "cnn", "new", "two", "three", "first", "last", "year", "years", "time",
        "people", "week", "day", "days", "added", "including", "later", "ago", "yesterday", "today", "monday",
        "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "really", "need", "used", "use");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True for a lower-case stopword.</summary>
    public static bool Contains(ReadOnlySpan<char> lowerWord) => Lookup.Contains(lowerWord);
}

using System.Collections.Frozen;
using Pipeline.Text;

namespace Pipeline.Summaries;

/// <summary>
/// English function words and news reporting verbs, lower-case: words that say nothing about what a sentence
/// is about, so centrality and key phrases skip them (<c>Lexicons/stopwords.txt</c>).
/// </summary>
public static class Stopwords
{
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Lookup = WordLists.Set(typeof(Stopwords).Assembly, "Pipeline.Summaries.Lexicons.stopwords.txt", StringComparer.Ordinal);

    /// <summary>True for a lower-case stopword.</summary>
    public static bool Contains(ReadOnlySpan<char> lowerWord) => Lookup.Contains(lowerWord);
}

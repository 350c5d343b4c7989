namespace Pipeline.Summaries;

/// <summary>A phrase that says what an article is about: a name (<c>Benjamin Netanyahu</c>) or a noun phrase (<c>humanitarian aid</c>).</summary>
/// <param name="Text">The phrase as the article writes it (its most frequent spelling; the fullest form of a name).</param>
/// <param name="Score">Rank score; higher is more central. Comparable within one article only.</param>
/// <param name="Count">How often the article mentions it (for a name, with its shorter forms: <c>Netanyahu</c>).</param>
public sealed record KeyPhrase(string Text, double Score, int Count);

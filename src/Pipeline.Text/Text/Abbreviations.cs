using System.Collections.Frozen;

namespace Pipeline.Text;

/// <summary>Words that take a period without ending a sentence.</summary>
internal static class Abbreviations
{
    /// <summary>Titles before a name: a sentence never ends on them.</summary>
    private static readonly List<string> Titles = WordLists.Lines(typeof(Abbreviations).Assembly, "Pipeline.Text.Lexicons.abbreviated-titles.txt");

    /// <summary>Other abbreviations; a sentence may still end on them (<c>… in the U.S. The next …</c>).</summary>
    private static readonly List<string> Others = WordLists.Lines(typeof(Abbreviations).Assembly, "Pipeline.Text.Lexicons.abbreviations.txt");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TitleLookup =
        Titles.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OtherLookup =
        Others.ToFrozenSet(StringComparer.Ordinal).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Titles and other abbreviations in any case, for lower-cased corpora (<c>mr. smith</c>, <c>sept. 5</c>).</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TitleLookupIgnoreCase =
        Titles.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OtherLookupIgnoreCase =
        Others.ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when <paramref name="word"/> (without its period) takes an abbreviation period.</summary>
    public static bool TakesPeriod(ReadOnlySpan<char> word) =>
        IsTitle(word) || OtherLookup.Contains(word) || IsInitial(word) || word.Contains('.');

    /// <summary><c>No.</c>, <c>Nos.</c>, <c>Vol.</c>, <c>p.</c> abbreviate only before a number ("No. 2"); "No." alone is the word.</summary>
    public static bool NeedsNumberAfter(ReadOnlySpan<char> word) =>
        word is "No" or "Nos" or "no" or "Vol" or "p" or "pp" or "Op" or "op";

    public static bool IsTitle(ReadOnlySpan<char> word) => TitleLookup.Contains(word);

    /// <summary><see cref="IsTitle"/> in any case: a lower-cased corpus writes <c>mr.</c> and <c>gov.</c>.</summary>
    public static bool IsTitleIgnoreCase(ReadOnlySpan<char> word) => TitleLookupIgnoreCase.Contains(word);

    /// <summary>
    /// Any known abbreviation or a single letter, in any case. Only for text known to be lower-cased, where
    /// <c>sun.</c> cannot be told from <c>Sun.</c>.
    /// </summary>
    public static bool TakesPeriodIgnoreCase(ReadOnlySpan<char> word) =>
        TitleLookupIgnoreCase.Contains(word) || OtherLookupIgnoreCase.Contains(word)
        || (word.Length == 1 && char.IsAsciiLetter(word[0])) || word.Contains('.');

    /// <summary>A single capital letter: an initial, as in <c>Harry S. Truman</c>.</summary>
    public static bool IsInitial(ReadOnlySpan<char> word) => word.Length == 1 && CharClass.IsUpper(word[0]);
}

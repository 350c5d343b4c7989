using System.Collections.Frozen;

namespace Pipeline.Text;

/// <summary>Words that take a period without ending a sentence.</summary>
internal static class Abbreviations
{
    /// <summary>Titles before a name: a sentence never ends on them.</summary>
    private static readonly FrozenSet<string> Titles = FrozenSet.Create(StringComparer.Ordinal,
        "Mr", "Mrs", "Ms", "Messrs", "Dr", "Prof", "Sen", "Sens", "Rep", "Reps", "Gov", "Gen", "Lt", "Col", "Sgt",
        "Capt", "Cpl", "Adm", "Cmdr", "Maj", "Brig", "Pvt", "Rev", "Hon", "Pres", "Supt", "Det", "Insp", "Atty",
        "Fr", "Sr", "Jr", "St", "Mt", "Ft", "Gens", "Lts", "Amb", "Del");

    /// <summary>Other abbreviations; a sentence may still end on them (<c>… in the U.S. The next …</c>).</summary>
    private static readonly FrozenSet<string> Others = FrozenSet.Create(StringComparer.Ordinal,
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "Mon", "Tue", "Tues", "Wed", "Thu", "Thurs", "Fri", "Sat", "Sun",
        "No", "Nos", "Vol", "vs", "etc", "Inc", "Corp", "Co", "Ltd", "Bros", "Ave", "Blvd", "Rd", "approx",
        "est", "al", "Dept", "Univ", "Assn", "Ariz", "Calif", "Colo", "Conn", "Fla", "Ga", "Ill", "Ind", "Kan",
        "Ky", "La", "Mass", "Md", "Mich", "Minn", "Miss", "Mo", "Mont", "Neb", "Nev", "Okla", "Ore", "Pa",
        "Tenn", "Tex", "Va", "Vt", "Wash", "Wis", "Wyo", "p", "pp", "ca", "cf", "Op", "op", "ed", "Ed", "eds");

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> TitleLookup =
        Titles.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OtherLookup =
        Others.GetAlternateLookup<ReadOnlySpan<char>>();

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

using System.Collections.Frozen;
using Pipeline.Text;

namespace Pipeline.Entities;

/// <summary>
/// Word lists of the entity resolver, of dates and of identities: text files beside this class (<see cref="WordLists"/>),
/// loaded once.
/// </summary>
internal static class EntityLexicons
{
    /// <summary>Words of titles and offices (<c>President</c>, <c>Sen.</c>, <c>Minister</c>), any case.</summary>
    public static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Titles { get; } = Load("titles.txt");

    /// <summary>Mr., Mrs., Ms., Miss: a name they open is a person's, whatever the tagger said. Matched as written.</summary>
    public static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Honorifics { get; } = Load("honorifics.txt", StringComparer.Ordinal);

    /// <summary>The entries of a list, comments and blank lines left out.</summary>
    public static List<string> Lines(string file) => WordLists.Lines(typeof(EntityLexicons).Assembly, "Pipeline.Entities.Lexicons." + file);

    /// <summary>A list as a set, matched without case unless <paramref name="comparer"/> says otherwise.</summary>
    public static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Load(string file, StringComparer? comparer = null) =>
        WordLists.Set(typeof(EntityLexicons).Assembly, "Pipeline.Entities.Lexicons." + file, comparer ?? StringComparer.OrdinalIgnoreCase);
}

using System.Collections.Frozen;

namespace Pipeline.Entities;

/// <summary>
/// Word lists of the entity resolver, one entry per line in text files embedded beside this class (<c>#</c> starts a
/// comment line), loaded once. The files say what is in a list; the code says how it is used.
/// </summary>
internal static class EntityLexicons
{
    /// <summary>Words of titles and offices (<c>President</c>, <c>Sen.</c>, <c>Minister</c>), any case.</summary>
    public static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Titles { get; } = Load("titles.txt");

    private static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Load(string file)
    {
        string name = "Pipeline.Entities.Lexicons." + file;
        using var stream = typeof(EntityLexicons).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded word list '{name}' is missing.");
        using var reader = new StreamReader(stream);
        var words = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            var word = line.Trim();
            if (word.Length > 0 && word[0] != '#')
            {
                words.Add(word);
            }
        }
        return FrozenSet.Create(StringComparer.OrdinalIgnoreCase, words.ToArray()).GetAlternateLookup<ReadOnlySpan<char>>();
    }
}

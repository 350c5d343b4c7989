using System.Collections.Frozen;

namespace Pipeline.Entities;

/// <summary>
/// Word lists of the entity resolver and of identities, one entry per line in text files embedded beside this class
/// (<c>#</c> starts a comment line), loaded once. The files say what is in a list; the code says how it is used.
/// </summary>
internal static class EntityLexicons
{
    /// <summary>Words of titles and offices (<c>President</c>, <c>Sen.</c>, <c>Minister</c>), any case.</summary>
    public static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Titles { get; } = Load("titles.txt");

    /// <summary>The entries of a list, comments and blank lines left out.</summary>
    public static List<string> Lines(string file)
    {
        string name = "Pipeline.Entities.Lexicons." + file;
        using var stream = typeof(EntityLexicons).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded word list '{name}' is missing.");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            line = line.Trim();
            if (line.Length > 0 && line[0] != '#')
            {
                lines.Add(line);
            }
        }
        return lines;
    }

    /// <summary>A list as a set, matched without case.</summary>
    public static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Load(string file) =>
        FrozenSet.Create(StringComparer.OrdinalIgnoreCase, [.. Lines(file)]).GetAlternateLookup<ReadOnlySpan<char>>();
}

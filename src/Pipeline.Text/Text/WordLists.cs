using System.Collections.Frozen;
using System.Reflection;

namespace Pipeline.Text;

/// <summary>
/// The project's word lists: text files embedded in the assembly whose code reads them (<c>Lexicons/*.txt</c> beside
/// that code), one entry per line, <c>#</c> starting a comment line. Each list is read once, by the class that owns
/// it; the files say what is in a list, the code how it is used.
/// </summary>
internal static class WordLists
{
    /// <summary>The entries of the list embedded in <paramref name="assembly"/> as <paramref name="resource"/>, trimmed; comments and blank lines left out.</summary>
    public static List<string> Lines(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The embedded word list '{resource}' is missing.");
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

    /// <summary>The entries of a list as a set that spans can be looked up in.</summary>
    public static FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Set(Assembly assembly, string resource, StringComparer comparer) =>
        FrozenSet.Create(comparer, [.. Lines(assembly, resource)]).GetAlternateLookup<ReadOnlySpan<char>>();
}

using System.Collections.Frozen;

namespace Pipeline.Entities.Identity;

/// <summary>
/// The word lists behind identities, in <c>Entities/Lexicons</c> with the resolver's (read once): titles before a
/// person's name (the resolver's own), suffixes after it, particles of surnames, and names that stand for the same
/// organization or place.
/// </summary>
internal sealed class NameLexicon
{
    /// <summary>The lists shipped with the library, loaded on first use.</summary>
    public static NameLexicon Default => Shipped.Value;

    private static readonly Lazy<NameLexicon> Shipped = new(() => new NameLexicon(
        EntityLexicons.Titles, EntityLexicons.Load("suffixes.txt"), EntityLexicons.Load("particles.txt"), Aliases(EntityLexicons.Lines("aliases.txt"))));

    private NameLexicon(FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> titles, FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> suffixes,
        FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> particles, FrozenDictionary<string, (EntityType Type, string Name)> aliases)
    {
        Titles = titles;
        Suffixes = suffixes;
        Particles = particles;
        this.aliases = aliases;
    }

    /// <summary>Titles and honorifics: not part of a person's name (case-insensitive).</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Titles { get; }

    /// <summary>Generational and other suffixes after a name (case-insensitive).</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Suffixes { get; }

    /// <summary>Lower-case words that belong to the surname after them.</summary>
    public FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Particles { get; }

    private readonly FrozenDictionary<string, (EntityType Type, string Name)> aliases;

    /// <summary>The canonical type and name of an organization or place known under several names (<c>U.S.</c>, <c>America</c>).</summary>
    public bool TryGetAlias(string name, out EntityType type, out string canonical)
    {
        if (aliases.TryGetValue(AliasForm(name), out var found))
        {
            (type, canonical) = found;
            return true;
        }
        (type, canonical) = (default, "");
        return false;
    }

    /// <summary>How alias names are compared: lower case, no periods, no leading "the", single spaces.</summary>
    internal static string AliasForm(string name)
    {
        var words = name.Replace(".", "", StringComparison.Ordinal).ToLowerInvariant()
            .Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        int start = words.Length > 1 && words[0] == "the" ? 1 : 0;
        return string.Join(' ', words, start, words.Length - start);
    }

    /// <summary>Lines of <c>type: canonical | variant | …</c>, every name (the canonical too) mapped to the canonical.</summary>
    private static FrozenDictionary<string, (EntityType, string)> Aliases(IEnumerable<string> lines)
    {
        var map = new Dictionary<string, (EntityType, string)>(StringComparer.Ordinal);
        foreach (var line in lines)
        {
            int colon = line.IndexOf(':');
            if (colon <= 0 || !EntityKey.TryParseType(line.AsSpan(0, colon).Trim(), out var type))
            {
                throw new InvalidOperationException($"aliases.txt: '{line}' is not 'type: name | name …'.");
            }
            var names = line[(colon + 1)..].Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            foreach (var name in names)
            {
                map[AliasForm(name)] = (type, names[0]);
            }
        }
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}

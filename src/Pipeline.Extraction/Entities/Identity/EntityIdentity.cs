namespace Pipeline.Entities.Identity;

/// <summary>How an identity may meet other spellings of the same entity across the corpus.</summary>
public enum IdentityKind
{
    /// <summary>A person's given name and surname (<c>Joe Biden</c>, from <c>President Joe R. Biden</c>).</summary>
    FullName,
    /// <summary>A person named by one word, mostly a surname (<c>Biden</c>): linked to the one full name the corpus holds.</summary>
    Surname,
    /// <summary>An organization or place written as its initials (<c>FBI</c>).</summary>
    Acronym,
    /// <summary>An organization or place of several capitalized words (<c>Federal Bureau of Investigation</c>).</summary>
    LongForm,
    /// <summary>Anything else: its own identity only.</summary>
    Plain,
}

/// <summary>
/// The corpus-wide identity of an entity spelling: one key for every way one article may write it. Titles, middle
/// names and initials, suffixes and possessives are left out of a person's identity (<c>Donald J. Trump</c>,
/// <c>President Trump's</c> → <c>person:donald-trump</c> and <c>person:trump</c>); organizations and places known under
/// several names take their canonical one (<c>U.S.</c>, <c>America</c> → <c>location:united-states</c>). Spellings that
/// need the rest of the corpus to be joined (a surname alone, an acronym) share a <see cref="Group"/> with the
/// identities they may join; <see cref="IdentityLinks"/> joins them when the corpus makes it unambiguous.
/// </summary>
/// <param name="Key">The identity's key, <c>type:slug</c>, like an entity key.</param>
/// <param name="Name">How the identity is shown: <c>Joe Biden</c>, <c>United States</c>.</param>
/// <param name="Group">What links it to other identities: <c>person|biden</c>, <c>organization|fbi</c>; null when nothing can.</param>
/// <param name="Given">The slug of a full name's given name (<c>joe</c>); null otherwise.</param>
public sealed record EntityIdentity(string Key, string Name, EntityType Type, IdentityKind Kind, string? Group, string? Given)
{
    /// <summary>The identity of a spelling of an entity of this type, as the extractor or a user writes it.</summary>
    public static EntityIdentity Of(EntityType type, string name)
    {
        var lexicon = NameLexicon.Default;
        var words = Words(name);
        if (words.Count == 0)
        {
            return new EntityIdentity(EntityKey.Create(type, name), name.Trim(), type, IdentityKind.Plain, null, null);
        }
        return type == EntityType.Person ? Person(words, lexicon) : Named(type, words, lexicon);
    }

    private static EntityIdentity Person(List<string> words, NameLexicon lexicon)
    {
        int start = 0, end = words.Count;
        while (end - start > 1 && lexicon.Titles.Contains(words[start]))
        {
            start++;
        }
        while (end - start > 1 && lexicon.Suffixes.Contains(words[end - 1]))
        {
            end--;
        }
        // The surname, with the particles before it that belong to it ("de Gaulle", "van der Bellen").
        int surname = end - 1;
        while (surname - 1 > start && lexicon.Particles.Contains(words[surname - 1]) && char.IsLower(words[surname - 1][0]))
        {
            surname--;
        }
        string last = string.Join(' ', words.GetRange(surname, end - surname));
        string group = GroupKey(EntityType.Person, EntityKey.Slug(last));
        if (surname == start)
        {
            return new EntityIdentity(EntityKey.Create(EntityType.Person, last), last, EntityType.Person, IdentityKind.Surname, group, null);
        }
        string full = words[start] + " " + last;
        return new EntityIdentity(EntityKey.Create(EntityType.Person, full), full, EntityType.Person, IdentityKind.FullName, group, EntityKey.Slug(words[start]));
    }

    private static EntityIdentity Named(EntityType type, List<string> words, NameLexicon lexicon)
    {
        string name = string.Join(' ', words);
        if (lexicon.TryGetAlias(name, out var aliasType, out var canonical))
        {
            (type, name) = (aliasType, canonical);
            words = Words(canonical);
        }
        else if (words.Count > 1 && words[0].Equals("the", StringComparison.OrdinalIgnoreCase))
        {
            words.RemoveAt(0);
            name = string.Join(' ', words);
        }
        string key = EntityKey.Create(type, name);
        if (Acronym.Letters(words) is { } letters)
        {
            return new EntityIdentity(key, name, type, IdentityKind.Acronym, GroupKey(type, letters), null);
        }
        if (Acronym.Initials(words) is { } initials)
        {
            return new EntityIdentity(key, name, type, IdentityKind.LongForm, GroupKey(type, initials), null);
        }
        return new EntityIdentity(key, name, type, IdentityKind.Plain, null, null);
    }

    /// <summary>The name's words: split on spaces, a possessive <c>'s</c> taken off the last.</summary>
    private static List<string> Words(string name)
    {
        var words = new List<string>(name.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        if (words.Count > 0)
        {
            string last = words[^1];
            if (last.Length > 2 && (last.EndsWith("'s", StringComparison.OrdinalIgnoreCase) || last.EndsWith("’s", StringComparison.OrdinalIgnoreCase)))
            {
                words[^1] = last[..^2];
            }
        }
        return words;
    }

    private static string GroupKey(EntityType type, string slug) => EntityKey.TypeName(type) + "|" + slug;
}

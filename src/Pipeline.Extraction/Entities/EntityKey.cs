using System.Text;

namespace Pipeline.Entities;

/// <summary>
/// The cross-article identity of an entity: <c>person:joe-biden</c>. The same name and type give the same key in
/// every article, which is what lets the API aggregate an entity across articles.
/// </summary>
public static class EntityKey
{
    public static string Create(EntityType type, string name) => string.Concat(TypeName(type), ":", Bounded(Slug(name)));

    /// <summary>
    /// Longest slug a key holds. A longer "name" (a run of text the tagger took whole) keeps a prefix and a digest of
    /// its whole slug, so that every key fits wherever it is stored and two different names still get two keys.
    /// </summary>
    public const int MaxSlugLength = 120;

    private const int DigestChars = 16;

    private static string Bounded(string slug)
    {
        if (slug.Length <= MaxSlugLength)
        {
            return slug;
        }
        int keep = MaxSlugLength - DigestChars - 1;
        if (char.IsHighSurrogate(slug[keep - 1]))
        {
            keep--;
        }
        var digest = System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(slug));
        return string.Concat(slug.AsSpan(0, keep).TrimEnd('-'), "-", Convert.ToHexStringLower(digest).AsSpan(0, DigestChars));
    }

    /// <summary>Lower-case API name of a type: <c>person</c>, <c>organization</c>, …</summary>
    public static string TypeName(EntityType type) => type switch
    {
        EntityType.Person => "person",
        EntityType.Organization => "organization",
        EntityType.Location => "location",
        EntityType.Misc => "misc",
        EntityType.Date => "date",
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    /// <summary>Parses <c>Person</c>, <c>person</c>, <c>PER</c>, <c>org</c>, … as used in URLs and query strings.</summary>
    /// <summary>The types <see cref="TryParseType"/> reads, as the API and the command line list them.</summary>
    public const string TypeNames = nameof(EntityType.Person) + ", " + nameof(EntityType.Organization) + ", " + nameof(EntityType.Location) + ", "
                                    + nameof(EntityType.Misc) + ", " + nameof(EntityType.Date);

    public static bool TryParseType(ReadOnlySpan<char> value, out EntityType type)
    {
        type = default;
        Span<char> lower = stackalloc char[16];
        if (value.Length is 0 or > 16)
        {
            return false;
        }
        value.ToLowerInvariant(lower);
        switch (lower[..value.Length])
        {
            case "person" or "per" or "people" or "persons":
                type = EntityType.Person;
                return true;
            case "organization" or "organisation" or "org" or "organizations":
                type = EntityType.Organization;
                return true;
            case "location" or "loc" or "place" or "locations":
                type = EntityType.Location;
                return true;
            case "misc" or "miscellaneous":
                type = EntityType.Misc;
                return true;
            case "date" or "dates":
                type = EntityType.Date;
                return true;
            default:
                return false;
        }
    }

    /// <summary>
    /// Lower-case letters and digits of the name, other runs as single hyphens: <c>Joe Biden</c> → <c>joe-biden</c>.
    /// Letters of any script are kept, so non-Latin names keep distinct slugs.
    /// </summary>
    public static string Slug(ReadOnlySpan<char> name)
    {
        var sb = new StringBuilder(name.Length);
        bool pendingHyphen = false;
        foreach (char c in name)
        {
            if (char.IsLetterOrDigit(c) || char.IsSurrogate(c))
            {
                if (pendingHyphen && sb.Length > 0)
                {
                    sb.Append('-');
                }
                pendingHyphen = false;
                sb.Append(char.ToLowerInvariant(c));
            }
            else if (char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark)
            {
                sb.Append(c);
            }
            else if (c is not ('\'' or '’' or '.'))
            {
                // Apostrophes and periods vanish (O'Brien → obrien, U.S. → us); other separators become hyphens.
                pendingHyphen = true;
            }
        }
        return sb.ToString();
    }
}

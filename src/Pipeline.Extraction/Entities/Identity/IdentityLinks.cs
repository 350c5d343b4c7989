namespace Pipeline.Entities.Identity;

/// <summary>An identity the corpus holds in a group (a row of the names index): what <see cref="IdentityLinks"/> decides from.</summary>
public sealed record GroupMember(string Key, string Name, IdentityKind Kind, string? Given);

/// <summary>
/// An identity as the corpus knows it: the canonical one (<see cref="Key"/>, <see cref="Name"/>), and every identity key that stands for the same
/// person, organization or place (the canonical's own among them), with their names.
/// </summary>
public sealed record LinkedIdentity(string Key, string Name, IReadOnlyList<GroupMember> Variants)
{
    /// <summary>Every key that stands for this identity, its own first.</summary>
    public IEnumerable<string> Keys => Variants.Select(v => v.Key);
}

/// <summary>
/// Joins spellings that need the corpus to be joined, only where it is safe: a surname alone joins the full name when
/// the corpus holds one given name for that surname (and a full name asked for takes the surname only when the corpus
/// holds that full name) (<c>Biden</c> → <c>Joe Biden</c>); an acronym joins the long form
/// when the corpus holds one long form with those initials (<c>FBI</c> → <c>Federal Bureau of Investigation</c>). Two
/// full names never join (<c>Bill Clinton</c>, <c>Hillary Clinton</c>), and a surname several people share stays its
/// own entry. Upload order does not matter: the decision is taken when asked, from what the corpus holds then.
/// </summary>
public static class IdentityLinks
{
    /// <param name="identity">The identity asked for (from a query, or an article's entity).</param>
    /// <param name="group">The identities of its <see cref="EntityIdentity.Group"/> in the corpus (it may be among them).</param>
    public static LinkedIdentity Link(EntityIdentity identity, IReadOnlyList<GroupMember> group)
    {
        var self = new GroupMember(identity.Key, identity.Name, identity.Kind, identity.Given);
        switch (identity.Kind)
        {
            case IdentityKind.FullName:
            {
                // The surname alone is this person when the corpus holds this full name and no other given name with it.
                var surname = Find(group, IdentityKind.Surname);
                return surname is not null && Contains(group, self.Key) && OnlyOne(group, IdentityKind.FullName, self, m => m.Given)
                    ? new LinkedIdentity(self.Key, self.Name, [self, surname])
                    : Alone(self);
            }
            case IdentityKind.Surname:
            {
                var full = Single(group, IdentityKind.FullName, m => m.Given);
                return full is not null ? new LinkedIdentity(full.Key, full.Name, [full, self]) : Alone(self);
            }
            case IdentityKind.LongForm:
            {
                var acronym = Find(group, IdentityKind.Acronym);
                return acronym is not null && Contains(group, self.Key) && OnlyOne(group, IdentityKind.LongForm, self, m => m.Key)
                    ? new LinkedIdentity(self.Key, self.Name, [self, acronym])
                    : Alone(self);
            }
            case IdentityKind.Acronym:
            {
                var longForm = Single(group, IdentityKind.LongForm, m => m.Key);
                return longForm is not null ? new LinkedIdentity(longForm.Key, longForm.Name, [longForm, self]) : Alone(self);
            }
            default:
                return Alone(self);
        }
    }

    private static LinkedIdentity Alone(GroupMember self) => new(self.Key, self.Name, [self]);

    private static bool Contains(IReadOnlyList<GroupMember> group, string key)
    {
        foreach (var member in group)
        {
            if (member.Key == key)
            {
                return true;
            }
        }
        return false;
    }

    private static GroupMember? Find(IReadOnlyList<GroupMember> group, IdentityKind kind)
    {
        foreach (var member in group)
        {
            if (member.Kind == kind)
            {
                return member;
            }
        }
        return null;
    }

    /// <summary>The one member of this kind, when all of this kind share one <paramref name="by"/> value; else null.</summary>
    private static GroupMember? Single(IReadOnlyList<GroupMember> group, IdentityKind kind, Func<GroupMember, string?> by)
    {
        GroupMember? found = null;
        foreach (var member in group)
        {
            if (member.Kind != kind)
            {
                continue;
            }
            if (found is not null && by(found) != by(member))
            {
                return null;
            }
            found ??= member;
        }
        return found;
    }

    /// <summary>True when every member of this kind shares <paramref name="self"/>'s <paramref name="by"/> value.</summary>
    private static bool OnlyOne(IReadOnlyList<GroupMember> group, IdentityKind kind, GroupMember self, Func<GroupMember, string?> by)
    {
        foreach (var member in group)
        {
            if (member.Kind == kind && by(member) != by(self))
            {
                return false;
            }
        }
        return true;
    }
}

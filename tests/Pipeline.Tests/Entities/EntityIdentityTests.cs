using Pipeline.Entities;
using Pipeline.Entities.Identity;

namespace Pipeline.Tests.Entities;

public sealed class EntityIdentityTests
{
    [Theory]
    [InlineData("Joe Biden", "person:joe-biden")]
    [InlineData("Joe R. Biden", "person:joe-biden")]
    [InlineData("President Joe Biden", "person:joe-biden")]
    [InlineData("Joe Biden's", "person:joe-biden")]
    [InlineData("Donald J. Trump", "person:donald-trump")]
    [InlineData("James B. Comey", "person:james-comey")]
    [InlineData("Martin Luther King Jr.", "person:martin-king")]
    [InlineData("Charles de Gaulle", "person:charles-de-gaulle")]
    [InlineData("Biden", "person:biden")]
    [InlineData("President Biden", "person:biden")]
    [InlineData("Mr. Biden's", "person:biden")]
    [InlineData("Mrs. Clinton", "person:clinton")]
    public void A_persons_identity_is_given_name_and_surname_without_titles_middle_names_or_suffixes(string name, string key) =>
        Assert.Equal(key, EntityIdentity.Of(EntityType.Person, name).Key);

    [Fact]
    public void Two_full_names_with_one_surname_stay_two_identities()
    {
        var bill = EntityIdentity.Of(EntityType.Person, "Bill Clinton");
        var hillary = EntityIdentity.Of(EntityType.Person, "Hillary Rodham Clinton");
        Assert.NotEqual(bill.Key, hillary.Key);
        Assert.Equal(bill.Group, hillary.Group);
        Assert.Equal("hillary", hillary.Given);
    }

    [Theory]
    [InlineData(EntityType.Location, "U.S.")]
    [InlineData(EntityType.Location, "US")]
    [InlineData(EntityType.Location, "the United States")]
    [InlineData(EntityType.Location, "America")]
    [InlineData(EntityType.Organization, "U.S.")]
    [InlineData(EntityType.Misc, "United States of America")]
    public void Names_of_one_place_share_its_identity_whatever_type_they_were_tagged(EntityType type, string name)
    {
        var identity = EntityIdentity.Of(type, name);
        Assert.Equal("location:united-states", identity.Key);
        Assert.Equal("United States", identity.Name);
    }

    [Theory]
    [InlineData("CDC", IdentityKind.Acronym, "organization|cdc")]
    [InlineData("FBI", IdentityKind.LongForm, "organization|fbi")] // a listed alias: its long form at once
    [InlineData("N.R.A.", IdentityKind.Acronym, "organization|nra")]
    [InlineData("National Rifle Association", IdentityKind.LongForm, "organization|nra")]
    [InlineData("the National Rifle Association", IdentityKind.LongForm, "organization|nra")]
    [InlineData("Pentagon", IdentityKind.Plain, null)]
    public void Acronyms_and_long_forms_meet_in_the_group_of_their_initials(string name, IdentityKind kind, string? group)
    {
        var identity = EntityIdentity.Of(EntityType.Organization, name);
        Assert.Equal((kind, group), (identity.Kind, identity.Group));
    }

    private static GroupMember Member(EntityType type, string name)
    {
        var identity = EntityIdentity.Of(type, name);
        return new GroupMember(identity.Key, identity.Name, identity.Kind, identity.Given);
    }

    [Fact]
    public void A_surname_joins_the_one_full_name_the_corpus_holds_for_it()
    {
        var linked = IdentityLinks.Link(EntityIdentity.Of(EntityType.Person, "President Biden"),
            [Member(EntityType.Person, "Biden"), Member(EntityType.Person, "Joe Biden")]);
        Assert.Equal("person:joe-biden", linked.Key);
        Assert.Equal(["person:joe-biden", "person:biden"], linked.Keys);

        var full = IdentityLinks.Link(EntityIdentity.Of(EntityType.Person, "Joe Biden"), [Member(EntityType.Person, "Biden"), Member(EntityType.Person, "Joe Biden")]);
        Assert.Equal(["person:joe-biden", "person:biden"], full.Keys);
    }

    [Fact]
    public void A_surname_several_people_share_stays_its_own_entry_and_full_names_never_merge()
    {
        GroupMember[] clintons = [Member(EntityType.Person, "Clinton"), Member(EntityType.Person, "Bill Clinton"), Member(EntityType.Person, "Hillary Clinton")];
        Assert.Equal(["person:clinton"], IdentityLinks.Link(EntityIdentity.Of(EntityType.Person, "Clinton"), clintons).Keys);
        Assert.Equal(["person:hillary-clinton"], IdentityLinks.Link(EntityIdentity.Of(EntityType.Person, "Hillary Clinton"), clintons).Keys);
        Assert.Equal(["person:bill-clinton"], IdentityLinks.Link(EntityIdentity.Of(EntityType.Person, "Bill Clinton"), clintons).Keys);
    }

    [Fact]
    public void A_full_name_asked_for_takes_the_surname_only_when_the_corpus_holds_it_and_no_other_given_name()
    {
        var joe = EntityIdentity.Of(EntityType.Person, "Joe Biden");
        Assert.Equal(["person:joe-biden"], IdentityLinks.Link(joe, [Member(EntityType.Person, "Biden")]).Keys); // no guess
        Assert.Equal(["person:joe-biden", "person:biden"], IdentityLinks.Link(joe, [Member(EntityType.Person, "Biden"), Member(EntityType.Person, "Joe Biden")]).Keys);
        Assert.Equal(["person:joe-biden"], IdentityLinks.Link(joe,
            [Member(EntityType.Person, "Biden"), Member(EntityType.Person, "Joe Biden"), Member(EntityType.Person, "Hunter Biden")]).Keys);
    }

    [Fact]
    public void An_acronym_joins_its_one_long_form()
    {
        GroupMember[] group = [Member(EntityType.Organization, "NRA"), Member(EntityType.Organization, "National Rifle Association")];
        var linked = IdentityLinks.Link(EntityIdentity.Of(EntityType.Organization, "NRA"), group);
        Assert.Equal(("organization:national-rifle-association", "National Rifle Association"), (linked.Key, linked.Name));
        Assert.Equal(["organization:national-rifle-association", "organization:nra"], linked.Keys);
        GroupMember[] two = [.. group, Member(EntityType.Organization, "National Recovery Agency")];
        Assert.Equal(["organization:nra"], IdentityLinks.Link(EntityIdentity.Of(EntityType.Organization, "NRA"), two).Keys);
    }
}

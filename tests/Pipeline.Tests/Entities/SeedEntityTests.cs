using Pipeline.Entities;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Entities;

/// <summary>The seed article's entities with the shipped tagger: people, places and organizations under their full names.</summary>
public sealed class SeedEntityTests
{
    private static IReadOnlyList<CanonicalEntity> Entities => Seed.Result.Entities;

    [Fact]
    public void The_people_are_exactly_the_five_named_in_the_article()
    {
        var people = Entities.Where(e => e.Type == EntityType.Person).Select(e => e.Name).Order().ToArray();
        Assert.Equal(["Benjamin Netanyahu", "Chuck Schumer", "Dana Bash", "Jake Sullivan", "Joe Biden"], people);
    }

    [Fact]
    public void Every_mention_of_Biden_and_Netanyahu_is_counted()
    {
        var text = Repository.SeedText;
        int bidenInText = CountWord(text, "Biden");
        int netanyahuInText = CountWord(text, "Netanyahu");
        var biden = Entities.Single(e => e.Key == "person:joe-biden");
        var netanyahu = Entities.Single(e => e.Key == "person:benjamin-netanyahu");
        // Every occurrence in the body, including "Biden's", "Bidens" and "Biden-Netanyahu" (the title line is not body).
        Assert.Equal(bidenInText - 1, biden.MentionCount);
        Assert.Equal(netanyahuInText - 1, netanyahu.MentionCount);
        Assert.All(biden.Mentions, m => Assert.Contains("Biden", text[m.Start..m.End]));
    }

    [Theory]
    [InlineData("Rafah", EntityType.Location)]
    [InlineData("Gaza", EntityType.Location)]
    [InlineData("Israel", EntityType.Location)]
    [InlineData("Egypt", EntityType.Location)]
    [InlineData("Washington", EntityType.Location)]
    [InlineData("Hamas", EntityType.Organization)]
    [InlineData("White House", EntityType.Organization)]
    [InlineData("CNN", EntityType.Organization)]
    [InlineData("Senate", EntityType.Organization)]
    public void Places_and_organizations_have_their_type(string name, EntityType type) =>
        Assert.Equal(type, Entities.Single(e => e.Name == name).Type);

    [Theory]
    [InlineData("President")]
    [InlineData("Monday")]
    [InlineData("State of the Union")]
    [InlineData("Prime Minister")]
    public void Titles_days_and_programmes_are_never_people(string name) =>
        Assert.DoesNotContain(Entities, e => e.Type == EntityType.Person && e.Name.Contains(name));

    [Fact]
    public void Keys_are_stable_across_articles_and_salience_favours_the_protagonists()
    {
        Assert.Contains(Entities, e => e.Key == "person:jake-sullivan");
        var top = Entities.Take(3).Select(e => e.Name).ToList();
        Assert.Contains("Joe Biden", top);
        Assert.Contains("Benjamin Netanyahu", top);
    }

    private static int CountWord(string text, string word)
    {
        int count = 0;
        for (int at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
        {
            count++;
        }
        return count;
    }
}

using Moq;
using Pipeline.Entities;
using Pipeline.Text;

namespace Pipeline.Tests.Entities;

/// <summary>Canonical entities from given mentions: the recognizer is mocked, the resolver is real.</summary>
public sealed class EntityResolverTests
{
    /// <summary>Marks every occurrence of each phrase as a mention of the given type.</summary>
    internal static EntityExtraction Extract(string text, params (string Phrase, EntityType Type)[] mentions)
    {
        var document = TextDocument.Analyze(text);
        var found = new List<EntityMention>();
        foreach (var (phrase, type) in mentions)
        {
            for (int at = text.IndexOf(phrase, StringComparison.Ordinal); at >= 0; at = text.IndexOf(phrase, at + 1, StringComparison.Ordinal))
            {
                int first = Array.FindIndex(document.Tokens, t => t.Start == at);
                int last = Array.FindIndex(document.Tokens, t => t.End == at + phrase.Length);
                if (first >= 0 && last >= first && !found.Exists(m => m.FirstToken <= last && first < m.EndToken))
                {
                    found.Add(new EntityMention(first, last - first + 1, at, at + phrase.Length, type));
                }
            }
        }
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        var recognizer = new Mock<IEntityRecognizer>();
        recognizer.Setup(r => r.Recognize(It.IsAny<TextDocument>())).Returns([.. found]);
        return new EntityExtractor(recognizer.Object).Extract(document);
    }

    [Fact]
    public void Titles_and_possessives_are_not_part_of_the_name_and_surnames_join_the_full_name()
    {
        var result = Extract(
            "President Joe Biden spoke. Biden's aides agreed. From President Bidens perspective, Biden won.",
            ("President Joe Biden", EntityType.Person), ("Biden's", EntityType.Person), ("President Bidens", EntityType.Person), ("Biden", EntityType.Organization));
        var biden = Assert.Single(result.Entities, e => e.Type == EntityType.Person);
        Assert.Equal("Joe Biden", biden.Name);
        Assert.Equal("person:joe-biden", biden.Key);
        Assert.Equal(4, biden.MentionCount);
        Assert.Equal("Joe Biden", "President Joe Biden spoke. Biden's aides agreed. From President Bidens perspective, Biden won."[biden.Mentions[0].Start..biden.Mentions[0].End]);
    }

    [Fact]
    public void A_plural_possessive_surname_finds_its_person()
    {
        var result = Extract("Senate Majority Leader Chuck Schumer spoke. Netanyahu disputed Schumers' speech.",
            ("Senate Majority Leader Chuck Schumer", EntityType.Person), ("Schumers", EntityType.Person), ("Netanyahu", EntityType.Person));
        var schumer = Assert.Single(result.Entities, e => e.Name == "Chuck Schumer");
        Assert.Equal(2, schumer.MentionCount);
    }

    [Fact]
    public void A_joint_name_counts_for_both_people()
    {
        var result = Extract("Joe Biden and Benjamin Netanyahu met. Biden-Netanyahu relations have shifted.",
            ("Joe Biden", EntityType.Person), ("Benjamin Netanyahu", EntityType.Person), ("Biden-Netanyahu", EntityType.Misc));
        Assert.Equal(2, result.Entities.Count(e => e.Type == EntityType.Person));
        Assert.All(result.Entities.Where(e => e.Type == EntityType.Person), e => Assert.Equal(2, e.MentionCount));
        Assert.DoesNotContain(result.Entities, e => e.Name.Contains('-'));
    }

    [Fact]
    public void Early_and_frequent_entities_are_most_salient()
    {
        var result = Extract("Gaza was hit. Gaza again. Gaza once more. Later, Oslo hosted talks.",
            ("Gaza", EntityType.Location), ("Oslo", EntityType.Location));
        Assert.Equal("Gaza", result.Entities[0].Name);
        Assert.True(result.Entities[0].Salience > result.Entities[1].Salience);
        Assert.Equal(1.0, result.Entities.Sum(e => e.Salience), 2);
    }

    [Fact]
    public void Weekdays_and_months_are_dates_not_people()
    {
        var result = Extract("Biden spoke Monday. Their last call was on February 15, 2024.");
        Assert.Contains(result.Entities, e => e.Type == EntityType.Date && e.Name == "Monday");
        Assert.Contains(result.Entities, e => e.Type == EntityType.Date && e.Name == "February 15 , 2024" || e.Name == "February 15, 2024");
    }
}

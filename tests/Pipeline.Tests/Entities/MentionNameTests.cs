using Pipeline.Entities;
using Pipeline.Text;

namespace Pipeline.Tests.Entities;

/// <summary>
/// Names cut to what they name: an office's possessive kept inside the office, reporting verbs of Title Case
/// headlines and glued sentence ends kept out. Mentions are given (the recognizer is mocked) or, where the tagger's own
/// spans matter, come from the shipped tagger. All sentences are invented.
/// </summary>
public sealed class MentionNameTests
{
    private static EntityExtraction Given(string text, params (string Phrase, EntityType Type)[] mentions) =>
        EntityResolverTests.Extract(text, mentions);

    private static EntityExtraction Tagged(string text) =>
        new EntityExtractor(Pipeline.Entities.Tagging.EntityModels.Recognizer).Extract(TextDocument.Analyze(text));

    [Fact]
    public void An_office_after_a_title_and_its_possessive_keeps_the_whole_name()
    {
        const string text = "The talks went well, according to a statement from the Prime Minister's Office in Valletta.";
        var result = Given(text, ("Office", EntityType.Organization), ("Valletta", EntityType.Location));
        var office = Assert.Single(result.Entities, e => e.Type == EntityType.Organization);
        Assert.Equal("Prime Minister's Office", office.Name);
        Assert.Equal("organization:prime-ministers-office", office.Key);
        Assert.Equal("Prime Minister's Office", text[office.Mentions[0].Start..office.Mentions[0].End]);
    }

    [Theory]
    [InlineData("Fans crowded into Sunday's Belgian Grand Prix at Spa.", "Belgian Grand Prix", EntityType.Misc)]
    [InlineData("Analysts watched Norway's Finance Ministry closely.", "Finance Ministry", EntityType.Organization)]
    public void A_possessive_owner_that_is_not_a_title_stays_outside(string text, string name, EntityType type)
    {
        var result = Given(text, (name, type));
        Assert.Equal(name, Assert.Single(result.Entities, e => e.Type == type).Name);
    }

    [Fact]
    public void The_shipped_tagger_gives_the_office_its_full_name()
    {
        var result = Tagged("The plan was approved on Monday, the Prime Minister's Office said in a statement.");
        Assert.DoesNotContain(result.Entities, e => e.Name == "Office");
        Assert.Contains(result.Entities, e => e.Name == "Prime Minister's Office");
    }

    [Theory]
    [InlineData("Tomas Brandvold Said Nothing About The Harbour Deal", "Tomas Brandvold Said", "Tomas Brandvold")]
    [InlineData("Council Member Ines Okafor Asked Voters To Wait", "Ines Okafor Asked", "Ines Okafor")]
    [InlineData("Greta Halvorsen told reporters she would stay.", "Greta Halvorsen told", "Greta Halvorsen")]
    public void A_reporting_verb_never_ends_a_name(string text, string mention, string name)
    {
        var result = Given(text, (mention, EntityType.Person));
        var person = Assert.Single(result.Entities);
        Assert.Equal(name, person.Name);
        Assert.DoesNotContain("-said", person.Key);
    }

    [Fact]
    public void A_name_that_is_also_a_verb_stays_in_prose()
    {
        var result = Given("The critic Edward Said wrote about exile for decades.", ("Edward Said", EntityType.Person));
        Assert.Equal("Edward Said", Assert.Single(result.Entities).Name);
    }

    [Fact]
    public void A_sentence_end_glued_to_the_next_sentence_does_not_glue_the_names()
    {
        var result = Tagged("The budget passed with help from Speaker Halvard Rynning.Gov. Marit Olsen signed it on Friday.");
        Assert.DoesNotContain(result.Entities, e => e.Key.Contains("rynninggov") || e.Key.Contains("rynning-gov"));
        Assert.Contains(result.Entities, e => e.Type == EntityType.Person && e.Name == "Halvard Rynning");
    }
}

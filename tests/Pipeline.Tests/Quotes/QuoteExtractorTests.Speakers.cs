using Pipeline.Quotes;
using Pipeline.Articles;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Quotes;

/// <summary>Who speaks: names, titles, descriptions, relative and personal pronouns, relays.</summary>
public sealed partial class QuoteExtractorTests
{
    [Theory]
    [InlineData("The deal is dead, two officials close to Anna Reyes said.", "two officials close to Anna Reyes", null)]
    [InlineData("The deal is dead, a spokesman for Anna Reyes said.", "a spokesman for Anna Reyes", null)]
    [InlineData("The deal is dead, a statement from Anna Reyes said.", "Anna Reyes", "person:anna-reyes")]
    public void A_name_a_described_source_hangs_on_is_not_who_spoke(string paragraph, string speaker, string? entity)
    {
        var quote = Single(Extract("The council met on Friday.", paragraph), "The deal is dead");
        Assert.Equal(speaker, quote.Speaker);
        Assert.Equal(entity, quote.SpeakerEntity);
    }

    [Theory]
    [InlineData("Anna Reyes's mother said the family was proud.", "the family was proud", "Anna Reyes's mother")]
    [InlineData("The family was proud, a cousin of Anna Reyes said.", "The family was proud", "a cousin of Anna Reyes")]
    public void A_relative_of_a_named_person_is_not_that_person(string paragraph, string content, string speaker)
    {
        var quote = Single(Extract("Anna Reyes won the race on Friday.", paragraph), content);
        Assert.Equal(speaker, quote.Speaker);
        Assert.Null(quote.SpeakerEntity);
    }

    [Fact]
    public void The_subject_after_a_verb_of_saying_that_follows_a_quotation_is_its_source()
    {
        var quote = Single(Extract("Anna Reyes won the race on Friday.", "\"This is the first title of my career,\" said the 29-year-old."), "This is the first title");
        Assert.Equal("the 29-year-old", quote.Speaker);
    }

    [Fact]
    public void A_name_after_a_title_keeps_its_entity()
    {
        var quote = Single(Extract("The council met on Friday.", "The deal is dead, Minister of Health Leo Varadkar said."), "The deal is dead");
        Assert.NotNull(quote.SpeakerEntity);
        Assert.EndsWith("Leo Varadkar", quote.Speaker);
    }

    [Fact]
    public void They_after_a_described_source_is_that_source()
    {
        var quote = Single(Extract("The council met on Friday.", "Police said the road was closed. They said it would open again soon."), "it would open");
        Assert.Equal("Police", quote.Speaker);
        Assert.Null(quote.SpeakerEntity);
    }

    [Theory]
    [InlineData("Anna Reyes left the town in May. Her father said she was happy there.", "she was happy there", "Her father")]
    [InlineData("The plan will fail, wrote one reader.", "The plan will fail", "one reader")]
    [InlineData("One student recalled how the teacher helped her.", "how the teacher helped her", "One student")]
    [InlineData("\"I am ready for the next race,\" the 22-year-old said.", "I am ready for the next race", "the 22-year-old")]
    public void A_speaker_chosen_at_its_determiner_is_the_subject_it_opens(string paragraph, string content, string speaker)
    {
        var quote = Single(Extract("The council met on Friday.", paragraph), content);
        Assert.Equal(speaker, quote.Speaker);
    }

    [Theory]
    [InlineData("The city hired Anna Reyes, who said the plan would fail.", "Anna Reyes", "person:anna-reyes")]
    [InlineData("The report was written by the agency, which said the plan would fail.", "the agency", null)]
    public void A_relative_pronoun_speaks_for_the_one_before_it(string paragraph, string speaker, string? entity)
    {
        var article = ArticleParser.Parse("test", "test.txt", "Town news\n\nThe council met on Friday.\n" + paragraph + "\n");
        var quote = Single(Seed.Extractor.Extract(article).Quotes, "the plan would fail");
        Assert.Equal(speaker, quote.Speaker);
        Assert.Equal(entity, quote.SpeakerEntity);
        // The mention stays where the source is written, the pronoun, as PolNeAR's annotators mark it.
        var mention = Assert.NotNull(quote.SpeakerMention);
        Assert.Equal(entity is null ? "which" : "who", mention.Slice(article.Text).ToString());
    }

    [Theory]
    [InlineData("The plan was drafted in March, a criminal complaint says.", "The plan was drafted in March", "a criminal complaint")]
    [InlineData("The ferry will not run this week, the company's chief executive said on Sunday.", "The ferry will not run this week", "the company's chief executive")]
    [InlineData("But critics said the plan would fail.", "the plan would fail", "critics")]
    [InlineData("We will not give up, the family and friends of the victim said in a statement.", "We will not give up", "the family and friends")]
    [InlineData("The airport was closed for two days, two officials with the provincial government said.", "The airport was closed for two days", "two officials with the provincial government")]
    public void A_described_speaker_is_its_noun_phrase_from_the_determiner_with_what_it_hangs_on_and_never_a_joining_word(string paragraph, string content, string speaker)
    {
        var quote = Single(Extract("The council met on Friday.", paragraph), content[..12]);
        Assert.Equal(speaker, quote.Speaker);
    }

    [Theory]
    [InlineData("We talked about the budget and the schools, Anna Reyes said, according to a statement from her office.", "Anna Reyes")]
    [InlineData("The Mayor's Office said Anna Reyes spoke to the council. We talked about the budget and the schools, she said, according to the office.", "Anna Reyes")]
    public void A_speaker_passed_on_by_a_relay_keeps_the_words(string paragraph, string speaker)
    {
        var quote = Single(Extract(paragraph), "We talked about the budget");
        Assert.Equal(speaker, quote.Speaker);
        Assert.Equal("said", quote.Cue);
    }

    [Fact]
    public void A_description_between_content_and_cue_without_a_name_is_no_speaker_chain()
    {
        var quotes = Extract("The vote is close.", "Prices went up, the economy, a big worry, said nothing.");
        Assert.DoesNotContain(quotes, q => q.Speaker is not null && q.Speaker.Contains("worry", StringComparison.Ordinal));
    }

    [Fact]
    public void A_notice_label_is_no_speaker()
    {
        var quotes = Extract(
            "Party chair Don Fowler spoke on Monday.",
            "CLARIFICATION: The first sentence has been clarified to reflect the chair's plan for a successor.",
            "UPDATE: The story now includes the campaign's answer to the chair.");
        Assert.DoesNotContain(quotes, q => q.Speaker is "CLARIFICATION" or "UPDATE");
    }

    [Fact]
    public void She_after_a_mans_quote_is_the_woman_the_article_named_not_him()
    {
        // "She" and "He" opening the sentences after ones that open with Maria Lopez and Tom Becker tell that she is a
        // woman and he a man; Tom Becker spoke last, but "she said" is not his.
        var quotes = Extract(
            "Maria Lopez runs the shelter on Main Street. She opened it in 2009.",
            "Tom Becker volunteers there. He said, \"We are full every night.\"",
            "\"We need a second building,\" she said.");
        var quote = Single(quotes, "We need a second building");
        Assert.Equal("Maria Lopez", quote.Speaker);
        Assert.Equal("person:maria-lopez", quote.SpeakerEntity);
    }

    [Fact]
    public void A_pronoun_of_the_other_gender_than_the_last_speaker_with_no_one_fitting_near_stays_a_pronoun()
    {
        // Mr. tells Becker is a man; the woman who speaks next is never named, so "she" is better than his name.
        var quotes = Extract(
            "Mr. Becker said, \"We are full every night.\"",
            "A woman waiting outside had been there since noon. \"I have nowhere else to go,\" she said.");
        var quote = Single(quotes, "I have nowhere else to go");
        Assert.Equal("she", quote.Speaker);
        Assert.Null(quote.SpeakerEntity);
    }

    [Fact]
    public void A_pronoun_after_a_name_in_the_possessive_tells_nothing_of_that_name()
    {
        // "He" follows a sentence about Anna Reyes's diary: it stands for whoever kept it, so Anna Reyes is not taken for
        // a man and "she said" can still be hers.
        var quotes = Extract(
            "Anna Reyes's diary was found in 1950. He kept it for years.",
            "\"I wrote it every night,\" she said.");
        Assert.Equal("Anna Reyes", Single(quotes, "I wrote it every night").Speaker);
    }

    [Theory]
    [InlineData("\"It was the best day of my career,\" said Olympic road race champion, Nicole Cooke.", "It was the best day", "Nicole Cooke", "person:nicole-cooke")]
    [InlineData("\"We are ready,\" said the team's coach, Peter Smith.", "We are ready", "Peter Smith", "person:peter-smith")]
    public void A_title_and_a_comma_before_a_name_speak_for_the_name(string paragraph, string content, string speaker, string entity)
    {
        var quote = Single(Extract("The race ended on Sunday.", paragraph), content);
        Assert.Equal(speaker, quote.Speaker);
        Assert.Equal(entity, quote.SpeakerEntity);
    }

    [Fact]
    public void He_opening_a_sentence_after_one_about_a_single_person_is_that_person_not_the_last_speaker()
    {
        var quotes = Extract(
            "\"The bridge will fail,\" said Tom Becker.",
            "Peter Smith, an engineer with the city, disagreed. He said the bridge would stand for a hundred years.");
        Assert.Equal("Peter Smith", Single(quotes, "the bridge would stand").Speaker);
    }

    [Fact]
    public void He_opening_a_sentence_after_one_that_speaks_of_someone_else_as_he_first_is_not_the_name_there()
    {
        // "He used his speech …" is still about Ted Cruz; Jeb Bush is only named in it, so the next "He said" stays Cruz's.
        var quotes = Extract(
            "\"The plan will fail,\" said Ted Cruz.",
            "He used his speech to attack the plan, which Jeb Bush supports. He said the plan would cost jobs.");
        Assert.Equal("Ted Cruz", Single(quotes, "the plan would cost jobs").Speaker);
    }

    [Fact]
    public void A_determiner_before_a_cue_that_took_its_noun_speaks_with_the_noun()
    {
        // The cue stage reads "statement said" as the cue; the speaker is the statement, not "a".
        var quote = Single(
            Extract("The BBC said it would act.", "\"Once this has been considered, we will set out any further steps,\" a statement said."),
            "Once this has been considered");
        Assert.Equal("a statement", quote.Speaker);
    }

    [Theory]
    [InlineData("His promised TV show will debut a modern look, which makes it easier to see why fans love him.", "TV show will debut")]
    [InlineData("The department released video Friday, which contradicted her son's claims.", "her son's claims")]
    public void A_lone_possessive_or_relative_pronoun_is_no_speaker(string paragraph, string content)
    {
        var quote = Single(Extract("The council met on Friday.", paragraph), content);
        Assert.Null(quote.Speaker);
        Assert.Null(quote.SpeakerEntity);
        Assert.NotNull(quote.SpeakerMention);
    }

    [Theory]
    [InlineData("The plan will fail, some said.", "The plan will fail", "some")]
    [InlineData("The plan will fail, many believe.", "The plan will fail", "many")]
    public void A_quantifier_is_a_speaker_by_itself(string paragraph, string content, string speaker)
    {
        Assert.Equal(speaker, Single(Extract("The council met on Friday.", paragraph), content).Speaker);
    }

    [Fact]
    public void A_quotation_signed_with_a_dash_and_a_name_is_that_persons()
    {
        var quotes = Extract(
            "Readers told us what they think of the new bridge.",
            "“The bridge should have been built years ago. We waited far too long for it.” ― Maria Lopez",
            "“Nobody asked the people who live by the river what they wanted.”",
            "- Tom Becker, Springfield.");

        var first = Single(quotes, "The bridge should");
        Assert.Equal(("Maria Lopez", QuoteType.Direct), (first.Speaker, first.Type));
        Assert.EndsWith("far too long for it.", first.Text);
        Assert.Equal("Tom Becker", Single(quotes, "Nobody asked").Speaker);
    }

    [Theory]
    [InlineData("The council will meet again in May to vote on the bridge.", "- Reuters")]
    [InlineData("“We will keep fighting for the bridge,” Anna Reyes said. “This is not over, not by a long way.”", "- Reuters")]
    [InlineData("“The council will meet again in May to vote on the bridge,” the mayor said.", "— Associated Press writer Tom Becker contributed.")]
    public void A_credit_line_after_a_dash_signs_nothing(string paragraph, string credit)
    {
        var quotes = Extract(paragraph, credit);

        Assert.DoesNotContain(quotes, q => q.Speaker is "Reuters" or "Tom Becker" || q.Cue is "-" or "—");
    }

    [Fact]
    public void A_signature_in_a_paragraph_of_its_own_leaves_a_quotation_that_goes_on_from_its_cue_to_its_speaker()
    {
        var quotes = Extract(
            "Anna Reyes told the council on Monday: “We will keep fighting for the bridge.",
            "“This is not over, not by a long way, and we will be back next year.”",
            "- Tom Becker");

        Assert.All(quotes, q => Assert.NotEqual("Tom Becker", q.Speaker));
    }
}

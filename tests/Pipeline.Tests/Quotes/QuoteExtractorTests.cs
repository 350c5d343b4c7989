using Pipeline.Articles;
using Pipeline.Quotes;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Quotes;

/// <summary>Attribution patterns on small made-up articles, run through the registered extraction stages.</summary>
public sealed partial class QuoteExtractorTests
{
    private static IReadOnlyList<Quote> Extract(params string[] paragraphs) =>
        Seed.Extractor.Extract(ArticleParser.Parse("test", "test.txt", "Town news\n\n" + string.Join("\n", paragraphs) + "\n")).Quotes;

    private static Quote Single(IReadOnlyList<Quote> quotes, string start) =>
        Assert.Single(quotes, q => q.Text.StartsWith(start, StringComparison.Ordinal));

    [Theory]
    [InlineData("The talks collapsed on Friday, Smith said.", "The talks collapsed on Friday", "Smith")]
    [InlineData("The British demands were unacceptable, the minister told reporters in Paris on Saturday.", "The British demands were unacceptable", "the minister")]
    [InlineData("The ferry will run again on Monday, officials said.", "The ferry will run again on Monday", "officials")]
    [InlineData("The deal is unlikely before Friday, a spokesman said.", "The deal is unlikely before Friday", "a spokesman")]
    public void A_short_sentence_closed_by_its_attribution_is_what_was_said(string paragraph, string content, string speaker)
    {
        var quotes = Extract("The council met on Friday.", paragraph);
        var quote = Single(quotes, content[..12]);
        Assert.Equal(content, quote.Text);
        Assert.Equal(speaker, quote.Speaker);
    }

    [Theory]
    [InlineData("The British demands were unacceptable, French minister Pierre Martin told reporters.", "The British demands were unacceptable", "Pierre Martin")]
    [InlineData("Prices will keep rising until the spring, a spokeswoman for the central bank said.", "Prices will keep rising until the spring", "a spokeswoman for the central bank")]
    [InlineData("The company will cut 500 jobs, a spokeswoman for the central bank said.", "The company will cut 500 jobs", "a spokeswoman for the central bank")]
    [InlineData("The company plans to cut 500 jobs, according to a person familiar with the matter.", "The company plans to cut 500 jobs", "a person familiar with the matter")]
    [InlineData("The talks will resume on Friday, said the head of the agency.", "The talks will resume on Friday", "the head of the agency")]
    public void The_words_where_the_source_stands_are_not_what_was_said(string paragraph, string content, string speaker)
    {
        var quote = Single(Extract("The council met on Friday.", paragraph), content[..12]);
        Assert.Equal(content, quote.Text);
        Assert.Equal(speaker, quote.Speaker);
    }

    [Theory]
    [InlineData("\"He did try to intimidate me,\" said John O'Donnell, who wrote about the attorney's visit in his book. \"Thank goodness, both of those things weren't true.\"",
        "He did try to intimidate me", "Thank goodness", "John O'Donnell")]
    [InlineData("\"We will not back down,\" said Maria Lopez, a spokeswoman for the union, referring to the strike. \"Our members are ready.\"",
        "We will not back down", "Our members are ready", "Maria Lopez")]
    public void A_quotation_that_goes_on_after_the_clause_of_its_source_keeps_its_cue(string paragraph, string start, string continuation, string speaker)
    {
        var quotes = Extract("Senators met on Tuesday.", paragraph);
        var quote = Single(quotes, start);
        Assert.Contains(continuation, quote.Text);
        Assert.Equal("said", quote.Cue);
        Assert.Equal(speaker, quote.Speaker);
        Assert.DoesNotContain(quotes, q => q != quote && q.Text.Contains(continuation, StringComparison.Ordinal));
    }

    [Fact]
    public void A_quote_of_words_that_only_stand_for_others_is_not_kept()
    {
        var quotes = Extract("The mayor was accused of taking bribes on Monday.", "Anna Reyes denied it. The council asked him to resign, but he refused that.");
        Assert.DoesNotContain(quotes, q => q.Text is "it" or "that");
        // A content with a word of its own stays, pronoun and all.
        Single(quotes, "him to resign");
    }

    [Fact]
    public void A_set_phrase_with_a_verb_of_saying_attributes_nothing()
    {
        Assert.Empty(Extract("The council met on Friday. The vote was close.", "That said, the plan has to change before the summer."));
    }

    [Fact]
    public void A_relative_clause_after_a_comma_is_no_trailing_attribution()
    {
        var quotes = Extract("The council met on Friday.", "The Changi airport won the title at the annual awards, which were announced in Paris.");
        Assert.Empty(quotes);
    }

    [Fact]
    public void A_trailing_attribution_is_the_outer_one_when_the_quote_reports_a_verb_of_its_own()
    {
        var quotes = Extract("Anna Reyes spoke on Tuesday.",
            "A budget cannot pass without the schools. And the mayor has repeatedly emphasized that the schools must come first, Reyes said at city hall.");
        var quote = Single(quotes, "A budget cannot pass");
        Assert.Equal("Anna Reyes", quote.Speaker);
        Assert.Contains("the schools must come first", quote.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Object_content_stops_before_where_and_when_it_was_said()
    {
        var quotes = Extract("Mayor Anna Reyes spoke on Tuesday.", "Anna Reyes attacked the budget plan in a statement on Friday.");
        Assert.Equal("the budget plan", Single(quotes, "the budget plan").Text);
    }

    [Fact]
    public void A_stance_verb_coordinated_inside_a_reported_clause_stays_in_the_content()
    {
        var quotes = Extract("A man was arrested downtown.", "Police say he threatened the officers and refused to drop the knife.");
        var police = Single(quotes, "he threatened the officers");
        Assert.Equal("he threatened the officers and refused to drop the knife", police.Text.TrimEnd('.'));
        Assert.Equal(QuoteType.Indirect, police.Type);
        Assert.DoesNotContain(quotes, q => q.Cue == "refused");
    }

    [Fact]
    public void A_leading_participle_phrase_is_not_trailing_content()
    {
        var quotes = Extract(
            "Senator Paul Grant spoke on Monday.",
            "Heading into the final debate next week, Paul Grant told the Daily Ledger that nobody doubted his record.");
        Assert.DoesNotContain(quotes, q => q.Text.StartsWith("Heading", StringComparison.Ordinal));
        Assert.Equal("Paul Grant", Single(quotes, "nobody doubted his record").Speaker);
    }

    [Fact]
    public void A_comparison_is_not_an_attribution()
    {
        var quotes = Extract("We should talk about schools, Paul Grant said. And we do not do it nearly as much as they talk about taxes.");
        Assert.DoesNotContain(quotes, q => q.Speaker == "they");
        var grant = Single(quotes, "We should talk about schools");
        Assert.EndsWith("as much as they talk about taxes", grant.Text.TrimEnd('.'));
    }

    [Fact]
    public void A_short_answer_to_a_question_takes_its_trailing_attribution()
    {
        var quotes = Extract("Shops on Main Street are closing.", "Are we where we need to be? Probably not, Maria Lopez said.");
        var lopez = Single(quotes, "Are we where we need to be?");
        Assert.EndsWith("Probably not", lopez.Text);
        Assert.Equal("Maria Lopez", lopez.Speaker);
    }

    [Fact]
    public void Two_words_without_a_question_before_them_are_no_trailing_content()
    {
        var quotes = Extract("Shops on Main Street are closing.", "Shops closed. Probably not, Maria Lopez said.");
        Assert.DoesNotContain(quotes, q => q.Text.StartsWith("Probably not", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Our assumption is that the veto will be overridden, Paul Grant, 82, said.")]
    public void A_trailing_speaker_keeps_its_age_out_of_the_content(string paragraph)
    {
        var quotes = Extract("The vote is close.", paragraph);
        var grant = Single(quotes, "Our assumption");
        Assert.Equal("Our assumption is that the veto will be overridden", grant.Text);
        Assert.Equal("Paul Grant", grant.Speaker);
    }

    [Fact]
    public void Nobody_is_no_speaker_and_a_comparison_with_says_does_not_end_a_quote()
    {
        var quotes = Extract(
            "The vote is close.",
            "Nobody wants to bus their kids across town.",
            "Why won't he release his returns? I think there are reasons, Maria Lopez said. Maybe he is not as rich as he says he is.");
        Assert.DoesNotContain(quotes, q => q.Speaker == "Nobody");
        var lopez = Single(quotes, "Why won't he");
        Assert.EndsWith("as rich as he says he is", lopez.Text.TrimEnd('.'));
        Assert.DoesNotContain(quotes, q => q.Cue == "says");
    }

    [Fact]
    public void Continued_before_a_comma_or_at_the_end_attributes_but_not_as_an_ordinary_verb()
    {
        var quotes = Extract(
            "Senator Paul Grant spoke at the rally.",
            "Maybe I can change their minds, he continued. Paul Grant continued, For us, the families, all we want is a hearing in court.",
            "The war continued for years after the treaty was signed.");
        Assert.Equal("Paul Grant", Single(quotes, "Maybe I can").Speaker);
        var families = Single(quotes, "For us");
        Assert.Equal("For us, the families, all we want is a hearing in court", families.Text);
        Assert.DoesNotContain(quotes, q => q.Text.Contains("treaty", StringComparison.Ordinal));
    }

    [Fact]
    public void A_sentence_opening_with_its_cue_and_speaker_quotes_what_follows_the_colon()
    {
        var quotes = Extract("Senator Paul Grant spoke at the rally.", "The mayor spoke first. Said Grant: I don't get the sense she is the least bit interested in reform.");
        var grant = Single(quotes, "I don't get");
        Assert.EndsWith("Grant", grant.Speaker);
        Assert.Equal("said", grant.Cue);
    }

    [Fact]
    public void A_cue_with_a_place_before_its_that_clause_reports_the_clause()
    {
        var quotes = Extract(
            "Candidate Paul Grant spoke in Colorado.",
            "Following the first reports, but before officials had said anything, Paul Grant said at an event in Colorado Springs that a bomb had gone off in the city.");
        var grant = Single(quotes, "a bomb had gone off");
        Assert.Equal("Paul Grant", grant.Speaker);
        Assert.DoesNotContain(quotes, q => q.Text.StartsWith("Following", StringComparison.Ordinal));
    }

    [Fact]
    public void A_negated_passive_is_no_attribution_and_does_not_end_the_quote_before_it()
    {
        var quotes = Extract(
            "Historian Anna Reyes spoke at the museum.",
            "We have made major contributions to America, Anna Reyes said. We are part of a history that isn't told like it should be in classrooms.");
        Assert.DoesNotContain(quotes, q => q.Cue == "told");
        Assert.Contains("isn't told like it should be in classrooms", Single(quotes, "We have made").Text);
    }

    [Theory]
    [InlineData("Though the transition to the new mayor was relatively seamless in every respect, Paul Grant said.")]
    [InlineData("Speaking to students at the university in the capital on a rainy afternoon this week, Paul Grant responded.")]
    [InlineData("One after another, mining companies, including the largest one, declared bankruptcy.")]
    public void A_clause_or_phrase_with_no_main_clause_is_no_quote(string paragraph)
    {
        var quotes = Extract("Senator Paul Grant spoke at the rally.", paragraph);
        Assert.DoesNotContain(quotes, q => q.Type == QuoteType.Unmarked);
    }

    [Fact]
    public void A_participle_opening_a_clause_with_a_verb_of_its_own_is_still_content()
    {
        var quotes = Extract("Senator Paul Grant spoke at the rally.", "Shifting monsoon patterns in South Asia could affect a billion people, Paul Grant said.");
        Assert.Equal("Paul Grant", Single(quotes, "Shifting monsoon").Speaker);
    }

    [Fact]
    public void Del_before_a_name_is_a_title_and_does_not_end_the_sentence()
    {
        var quotes = Extract(
            "The committee met on Tuesday.",
            "This is a waste of time. It is destroying the reputation of this committee, said Del. Stacey Plaskett of the Virgin Islands.");
        Assert.Equal("Stacey Plaskett", Single(quotes, "This is a waste of time. It is destroying").Speaker);
    }

    [Fact]
    public void A_named_speaker_with_a_participle_of_saying_and_a_comma_quotes_what_follows()
    {
        var quotes = Extract(
            "Hillary Clinton is running for president.",
            "The ad uses footage of Hillary Clinton asking, Why aren't I 50 points ahead, you might ask?");
        var clinton = Single(quotes, "Why aren't I");
        Assert.Equal(("Hillary Clinton", "asking"), (clinton.Speaker, clinton.Cue));
    }

    [Theory]
    [InlineData("I would, Anna Reyes said to the television.", "I would")]
    [InlineData("The answers are not meeting the demand, says Anna Reyes, founder of the veterans group.", "The answers are not meeting the demand")]
    public void Short_first_person_quotes_and_says_before_the_speaker_are_attributions(string paragraph, string content)
    {
        var quotes = Extract("Senator Anna Reyes spoke on Friday.", paragraph);
        var reyes = Single(quotes, content);
        Assert.Equal(content, reyes.Text);
        Assert.Equal("Anna Reyes", reyes.Speaker);
    }

    [Fact]
    public void A_clause_after_but_goes_on_with_the_quote_and_a_first_person_clause_is_no_apposition()
    {
        var quotes = Extract(
            "President Paul Grant dismissed the criticism.",
            "You know, I love Larry, he said, but when it comes to energy issues, Larry has a history of representing the coal industry.");
        var grant = Single(quotes, "You know, I love Larry");
        Assert.Equal("Paul Grant", grant.Speaker);
        Assert.EndsWith("representing the coal industry", grant.Text);
    }

    [Fact]
    public void A_verb_after_but_is_the_writer_going_on_about_the_speaker()
    {
        var quotes = Extract("President Paul Grant spoke on Friday.", "The plan will work for every family in the state, Paul Grant said, but did not say how.");
        Assert.Equal("The plan will work for every family in the state", Single(quotes, "The plan will work").Text);
    }

    [Fact]
    public void After_said_and_a_comma_a_participle_is_still_the_speakers_words_but_one_of_saying_is_not()
    {
        var quotes = Extract(
            "Donald Trump and Anna Reyes are in the race.",
            "Anna Reyes, who runs the veterans' campaign, said, Trump has been disrespecting our veterans for decades, proving he is unfit to lead.",
            "Anna Reyes said, The plan is a good one, adding that she would vote for it.");
        Assert.Equal("Trump has been disrespecting our veterans for decades, proving he is unfit to lead", Single(quotes, "Trump has been").Text);
        Assert.Equal("The plan is a good one", Single(quotes, "The plan").Text);
    }

    [Fact]
    public void Narration_and_another_speakers_words_linked_to_a_cue_are_not_its_quote()
    {
        // The content labels also found the narration after "Melanie Carter said", and the governor's words, whose cue
        // ("went on about") was not found, after "she asked": both had been joined to the nearest quote of the cue.
        var quotes = Extract(
            "Supporters gathered in the hall on Tuesday night as the results came in.",
            "\"He really does love us,\" Melanie Carter said, as the balloons were dropping, the band was playing and her husband was switching off the television.",
            "\"You winning?\" she asked later, but Kevin was drifting off again, and as the governor went on about \"how the system is rigged,\" and \"our own struggling families,\" the room fell silent.");
        var love = Single(quotes, "He really does love us");
        Assert.Equal("He really does love us", love.Text);
        Assert.Equal("Melanie Carter", love.Speaker);
        var winning = Single(quotes, "You winning?");
        Assert.Equal("You winning?", winning.Text);
        Assert.Equal("person:melanie-carter", winning.SpeakerEntity);
    }

    [Fact]
    public void A_quote_in_marks_does_not_go_on_into_the_narration_after_it()
    {
        var quotes = Extract(
            "The mayor said the bridge would reopen in May, and he thanked the workers. \"This town never gives up. We rebuilt it together,\" he said. Then the band played, the crowd cheered and the mayor cut the ribbon. \"I am proud of every one of you.\" The ceremony ended at noon. Residents said the bridge had been closed for two years.");
        var proud = Assert.Single(quotes, q => q.Text.Contains("I am proud of every one of you", StringComparison.Ordinal));
        // The sentence after the closing mark is narration: it was grown onto the quote as a whole sentence.
        Assert.DoesNotContain("ceremony", proud.Text, StringComparison.Ordinal);
    }
}


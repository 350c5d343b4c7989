using Pipeline.Quotes;

namespace Pipeline.Tests.Quotes;

/// <summary>Quotes whose marks were stripped (the seed's form): where they begin and end, and who said them.</summary>
public sealed partial class QuoteExtractorTests
{
    [Fact]
    public void Stripped_quote_with_trailing_attribution_is_unmarked_and_attributed()
    {
        var quotes = Extract("Shops on Main Street are closing.", "It is all I can afford, said Maria Lopez, who runs the bakery.");
        var lopez = Single(quotes, "It is all I can afford");
        Assert.Equal("It is all I can afford", lopez.Text);
        Assert.Equal(QuoteType.Unmarked, lopez.Type);
        Assert.Equal("Maria Lopez", lopez.Speaker);
    }

    [Fact]
    public void A_stripped_quote_does_not_run_on_into_a_sentence_about_its_speaker()
    {
        var quotes = Extract(
            "The vote is close.",
            "I think every candidate should do so, Paul Grant told me this week. Mr. Grant served as director of the budget office for four years.");
        var grant = Single(quotes, "I think every candidate");
        Assert.Equal("I think every candidate should do so", grant.Text);
    }

    [Theory]
    [InlineData("God forbid we ask the council anything, Paul Grant said sarcastically.", "God forbid we ask the council anything")]
    [InlineData("It never crossed my mind that I was losing it, Paul Grant said several months after his release, and a big reason was the vote.", "It never crossed my mind that I was losing it")]
    [InlineData("Republicans are in a frenzy that is disorganized, said one Democratic source on the panel.", "Republicans are in a frenzy that is disorganized")]
    public void Stripped_quotes_keep_their_trailing_attribution_past_adverbs_time_spans_and_clauses_of_its_own(string paragraph, string content)
    {
        var quotes = Extract("The vote is close.", paragraph);
        var quote = Single(quotes, content[..12]);
        Assert.Equal(content, quote.Text);
        Assert.Equal(QuoteType.Unmarked, quote.Type);
    }

    [Fact]
    public void Without_marks_a_sentence_before_the_quote_that_calls_the_speaker_he_is_narration()
    {
        var quotes = Extract(
            "Mine owner Tom Clarke wants to offset his emissions.",
            "But right now, he is offsetting only 10 percent of them. It's all I can afford, he said.");
        Assert.Equal("It's all I can afford", Single(quotes, "It's all").Text);
    }
}

using Pipeline.Quotes;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Quotes;

/// <summary>The seed's quotes lost their quotation marks: <c>…, Sullivan said.</c></summary>
public sealed class SeedQuoteTests
{
    private static IReadOnlyList<Quote> Quotes => Seed.Result.Quotes;

    [Fact]
    public void All_eleven_unmarked_passages_are_found_with_their_speakers()
    {
        var unmarked = Quotes.Where(q => q.Type == QuoteType.Unmarked).ToList();
        Assert.Equal(11, unmarked.Count);
        Assert.Equal(9, unmarked.Count(q => q.Speaker == "Jake Sullivan" && q.SpeakerEntity == "person:jake-sullivan"));
        Assert.Equal(2, unmarked.Count(q => q.Speaker == "Benjamin Netanyahu"));
    }

    [Theory]
    [InlineData("A military plan cannot succeed", "clear strategic end game", "Jake Sullivan")]
    [InlineData("We talked about the latest developments", "that helps achieve those goals", "Benjamin Netanyahu")]
    [InlineData("It is inappropriate to go to a sister democracy", "it was not a banana republic", "Benjamin Netanyahu")]
    [InlineData("From President Bidens perspective", "That was what he was focused on on the call", "Jake Sullivan")]
    [InlineData("You have the prime minister speaking", "as they talk about ours", "Jake Sullivan")]
    [InlineData("So in that sense, I would say", "as we move forward.", "Jake Sullivan")]
    [InlineData("We will try to build that ceasefire", "we consider this an urgent priority", "Jake Sullivan")]
    public void Unmarked_quote_spans_its_clauses_and_continuations(string start, string end, string speaker)
    {
        var quote = Assert.Single(Quotes, q => q.Text.StartsWith(start, StringComparison.Ordinal));
        Assert.EndsWith(end, quote.Text.TrimEnd('.') + (end.EndsWith('.') ? "." : ""));
        Assert.Equal(speaker, quote.Speaker);
        Assert.Equal(quote.Text, string.Join(" ", quote.Parts.Select(p => Repository.SeedText[p.Start..p.End])));
    }

    [Fact]
    public void He_said_resolves_to_the_latest_speaker()
    {
        var heSaid = Quotes.Where(q => q.SpeakerMention is { } m && Repository.SeedText[m.Start..m.End] == "he" && q.Type == QuoteType.Unmarked).ToList();
        Assert.Equal(2, heSaid.Count);
        Assert.All(heSaid, q => Assert.Equal("Jake Sullivan", q.Speaker));
    }

    [Fact]
    public void Reported_speech_is_indirect_and_attributed()
    {
        var redLine = Assert.Single(Quotes, q => q.Text.StartsWith("an invasion of Rafah would constitute a red line", StringComparison.Ordinal));
        Assert.Equal(QuoteType.Indirect, redLine.Type);
        Assert.Equal("Joe Biden", redLine.Speaker);
        Assert.Equal("said", redLine.Cue);

        var officials = Assert.Single(Quotes, q => q.Text == "they had not seen such a plan");
        Assert.Equal("officials", officials.Speaker);
        Assert.Null(officials.SpeakerEntity);
    }

    [Fact]
    public void No_quote_is_attributed_to_anything_but_a_person_an_organization_or_a_description()
    {
        Assert.All(Quotes, q =>
            Assert.True(q.SpeakerEntity is null || q.SpeakerEntity.StartsWith("person:") || q.SpeakerEntity.StartsWith("organization:"),
                $"{q.Speaker} ({q.SpeakerEntity}) for: {q.Text}"));
        Assert.DoesNotContain(Quotes, q => q.Speaker is "Monday" or "Sunday");
    }
}

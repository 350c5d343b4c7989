using Pipeline.Articles;
using Pipeline.Quotes;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Quotes;

/// <summary>The seed's quotes lost their quotation marks: <c>…, Sullivan said.</c></summary>
public sealed class SeedQuoteTests
{
    private static IReadOnlyList<Quote> Quotes => Seed.Result.Quotes;

    /// <summary>The seed's eleven passages whose quotation marks were stripped, by their first words, with their speakers.</summary>
    private static readonly (string Start, string Speaker)[] StrippedPassages =
    [
        ("A military plan cannot succeed", "Jake Sullivan"),
        ("We talked about the latest developments", "Benjamin Netanyahu"),
        ("It is inappropriate to go to a sister democracy", "Benjamin Netanyahu"),
        ("Netanyahu raised concerns about a number of things", "Jake Sullivan"),
        ("From President Bidens perspective", "Jake Sullivan"),
        ("You have the prime minister speaking", "Jake Sullivan"),
        ("Speaking to Netanyahu, Biden explained", "Jake Sullivan"),
        ("Our position is that Hamas", "Jake Sullivan"),
        ("It ended in a perfectly normal way", "Jake Sullivan"),
        ("So in that sense, I would say", "Jake Sullivan"),
        ("We will try to build that ceasefire", "Jake Sullivan"),
    ];

    /// <remarks>
    /// Without its marks, one of them reads as reported speech (<c>Speaking to Netanyahu, Biden explained why he is so
    /// concerned …, Sullivan said.</c>: the writer's words or Sullivan's, the text alone cannot tell): it is found with its
    /// speaker, and at least ten of the eleven are typed unmarked.
    /// </remarks>
    [Fact]
    public void All_eleven_unmarked_passages_are_found_with_their_speakers()
    {
        Assert.All(StrippedPassages, passage =>
        {
            var quote = Assert.Single(Quotes, q => q.Text.StartsWith(passage.Start, StringComparison.Ordinal));
            Assert.Equal(passage.Speaker, quote.Speaker);
            Assert.NotEqual(QuoteType.Direct, quote.Type);
        });
        var unmarked = Quotes.Where(q => q.Type == QuoteType.Unmarked).ToList();
        Assert.InRange(unmarked.Count, 10, 11);
        Assert.All(unmarked, q => Assert.Contains(StrippedPassages, p => q.Text.StartsWith(p.Start, StringComparison.Ordinal)));
        Assert.Equal(9, Quotes.Count(q => q.Speaker == "Jake Sullivan" && q.SpeakerEntity == "person:jake-sullivan"
                                          && StrippedPassages.Any(p => q.Text.StartsWith(p.Start, StringComparison.Ordinal))));
    }

    /// <remarks>
    /// The seed as text that lost its line breaks too (one line after its title): read in the paragraphs the break stage
    /// finds (<c>NewsParagraphs</c>), ten passages are found whole with their speakers; read as one paragraph, several began
    /// a sentence early or late, and a sentence of narration ran into one of Sullivan's.
    /// </remarks>
    [Fact]
    public void Without_its_line_breaks_the_seed_keeps_ten_of_its_passages()
    {
        var lines = Repository.SeedText.Split('\n');
        string text = lines[0] + "\n" + lines[1] + "\n" + string.Join(" ", lines.Skip(2).Select(l => l.Trim()).Where(l => l.Length > 0)) + "\n";
        var quotes = Seed.Extractor.Extract(ArticleParser.Parse("seed", "seed.txt", text)).Quotes;

        int whole = StrippedPassages.Count(p => quotes.Any(q => q.Text.StartsWith(p.Start, StringComparison.Ordinal) && q.Speaker == p.Speaker));
        Assert.InRange(whole, 10, 11);
        Assert.DoesNotContain(quotes, q => q.Text.Contains("Biden-Netanyahu relations have shifted", StringComparison.Ordinal));
        Assert.All(quotes.Where(q => q.Type == QuoteType.Unmarked), q => Assert.Contains(q.Speaker, new[] { "Jake Sullivan", "Benjamin Netanyahu" }));
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

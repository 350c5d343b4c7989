using System.Diagnostics;

namespace Pipeline.Tests.Quotes;

/// <summary>Text that could break the extraction: apostrophes, unbalanced marks, ten thousand marks in a row.</summary>
public sealed partial class QuoteExtractorTests
{
    [Theory]
    [InlineData("Fans of the '90s still love rock 'n' roll, and the Schumers' shop sells it, Paul Grant said.")]
    [InlineData("“He said “no” and “yes” and then “maybe, Paul Grant said.")]
    [InlineData("”Unbalanced” marks ” everywhere “ here ” and “ there, said Paul Grant.")]
    public void Apostrophes_and_unbalanced_marks_do_not_break_extraction(string text)
    {
        var quotes = Extract(text);
        Assert.All(quotes, q => Assert.InRange(q.Span.End, q.Span.Start, 10_000));
    }

    [Fact]
    public void Ten_thousand_quote_marks_in_a_row_finish_quickly()
    {
        var text = new string('"', 10_000) + " and " + new string('“', 5_000) + new string('”', 5_000) + ", Paul Grant said.";
        var watch = Stopwatch.StartNew();
        var quotes = Extract(text);
        watch.Stop();
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
        Assert.True(quotes.Count < 10_000);
    }
}

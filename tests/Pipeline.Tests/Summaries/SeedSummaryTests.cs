using Pipeline.Summaries;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Summaries;

public sealed class SeedSummaryTests
{
    [Fact]
    public void The_summary_is_three_body_sentences_in_document_order()
    {
        var result = Seed.Result;
        var summary = Summary.Take(result.Summary, 3, s => s.Index);
        Assert.Equal(3, summary.Count);
        Assert.True(summary[0].Index < summary[1].Index && summary[1].Index < summary[2].Index);
        Assert.All(summary, s =>
        {
            Assert.True(s.Span.Start >= result.Article.BodyStart, "a header line is not a summary sentence");
            Assert.False(s.Text.StartsWith(','), "a fragment is not a summary sentence");
            Assert.Equal(s.Text, result.Article.Text[s.Span.Start..s.Span.End]);
        });
    }

    [Theory]
    [InlineData("")]
    [InlineData("One sentence only.")]
    [InlineData("no punctuation at all just words and more words")]
    public void Small_or_odd_articles_give_a_sensible_summary(string body)
    {
        var article = Pipeline.Articles.ArticleParser.Parse("a", "a.txt", "Title\n" + (body.Length == 0 ? "x" : body));
        var result = Seed.Extractor.Extract(article);
        Assert.True(result.Summary.Count <= 1);
    }
}

using Pipeline.Articles;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Articles;

public sealed class ArticleParserTests
{
    [Fact]
    public void The_seed_header_gives_date_section_title_dateline_and_source()
    {
        var article = ArticleParser.Parse("seed", "seed.txt", Repository.SeedText);
        Assert.Equal("Biden and Netanyahu speak for the first time in a month amid deepening rifts", article.Metadata.Title);
        Assert.Equal(new DateOnly(2024, 3, 19), article.Metadata.Published);
        Assert.Equal("International", article.Metadata.Section);
        Assert.Equal("Washington", article.Metadata.Dateline);
        Assert.Equal("CNN", article.Metadata.Source);
        Assert.StartsWith("President Joe Biden spoke by phone Monday", article.Text[article.Paragraphs[0].Start..article.Paragraphs[0].End]);
        Assert.Equal(31, article.Paragraphs.Count);
    }

    [Fact]
    public void Plain_text_takes_its_first_line_as_title()
    {
        var article = ArticleParser.Parse("a", "a.txt", "A plain title\r\nFirst paragraph.\r\n\r\nSecond paragraph\r\nwraps here.\r\n");
        Assert.Equal("A plain title", article.Metadata.Title);
        Assert.Null(article.Metadata.Published);
        Assert.Equal(2, article.Paragraphs.Count);
        Assert.Equal("Second paragraph\r\nwraps here.", article.Text[article.Paragraphs[1].Start..article.Paragraphs[1].End]);
    }

    [Fact]
    public void Lines_too_long_to_be_wrapped_are_paragraphs_even_between_blank_lines()
    {
        var story = "The committee met for four hours on Tuesday and agreed on a budget that leaves the harbour project without money for a second year.";
        var text = "Harbour plan stalls\n\nCouncil Leaders Cannot Agree On Marta Lindqvist\nBERGEN, Norway -- " + story + "\n\n" + story + "\n";
        var article = ArticleParser.Parse("a", "a.txt", text);
        var paragraphs = article.Paragraphs.Select(p => article.Text[p.Start..p.End]).ToArray();
        Assert.Equal(["Council Leaders Cannot Agree On Marta Lindqvist", "BERGEN, Norway -- " + story, story], paragraphs);
    }

    [Fact]
    public void A_one_line_file_is_its_own_body()
    {
        var article = ArticleParser.Parse("a", "a.txt", "Only one line here.");
        Assert.Equal("Only one line here.", article.Metadata.Title);
        Assert.Single(article.Paragraphs);
    }

    [Fact]
    public void A_very_long_first_line_is_body_and_gives_a_shortened_title()
    {
        var line = string.Join(" ", Enumerable.Repeat("word", 200));
        var article = ArticleParser.Parse("a", "a.txt", line + "\nNext.");
        Assert.True(article.Metadata.Title.Length <= ArticleParser.MaxTitleLength + 1);
        Assert.EndsWith("…", article.Metadata.Title);
        Assert.Equal(2, article.Paragraphs.Count);
    }

    [Fact]
    public void Html_in_a_text_file_is_rejected_with_a_reason()
    {
        var error = Assert.Throws<ArticleRejectedException>(() => ArticleParser.Parse("a", "page.txt", "<!DOCTYPE html><html><body>x</body></html>"));
        Assert.Contains("HTML", error.Message);
    }
}

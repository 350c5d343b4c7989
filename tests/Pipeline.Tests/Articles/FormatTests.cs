using System.Text;
using Pipeline.Articles;
using Pipeline.Articles.Formats;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Articles;

/// <summary>Articles arrive as text, Markdown, saved web pages or JSON; offsets always point into the extracted text.</summary>
public sealed class FormatTests
{
    private static Article Read(string name, string content) => ArticleReader.Read(ArticleId.FromBlobName(name), name, Encoding.UTF8.GetBytes(content));

    private static string NewsPage => File.ReadAllText(Path.Combine(Repository.Root, "tests", "Pipeline.Tests", "Articles", "Samples", "news-page.html"));

    [Fact]
    public void A_saved_news_page_gives_its_article_text_without_navigation_ads_or_comments()
    {
        var article = Read("harbour.html", NewsPage);
        Assert.Contains("The harbour in Bergen reopened on Monday", article.Text);
        Assert.Contains("said Ingrid Dahl", article.Text);
        foreach (var boilerplate in new[] { "Advertisement", "Most read", "Finally! About time", "All rights reserved", "Sport" })
        {
            Assert.DoesNotContain(boilerplate, article.Text);
        }
        var m = article.Metadata;
        Assert.Equal("Harbour reopens after week-long storm closure", m.Title);
        Assert.Equal(new DateOnly(2024, 3, 19), m.Published);
        Assert.Equal("Local", m.Section);
        Assert.Equal("The Coastal Courier", m.Source);
        Assert.Equal("Maria Hansen", m.Author);
    }

    [Fact]
    public void A_news_page_runs_through_the_extraction_with_offsets_into_its_text()
    {
        var result = Seed.Extractor.Extract(Read("harbour.html", NewsPage));
        Assert.Contains(result.Entities, e => e.Name == "Jonas Berg" && e.Type == Pipeline.Entities.EntityType.Person);
        var quote = Assert.Single(result.Quotes, q => q.Text.StartsWith("We had to wait", StringComparison.Ordinal));
        Assert.Equal("Jonas Berg", quote.Speaker);
        Assert.All(result.Quotes, q => Assert.Equal(q.Text, string.Join(" ", q.Parts.Select(p => result.Article.Text[p.Start..p.End]))));
    }

    [Fact]
    public void Markdown_front_matter_gives_metadata_and_markdown_is_reduced_to_text()
    {
        var article = Read("post.md", """
            ---
            title: "Council approves bike lanes"
            date: 2024-05-02
            section: City
            source: Bergen Daily
            author: Ola Nordmann
            ---
            # Council approves bike lanes

            The city council approved **twelve** new bike lanes on [Tuesday](https://example.com/tuesday), mayor Anne Lie said.

            ![a photo](photo.jpg)

            - Work starts in June.
            - It ends in *October*.
            """);
        Assert.Equal("Council approves bike lanes", article.Metadata.Title);
        Assert.Equal(new DateOnly(2024, 5, 2), article.Metadata.Published);
        Assert.Equal(("City", "Bergen Daily", "Ola Nordmann"), (article.Metadata.Section, article.Metadata.Source, article.Metadata.Author));
        Assert.Contains("approved twelve new bike lanes on Tuesday, mayor Anne Lie said.", article.Text);
        Assert.DoesNotContain("**", article.Text);
        Assert.DoesNotContain("https://", article.Text);
        Assert.DoesNotContain("photo", article.Text);
        Assert.Contains("It ends in October.", article.Text);
    }

    [Theory]
    [InlineData("title: Stealth Over Health: Hillary Clinton's campaign", "Stealth Over Health: Hillary Clinton's campaign")]
    [InlineData("title: \"Quoted: as YAML wants\"", "Quoted: as YAML wants")]
    [InlineData("title: Breaking: markets fall, then rise: analysts", "Breaking: markets fall, then rise: analysts")]
    public void A_front_matter_headline_holding_a_colon_is_read_as_the_rest_of_its_line(string line, string title)
    {
        var article = Read("post.md", $"---\n{line}\ndate: 2016-08-31\nsection: Politics\n---\nThe campaign said little on Wednesday.\n");
        Assert.Equal(title, article.Metadata.Title);
        Assert.Equal(new DateOnly(2016, 8, 31), article.Metadata.Published);
        Assert.Equal("Politics", article.Metadata.Section);
    }

    [Fact]
    public void Markdown_without_front_matter_takes_its_first_heading_as_title()
    {
        var article = Read("note.md", "# Storm warning\n\nHeavy rain is expected on Friday, forecasters said.\n");
        Assert.Equal("Storm warning", article.Metadata.Title);
        Assert.Single(article.Paragraphs);
    }

    [Fact]
    public void Json_articles_carry_their_fields()
    {
        var article = Read("story.json", """
            { "title": "Ferry strike ends", "published": "2024-06-01", "section": "Business", "source": "NTB",
              "dateline": "Oslo", "author": "Kari Holm", "body": "The ferry strike ended on Saturday.\n\nUnions said talks had succeeded." }
            """);
        Assert.Equal(("Ferry strike ends", new DateOnly(2024, 6, 1), "Business", "NTB", "Oslo", "Kari Holm"),
            (article.Metadata.Title, article.Metadata.Published, article.Metadata.Section, article.Metadata.Source, article.Metadata.Dateline, article.Metadata.Author));
        Assert.Equal(2, article.Paragraphs.Count);
        Assert.Equal("Unions said talks had succeeded.", article.Text[article.Paragraphs[1].Start..article.Paragraphs[1].End]);
    }

    [Theory]
    [InlineData("report.pdf", "%PDF-1.7 anything", "'.pdf' files are not articles")]
    [InlineData("picture.jpg", "whatever", "'.jpg' files are not articles")]
    [InlineData("story.json", "this is not json", "not valid JSON")]
    [InlineData("story.json", "[1, 2, 3]", "\"body\"")]
    [InlineData("story.json", "{ \"title\": \"No body\" }", "no \"body\"")]
    [InlineData("page.html", "Just words, no markup at all.", "no HTML markup")]
    [InlineData("page.html", "<html><head><title>Empty</title></head><body><nav>Home</nav></body></html>", "No article text")]
    [InlineData("post.md", "---\ntitle: Fine\n[unclosed bracket\n---\nText.", "line 3 (\"[unclosed bracket\") is not 'key: value'")]
    [InlineData("post.md", "![only an image](x.png)", "no article text")]
    public void A_file_that_is_not_what_it_claims_is_rejected_with_a_reason(string name, string content, string reason)
    {
        var error = Assert.Throws<ArticleRejectedException>(() => Read(name, content));
        Assert.Contains(reason, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("a.txt")]
    [InlineData("a.TXT")]
    [InlineData("no-extension")]
    [InlineData("folder.with.dots/a")]
    public void Text_is_read_as_the_seed_format(string name) =>
        Assert.Equal("Title line", Read(name, "Title line\nBody text here.").Metadata.Title);
}

using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace Pipeline.Articles.Formats;

/// <summary>
/// Saved news web pages: the main article text found by SmartReader (a port of Mozilla's Readability, which leaves
/// out navigation, ads and comments), one paragraph per block; metadata from <c>og:title</c> or <c>&lt;title&gt;</c>,
/// <c>article:published_time</c>, <c>article:section</c>, <c>og:site_name</c> and the author meta tags.
/// </summary>
public static class HtmlArticles
{
    private const string Blocks = "p, h1, h2, h3, h4, h5, h6, li, blockquote, pre";

    public static Article Parse(string id, string blobName, string html)
    {
        if (!html.Contains('<'))
        {
            throw new ArticleRejectedException("The file is named .html but holds no HTML markup.");
        }
        var parser = new HtmlParser();
        var page = parser.ParseDocument(html);
        // The URL only resolves relative links in the page; nothing is downloaded.
        var readable = new SmartReader.Reader("https://articles.invalid/" + Uri.EscapeDataString(blobName), html).GetArticle();

        var text = new ArticleTextBuilder();
        if (readable.IsReadable && !string.IsNullOrWhiteSpace(readable.Content))
        {
            AddBlocks(parser.ParseDocument(readable.Content), text);
        }
        if (text.Count == 0 && page.Body is not null)
        {
            // Readability found no article: fall back to the page's own paragraphs.
            AddBlocks(page, text);
        }
        if (text.Count == 0)
        {
            throw new ArticleRejectedException("No article text was found in the page.");
        }

        var article = text.Build(id, blobName, new ArticleMetadata("", null, null, null, null));
        string title = Meta(page, "og:title") ?? page.Title?.Trim() ?? readable.Title ?? article.Text[article.Paragraphs[0].Start..article.Paragraphs[0].End];
        var published = MarkdownArticles.ParseDate(Meta(page, "article:published_time") ?? Meta(page, "date") ?? Meta(page, "pubdate"))
                        ?? (readable.PublicationDate is { } date ? DateOnly.FromDateTime(date) : null);
        return article with
        {
            Metadata = new ArticleMetadata(
                MarkdownArticles.Shorten(ArticleTextBuilder.Collapse(title)), published,
                Meta(page, "article:section"), null, Meta(page, "og:site_name") ?? readable.SiteName,
                Meta(page, "author") ?? Meta(page, "article:author") ?? NullIfEmpty(readable.Author) ?? NullIfEmpty(readable.Byline)),
        };
    }

    /// <summary>Text of the innermost block elements, so that a list item holding a paragraph counts once.</summary>
    private static void AddBlocks(IParentNode root, ArticleTextBuilder text)
    {
        foreach (var element in root.QuerySelectorAll(Blocks))
        {
            if (element.QuerySelector(Blocks) is null)
            {
                text.Add(element.TextContent);
            }
        }
    }

    private static string? Meta(IDocument page, string name)
    {
        foreach (var meta in page.QuerySelectorAll("meta"))
        {
            var key = meta.GetAttribute("property") ?? meta.GetAttribute("name") ?? meta.GetAttribute("itemprop");
            if (key is not null && key.Equals(name, StringComparison.OrdinalIgnoreCase) && NullIfEmpty(meta.GetAttribute("content")) is { } value)
            {
                return value.Trim();
            }
        }
        return null;
    }

    private static string? NullIfEmpty(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}

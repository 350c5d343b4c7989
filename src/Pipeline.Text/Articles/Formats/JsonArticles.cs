using System.Text.Json;

namespace Pipeline.Articles.Formats;

/// <summary>
/// JSON articles: <c>{ "title", "published", "section", "source", "dateline", "author", "body" }</c>. Only
/// <c>body</c> is required (paragraphs separated by blank lines or line breaks); <c>published</c> is an ISO date.
/// </summary>
public static class JsonArticles
{
    public static Article Parse(string id, string blobName, string source)
    {
        JsonDocument json;
        try
        {
            json = JsonDocument.Parse(source, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            throw new ArticleRejectedException($"The file is not valid JSON: {e.Message}");
        }
        using (json)
        {
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new ArticleRejectedException("A JSON article is an object with at least a \"body\" string.");
            }
            var body = String(root, "body") ?? throw new ArticleRejectedException("The JSON article has no \"body\" string.");
            var text = new ArticleTextBuilder();
            foreach (var paragraph in body.Replace("\r\n", "\n").Split("\n", StringSplitOptions.RemoveEmptyEntries))
            {
                text.Add(paragraph);
            }
            var article = text.Build(id, blobName, new ArticleMetadata("", null, null, null, null));
            var title = String(root, "title") ?? article.Text[article.Paragraphs[0].Start..article.Paragraphs[0].End];
            return article with
            {
                Metadata = new ArticleMetadata(
                    MarkdownArticles.Shorten(ArticleTextBuilder.Collapse(title)),
                    MarkdownArticles.ParseDate(String(root, "published") ?? String(root, "date")),
                    String(root, "section"), String(root, "dateline"), String(root, "source"), String(root, "author")),
            };
        }
    }

    private static string? String(JsonElement root, string name)
    {
        foreach (var property in root.EnumerateObject())
        {
            if (property.NameEquals(name) || property.Name.Equals(name, StringComparison.OrdinalIgnoreCase))
            {
                return property.Value.ValueKind == JsonValueKind.String && property.Value.GetString() is { Length: > 0 } value ? value : null;
            }
        }
        return null;
    }
}

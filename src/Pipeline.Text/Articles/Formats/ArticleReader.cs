namespace Pipeline.Articles.Formats;

/// <summary>
/// Reads an uploaded file into an <see cref="Article"/> by its extension: plain text (<c>.txt</c>, or no extension),
/// Markdown (<c>.md</c>), a saved web page (<c>.html</c>), or JSON (<c>.json</c>). Anything else, or a file that is
/// not what its extension says, is rejected with a reason.
/// </summary>
public static class ArticleReader
{
    /// <summary>The extensions accepted, for messages and documentation.</summary>
    public const string Supported = ".txt, .md, .html, .json";

    public static Article Read(string id, string blobName, ReadOnlySpan<byte> content)
    {
        string extension = Extension(blobName);
        return extension switch
        {
            "" or ".txt" or ".text" => ArticleParser.Parse(id, blobName, ArticleDecoder.Decode(content)),
            ".md" or ".markdown" => MarkdownArticles.Parse(id, blobName, ArticleDecoder.Decode(content)),
            ".html" or ".htm" => HtmlArticles.Parse(id, blobName, ArticleDecoder.Decode(content)),
            ".json" => JsonArticles.Parse(id, blobName, ArticleDecoder.Decode(content)),
            _ => throw new ArticleRejectedException($"'{extension}' files are not articles this pipeline reads; supported: {Supported}."),
        };
    }

    /// <summary>The lower-case extension of the last path segment, or "".</summary>
    public static string Extension(string blobName)
    {
        int slash = blobName.LastIndexOf('/');
        int dot = blobName.LastIndexOf('.');
        return dot > slash + 1 ? blobName[dot..].ToLowerInvariant() : "";
    }
}

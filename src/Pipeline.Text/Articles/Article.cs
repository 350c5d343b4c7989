using Pipeline.Text;

namespace Pipeline.Articles;

/// <summary>What the header of an article says about it.</summary>
public sealed record ArticleMetadata(
    string Title,
    DateOnly? Published,
    string? Section,
    string? Dateline,
    string? Source,
    string? Author = null);

/// <summary>
/// A parsed article: its full text exactly as decoded, its metadata, and where its body paragraphs are.
/// Every offset the extraction reports points into <see cref="Text"/>.
/// </summary>
public sealed record Article(
    string Id,
    string BlobName,
    string Text,
    ArticleMetadata Metadata,
    IReadOnlyList<TextSpan> Paragraphs)
{
    /// <summary>Offset where the body starts (after any header lines).</summary>
    public int BodyStart => Paragraphs.Count > 0 ? Paragraphs[0].Start : Text.Length;
}

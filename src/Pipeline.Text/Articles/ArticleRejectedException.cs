namespace Pipeline.Articles;

/// <summary>
/// The article's content can never be processed (empty, binary, not text, too large). Processing records it as
/// <c>failed</c> with <see cref="Exception.Message"/> as the reason and does not retry it.
/// </summary>
public sealed class ArticleRejectedException(string reason) : Exception(reason);

using Pipeline.Text;

namespace Pipeline.Articles;

/// <summary>
/// Article ids: the blob name, encoded to be safe as a Table key and in a URL (see <see cref="SafeKey"/>).
/// <c>000_09b943ff63819a7c.txt</c> stays as it is; <c>world/news #1.txt</c> becomes <c>world~2Fnews~20~231.txt</c>.
/// </summary>
public static class ArticleId
{
    public static string FromBlobName(string blobName) => SafeKey.Encode(blobName);

    public static bool IsWellFormed(string? id) => id is not null && SafeKey.IsWellFormed(id);
}

using Pipeline.Storage;

namespace Pipeline.Articles;

/// <summary>
/// Article ids: the blob name, encoded to be safe as a Table key and in a URL (see <see cref="TableKey"/>).
/// <c>000_09b943ff63819a7c.txt</c> stays as it is; <c>world/news #1.txt</c> becomes <c>world~2Fnews~20~231.txt</c>.
/// </summary>
public static class ArticleId
{
    public static string FromBlobName(string blobName) => TableKey.Encode(blobName);

    public static bool IsWellFormed(string? id) => id is not null && TableKey.IsWellFormed(id);
}

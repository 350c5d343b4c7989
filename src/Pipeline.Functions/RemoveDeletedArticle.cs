using Microsoft.Azure.Functions.Worker;
using Pipeline.Processing;

namespace Pipeline.Functions;

/// <summary>
/// Removes the article of a deleted blob: its results, index rows and counts. In Azure, Event Grid delivers the storage
/// account's <c>BlobDeleted</c> events for the articles container to the <see cref="ArticleDeletions.Queue"/> queue
/// (<c>infra/modules/eventgrid.bicep</c>); locally, the reconciliation notices deleted blobs itself.
/// </summary>
public sealed class RemoveDeletedArticle(IArticleDeletions deletions)
{
    [Function(nameof(RemoveDeletedArticle))]
    public async Task Run([QueueTrigger(ArticleDeletions.Queue, Connection = ProcessArticle.Connection)] string message, CancellationToken cancellationToken) =>
        await deletions.HandleEventAsync(message, cancellationToken);
}

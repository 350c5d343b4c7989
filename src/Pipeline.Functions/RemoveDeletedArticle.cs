using Microsoft.Azure.Functions.Worker;
using Pipeline.Processing;

namespace Pipeline.Functions;

/// <summary>
/// Removes the article of a deleted blob: its results, index rows and counts. In Azure, Event Grid delivers the storage
/// account's <c>BlobDeleted</c> events for the articles container to the <see cref="ArticleDeletions.Queue"/> queue
/// (<c>infra/modules/eventgrid.bicep</c>); locally, where Azurite sends no events, the missed-blob check notices
/// deleted blobs within seconds and the reconciliation sweep catches any left.
/// </summary>
public sealed class RemoveDeletedArticle(IArticleDeletions deletions)
{
    [Function(nameof(RemoveDeletedArticle))]
    public async Task Run([QueueTrigger(ArticleDeletions.Queue, Connection = ProcessArticle.Connection)] string message, CancellationToken cancellationToken) =>
        await deletions.HandleEventAsync(message, cancellationToken);
}

using Microsoft.Azure.WebJobs;
using Pipeline.Functions;
using Pipeline.Recovery;
using Pipeline.Processing;

namespace Pipeline.LocalHost;

/// <summary>The WebJobs side of each queue-triggered function: same name and queue, a body that forwards.</summary>
public sealed class QueueTriggers(RecordPoisonedArticle recordPoisonedArticle, RemoveDeletedArticle removeDeletedArticle)
{
    [FunctionName(nameof(RecordPoisonedArticle))]
    public Task RecordPoisonedArticle(
        [QueueTrigger(PoisonMessages.Queue, Connection = ProcessArticle.Connection)] string message,
        CancellationToken cancellationToken) =>
        recordPoisonedArticle.Run(message, cancellationToken);

    [FunctionName(nameof(RemoveDeletedArticle))]
    public Task RemoveDeletedArticle(
        [QueueTrigger(ArticleDeletions.Queue, Connection = ProcessArticle.Connection)] string message,
        CancellationToken cancellationToken) =>
        removeDeletedArticle.Run(message, cancellationToken);
}

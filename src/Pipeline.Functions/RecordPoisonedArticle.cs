using Microsoft.Azure.Functions.Worker;
using Pipeline.Processing;
using Pipeline.Recovery;

namespace Pipeline.Functions;

/// <summary>Records articles the blob trigger gave up on (after 5 attempts) as failed and retriable.</summary>
public sealed class RecordPoisonedArticle(IPoisonMessageHandler handler)
{
    [Function(nameof(RecordPoisonedArticle))]
    public async Task Run([QueueTrigger(PoisonMessages.Queue, Connection = ProcessArticle.Connection)] string message, CancellationToken cancellationToken) =>
        await handler.RecordAsync(message, cancellationToken);
}

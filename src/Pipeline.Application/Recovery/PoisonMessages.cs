using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Pipeline.Articles;
using Pipeline.Results;
using Pipeline.Storage;
using Pipeline.Storage.Rows;

namespace Pipeline.Recovery;

/// <summary>Records articles the blob trigger gave up on; what the poison-queue function calls.</summary>
public interface IPoisonMessageHandler
{
    Task RecordAsync(string message, CancellationToken cancellationToken);
}

/// <summary>
/// Reads the blob extension's poison messages (<c>webjobs-blobtrigger-poison</c>: the blob failed all its attempts)
/// and records the article as failed and retriable, so status queries show it and <c>pipeline retry</c> re-drives it.
/// </summary>
/// <remarks>
/// A message that cannot be recorded (storage still failing) is put back on the queue here, after
/// <see cref="RecoveryOptions.PoisonRecordDelay"/>, doubling with each attempt up to <see cref="LongestDelay"/>, and the
/// function succeeds. Failing the function instead would hold the message for ten minutes: the queue trigger releases
/// a failed message only when its queue has a poison queue of its own, and a queue whose name ends in <c>-poison</c> has
/// none (WebJobs' <c>QueueListenerFactory</c>), so the listener leaves it invisible for its 10-minute lease. When even
/// putting it back fails, the function fails and that lease brings it back: nothing is lost.
/// </remarks>
public sealed class PoisonMessages(ArticleStore store, StorageClients clients, IOptions<RecoveryOptions> options, ILogger<PoisonMessages> logger)
    : IPoisonMessageHandler
{
    /// <summary>The queue the WebJobs blob extension (and so the Functions host) writes poison messages to.</summary>
    public const string Queue = "webjobs-blobtrigger-poison";

    /// <summary>The longest wait before recording a message again: the queue trigger's own lease.</summary>
    public static readonly TimeSpan LongestDelay = TimeSpan.FromMinutes(10);

    /// <summary>The property this handler adds to a message it puts back: how many attempts to record it failed.</summary>
    public const string AttemptsProperty = "PipelineRecordAttempts";

    private static readonly JsonSerializerOptions Json = new() { PropertyNameCaseInsensitive = true };

    public async Task RecordAsync(string message, CancellationToken cancellationToken)
    {
        PoisonMessage? poison;
        try
        {
            poison = JsonSerializer.Deserialize<PoisonMessage>(message, Json);
        }
        catch (JsonException)
        {
            poison = null;
        }
        if (poison is null || string.IsNullOrEmpty(poison.BlobName) || poison.ContainerName != PipelineOptions.ArticlesContainer)
        {
            logger.LogWarning("Ignored a poison message that names no article: {Message}", message.Length > 500 ? message[..500] : message);
            return;
        }

        string id = ArticleId.FromBlobName(poison.BlobName);
        try
        {
            await RecordFailureAsync(id, poison, cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            int attempts = poison.RecordAttempts + 1;
            var delay = Delay(options.Value.PoisonRecordDelay, attempts);
            logger.LogWarning(e, "Could not record that the blob trigger gave up on article {ArticleId} (attempt {Attempts}); trying again in {Delay}",
                id, attempts, delay);
            // Never expiring: however long storage stays down, the record is not lost.
            await clients.Queues.GetQueueClient(Queue).SendMessageAsync(WithAttempts(message, attempts), delay, timeToLive: TimeSpan.FromSeconds(-1),
                cancellationToken: cancellationToken);
        }
    }

    /// <summary>The wait before attempt <paramref name="attempts"/> + 1: <paramref name="first"/>, doubling, at most <see cref="LongestDelay"/>.</summary>
    public static TimeSpan Delay(TimeSpan first, int attempts)
    {
        var delay = first;
        for (int a = 1; a < attempts && delay < LongestDelay; a++)
        {
            delay += delay;
        }
        return delay < LongestDelay ? delay : LongestDelay;
    }

    private async Task RecordFailureAsync(string id, PoisonMessage poison, CancellationToken cancellationToken)
    {
        var row = await store.GetAsync(id, cancellationToken);
        if (row is { Status: ArticleStatus.Succeeded } && row.BlobETag == poison.ETag?.Trim('"'))
        {
            return; // A later attempt (another host) succeeded after all.
        }
        logger.LogWarning("The blob trigger gave up on article {ArticleId}", id);
        await store.FailAsync(id, poison.BlobName!,
            "Every attempt of the blob trigger failed with a transient error (storage unreachable?) and it gave up. " +
            "Re-drive it with 'pipeline retry --poisoned'; the reconciliation sweep does it too once it counts as stuck.",
            cancellationToken, retriable: true);
    }

    /// <summary>The message as the blob extension wrote it, with the count of failed attempts to record it.</summary>
    private static string WithAttempts(string message, int attempts)
    {
        var node = JsonNode.Parse(message)!.AsObject();
        node[AttemptsProperty] = attempts;
        return node.ToJsonString();
    }

    private sealed record PoisonMessage(string? FunctionId, string? BlobType, string? ContainerName, string? BlobName, string? ETag,
        [property: JsonPropertyName(AttemptsProperty)] int RecordAttempts);
}

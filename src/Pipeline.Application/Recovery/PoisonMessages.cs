using System.Text.Json;
using Microsoft.Extensions.Logging;
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
public sealed class PoisonMessages(ArticleStore store, ILogger<PoisonMessages> logger) : IPoisonMessageHandler
{
    /// <summary>The queue the WebJobs blob extension (and so the Functions host) writes poison messages to.</summary>
    public const string Queue = "webjobs-blobtrigger-poison";

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
        var row = await store.GetAsync(id, cancellationToken);
        if (row is { Status: ArticleStatus.Succeeded } && row.BlobETag == poison.ETag?.Trim('"'))
        {
            return; // A later attempt (another host) succeeded after all.
        }
        logger.LogWarning("The blob trigger gave up on article {ArticleId}", id);
        await store.FailAsync(id, poison.BlobName,
            "Every attempt of the blob trigger failed with a transient error (storage unreachable?) and it gave up. " +
            "Re-drive it with 'pipeline retry --poisoned'; the reconciliation sweep does it too once it counts as stuck.",
            cancellationToken, retriable: true);
    }

    private sealed record PoisonMessage(string? FunctionId, string? BlobType, string? ContainerName, string? BlobName, string? ETag);
}

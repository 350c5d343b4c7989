using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Pipeline.Articles;
using Pipeline.Results;
using Pipeline.Storage;

namespace Pipeline.Processing;

/// <summary>Removes the articles of deleted blobs; what the deletion-queue function and the command line call.</summary>
public interface IArticleDeletions
{
    /// <summary>Removes the article of <paramref name="blobName"/> if the blob no longer exists; true when it removed one.</summary>
    Task<bool> RemoveIfGoneAsync(string blobName, CancellationToken cancellationToken);

    /// <summary>Handles one message of the <see cref="ArticleDeletions.Queue"/>: an Event Grid <c>BlobDeleted</c> event.</summary>
    Task HandleEventAsync(string message, CancellationToken cancellationToken);
}

/// <summary>
/// Deleting a blob is how a newsroom retracts an article: its results, index rows and its share of every count go
/// (<see cref="ArticleStore.RemoveAsync"/>). In Azure, Event Grid delivers the storage account's
/// <c>Microsoft.Storage.BlobDeleted</c> events to a Storage queue (<see cref="Queue"/>), which a queue trigger reads;
/// locally, the missed-blob check notices blobs that are gone within seconds and the reconciliation sweep catches any
/// left (<c>Recovery.ArticleRecovery</c>). Either way the blob is looked up first: an article whose blob was uploaded
/// again is kept.
/// </summary>
public sealed class ArticleDeletions(ArticleBlobs blobs, ArticleStore store, ILogger<ArticleDeletions> logger) : IArticleDeletions
{
    /// <summary>The queue the Event Grid subscription for deleted article blobs writes to (<c>infra/modules/eventgrid.bicep</c>).</summary>
    public const string Queue = "article-deletions";

    public const string BlobDeletedEventType = "Microsoft.Storage.BlobDeleted";

    public async Task<bool> RemoveIfGoneAsync(string blobName, CancellationToken cancellationToken)
    {
        if (await blobs.ExistsAsync(blobName, cancellationToken))
        {
            return false;
        }
        return await store.RemoveAsync(ArticleId.FromBlobName(blobName), cancellationToken);
    }

    public async Task HandleEventAsync(string message, CancellationToken cancellationToken)
    {
        var deleted = DeletedBlobs(message);
        if (deleted is null)
        {
            logger.LogWarning("Ignored a deletion message that is not an Event Grid event: {Message}", message.Length > 500 ? message[..500] : message);
            return;
        }
        foreach (var (container, blobName) in deleted)
        {
            if (container == PipelineOptions.ArticlesContainer && await RemoveIfGoneAsync(blobName, cancellationToken))
            {
                logger.LogInformation("Removed article {ArticleId}: its blob {BlobName} was deleted", ArticleId.FromBlobName(blobName), blobName);
            }
        }
    }

    /// <summary>
    /// The (container, blob name) of each <c>BlobDeleted</c> event in a queue message: one event or an array, in the
    /// Event Grid schema or as a CloudEvent, as JSON or base64-encoded JSON. Null when the message is neither.
    /// </summary>
    public static List<(string Container, string BlobName)>? DeletedBlobs(string message)
    {
        string json = message.TrimStart();
        if (json.Length > 0 && json[0] is not ('{' or '['))
        {
            try
            {
                json = Encoding.UTF8.GetString(Convert.FromBase64String(json));
            }
            catch (FormatException)
            {
                return null;
            }
        }
        try
        {
            using var document = JsonDocument.Parse(json);
            var found = new List<(string, string)>();
            if (document.RootElement.ValueKind == JsonValueKind.Array)
            {
                foreach (var element in document.RootElement.EnumerateArray())
                {
                    Add(element, found);
                }
            }
            else
            {
                Add(document.RootElement, found);
            }
            return found;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// Adds the blob of one event, named by its subject <c>/blobServices/default/containers/{container}/blobs/{name}</c>
    /// (the blob name as it is, not URL-encoded), when it is a <c>BlobDeleted</c> event.
    /// </summary>
    private static void Add(JsonElement e, List<(string, string)> found)
    {
        if (e.ValueKind != JsonValueKind.Object
            || (Text(e, "eventType") ?? Text(e, "type")) != BlobDeletedEventType
            || Text(e, "subject") is not { } subject)
        {
            return;
        }
        const string containers = "/containers/", blobsPart = "/blobs/";
        int c = subject.IndexOf(containers, StringComparison.Ordinal);
        int b = c < 0 ? -1 : subject.IndexOf(blobsPart, c + containers.Length, StringComparison.Ordinal);
        if (b > 0)
        {
            found.Add((subject[(c + containers.Length)..b], subject[(b + blobsPart.Length)..]));
        }
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Processing;
using Pipeline.Storage;

namespace Pipeline.Functions;

/// <summary>Processes each article uploaded to the <c>articles</c> container.</summary>
public sealed class ProcessArticle(IArticleProcessor processor)
{
    /// <summary>The watched path; the local host's blob adapter uses the same constant.</summary>
    public const string BlobPath = PipelineOptions.ArticlesContainer + "/{name}";

    /// <summary>The storage connection setting, as in <c>local.settings.json</c> and the app settings in Azure.</summary>
    public const string Connection = "AzureWebJobsStorage";

    [Function(nameof(ProcessArticle))]
    public async Task Run([BlobTrigger(BlobPath, Connection = Connection)] BlobClient blob, CancellationToken cancellationToken) =>
        await processor.ProcessAsync(blob, cancellationToken);
}

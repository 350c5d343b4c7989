using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Processing;
using Pipeline.Storage;

namespace Pipeline.Functions;

/// <summary>
/// Processes each article uploaded to the <c>articles</c> container. Two triggers, one body: the container-scan
/// trigger runs locally (the local host and <c>func start</c>); the Event Grid trigger runs in Azure, where the
/// Flex Consumption plan supports only Event Grid blob triggers. Each environment disables the other with the
/// standard <c>AzureWebJobs.&lt;FunctionName&gt;.Disabled</c> setting.
/// </summary>
public sealed class ProcessArticle(IArticleProcessor processor)
{
    /// <summary>The watched path; the local host's blob adapter uses the same constant.</summary>
    public const string BlobPath = PipelineOptions.ArticlesContainer + "/{name}";

    /// <summary>The storage connection setting (<see cref="PipelineOptions.Connection"/>).</summary>
    public const string Connection = PipelineOptions.Connection;

    /// <summary>
    /// Articles processed at once by one host (<c>extensions.blobs.maxDegreeOfParallelism</c> in host.json; the local host,
    /// which reads no host.json, uses this constant, and <c>FunctionTests</c> keeps the two equal; the extension's default
    /// is 8 per core). The extension keeps between half and all of them busy, and an article mostly waits on storage
    /// round trips: with the default, too few were in flight to keep storage busy during a burst of uploads
    /// (docs/performance.md).
    /// </summary>
    public const int MaxConcurrency = 32;

    /// <summary>Name of the Event Grid variant; the Event Grid subscription's webhook names it.</summary>
    public const string EventGridFunctionName = nameof(ProcessArticle) + "FromEventGrid";

    [Function(nameof(ProcessArticle))]
    public async Task Run([BlobTrigger(BlobPath, Connection = Connection)] BlobClient blob, CancellationToken cancellationToken) =>
        await processor.ProcessAsync(blob, cancellationToken);

    [Function(EventGridFunctionName)]
    public async Task RunFromEventGrid(
        [BlobTrigger(BlobPath, Source = BlobTriggerSource.EventGrid, Connection = Connection)] BlobClient blob,
        CancellationToken cancellationToken) =>
        await processor.ProcessAsync(blob, cancellationToken);
}

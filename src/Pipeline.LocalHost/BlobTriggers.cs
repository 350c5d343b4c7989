using Azure.Storage.Blobs;
using Microsoft.Azure.WebJobs;
using Pipeline.Functions;

namespace Pipeline.LocalHost;

/// <summary>
/// The WebJobs side of each blob-triggered function: same name, same path and connection constants, and a body
/// that only forwards to the Functions class. Renaming these changes the function id, and with it every blob
/// receipt, so every blob would be processed again.
/// </summary>
public sealed class BlobTriggers(ProcessArticle processArticle)
{
    [FunctionName(nameof(ProcessArticle))]
    public Task ProcessArticle(
        [BlobTrigger(Functions.ProcessArticle.BlobPath, Connection = Functions.ProcessArticle.Connection)] BlobClient blob,
        CancellationToken cancellationToken) =>
        processArticle.Run(blob, cancellationToken);
}

using Azure;
using Azure.Storage.Blobs.Models;
using Pipeline.Processing;
using Pipeline.Recovery;
using Pipeline.Storage;

namespace Pipeline.LocalHost;

/// <summary>
/// The receipts the WebJobs blob extension writes when its container scan takes up a blob version, before queueing it:
/// <c>azure-webjobs-hosts/blobreceipts/{host id}/{function id}/"{etag}"/articles/{name}</c>. A version with no receipt
/// was never seen by the scan, which skips blobs written while it lists the container (Azure/azure-sdk-for-net#62763)
/// and would otherwise leave them to the sweep only once the trigger falls quiet.
/// </summary>
public sealed class ScanTriggerReceipts(StorageClients storage) : ITriggerReceipts
{
    public const string Container = "azure-webjobs-hosts";

    /// <summary>Where the receipts of <see cref="BlobTriggers.ProcessArticle"/> start; the function id is its full method name.</summary>
    public static readonly string Prefix =
        $"blobreceipts/{LocalFunctionsHost.HostId}/{typeof(BlobTriggers).FullName}.{nameof(BlobTriggers.ProcessArticle)}/";

    private const string Watched = PipelineOptions.ArticlesContainer + "/";

    public async Task<IReadOnlySet<string>?> SeenAsync(CancellationToken cancellationToken)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        try
        {
            await foreach (var receipt in storage.Blobs.GetBlobContainerClient(Container).GetBlobsAsync(new GetBlobsOptions { Prefix = Prefix }, cancellationToken))
            {
                if (Parse(receipt.Name) is { } key)
                {
                    seen.Add(key);
                }
            }
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            // No receipts container yet: the trigger has taken up nothing.
        }
        return seen;
    }

    /// <summary>The version a receipt stands for, as a <see cref="TriggerReceipts.Key"/>; null for another container's.</summary>
    public static string? Parse(string receiptName)
    {
        var rest = receiptName.AsSpan(Prefix.Length);
        if (rest.Length < 3 || rest[0] != '"')
        {
            return null;
        }
        int close = rest[1..].IndexOf('"') + 1;
        if (close <= 1 || !rest[(close + 1)..].StartsWith("/" + Watched, StringComparison.Ordinal))
        {
            return null;
        }
        return TriggerReceipts.Key(rest[(close + 2 + Watched.Length)..].ToString(), rest[1..close].ToString());
    }
}

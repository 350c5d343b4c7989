using System.Security.Cryptography;
using Azure;
using Azure.Storage.Blobs;
using Azure.Storage.Blobs.Models;

namespace Pipeline.Storage;

/// <summary>What happened to one file given to <see cref="ArticleBlobs.UploadFileAsync"/>.</summary>
public enum UploadOutcome
{
    Uploaded,
    /// <summary>The blob already holds exactly these bytes; uploading again would only reprocess them.</summary>
    Unchanged,
    Failed,
}

public sealed record UploadResult(string BlobName, UploadOutcome Outcome, string? Error = null);

/// <summary>The <c>articles</c> container: uploads that skip unchanged content, and listing.</summary>
public sealed class ArticleBlobs(StorageClients clients)
{
    /// <summary>Blob names are at most 1,024 characters.</summary>
    public const int MaxBlobNameLength = 1_024;

    public BlobContainerClient Container { get; } = clients.Blobs.GetBlobContainerClient(PipelineOptions.ArticlesContainer);

    /// <summary>The extracted text of each processed version, which result offsets point into: <c>{id}/{generation}.txt</c>.</summary>
    public BlobContainerClient Texts { get; } = clients.Blobs.GetBlobContainerClient(PipelineOptions.TextsContainer);

    /// <summary>ETags in one form: service calls return them quoted, listings unquoted.</summary>
    public static string NormalizeETag(ETag? etag) => etag?.ToString().Trim('"') ?? "";

    public async Task EnsureContainerAsync(CancellationToken cancellationToken)
    {
        await Container.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        await Texts.CreateIfNotExistsAsync(cancellationToken: cancellationToken);
    }

    public static string TextBlobName(string articleId, string generation) => $"{articleId}/{generation}.txt";

    public Task WriteTextAsync(string articleId, string generation, string text, CancellationToken cancellationToken) =>
        Texts.GetBlobClient(TextBlobName(articleId, generation)).UploadAsync(BinaryData.FromString(text),
            new BlobUploadOptions { HttpHeaders = new BlobHttpHeaders { ContentType = "text/plain; charset=utf-8" } }, cancellationToken);

    /// <summary>True when the article blob exists (any version).</summary>
    public async Task<bool> ExistsAsync(string blobName, CancellationToken cancellationToken) =>
        (await Container.GetBlobClient(blobName).ExistsAsync(cancellationToken)).Value;

    /// <summary>The stored text of one version, or null when there is none.</summary>
    public async Task<string?> ReadTextAsync(string articleId, string generation, CancellationToken cancellationToken)
    {
        try
        {
            var download = await Texts.GetBlobClient(TextBlobName(articleId, generation)).DownloadContentAsync(cancellationToken);
            return download.Value.Content.ToString();
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return null;
        }
    }

    /// <summary>Deletes the stored texts of an article's versions other than <paramref name="keep"/>.</summary>
    public async Task DeleteOtherTextsAsync(string articleId, string? keep, CancellationToken cancellationToken)
    {
        string keepName = keep is null ? "" : TextBlobName(articleId, keep);
        await foreach (var blob in Texts.GetBlobsAsync(new GetBlobsOptions { Prefix = articleId + "/" }, cancellationToken))
        {
            if (blob.Name != keepName)
            {
                await Texts.DeleteBlobIfExistsAsync(blob.Name, cancellationToken: cancellationToken);
            }
        }
    }

    /// <summary>Uploads a file unless the blob already holds the same bytes (compared by MD5, which Blob storage keeps).</summary>
    public async Task<UploadResult> UploadFileAsync(string path, string blobName, CancellationToken cancellationToken)
    {
        if (blobName.Length is 0 or > MaxBlobNameLength)
        {
            return new UploadResult(blobName, UploadOutcome.Failed, $"Blob names are 1 to {MaxBlobNameLength} characters long.");
        }
        try
        {
            byte[] md5;
            await using (var file = File.OpenRead(path))
            {
                md5 = await MD5.HashDataAsync(file, cancellationToken);
            }
            var blob = Container.GetBlobClient(blobName);
            try
            {
                var existing = await blob.GetPropertiesAsync(cancellationToken: cancellationToken);
                if (existing.Value.ContentHash is { } hash && hash.AsSpan().SequenceEqual(md5))
                {
                    return new UploadResult(blobName, UploadOutcome.Unchanged);
                }
            }
            catch (RequestFailedException e) when (e.Status == 404)
            {
                // New blob.
            }
            await using var content = File.OpenRead(path);
            await blob.UploadAsync(content, new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentHash = md5, ContentType = ContentTypeOf(path) },
            }, cancellationToken);
            return new UploadResult(blobName, UploadOutcome.Uploaded);
        }
        catch (Exception e) when (e is RequestFailedException or IOException or UnauthorizedAccessException)
        {
            return new UploadResult(blobName, UploadOutcome.Failed, e.Message);
        }
    }

    /// <summary>
    /// Uploads a blob's own bytes again, headers and metadata kept, so that its new ETag triggers processing.
    /// Returns null on success, or why it could not.
    /// </summary>
    public async Task<string?> ReuploadAsync(string blobName, CancellationToken cancellationToken)
    {
        var blob = Container.GetBlobClient(blobName);
        try
        {
            var download = await blob.DownloadContentAsync(cancellationToken);
            var details = download.Value.Details;
            var metadata = new Dictionary<string, string>(details.Metadata, StringComparer.OrdinalIgnoreCase)
            {
                ["redriven"] = DateTimeOffset.UtcNow.ToString("O"),
            };
            await blob.UploadAsync(download.Value.Content, new BlobUploadOptions
            {
                HttpHeaders = new BlobHttpHeaders { ContentType = details.ContentType, ContentHash = details.ContentHash },
                Metadata = metadata,
                Conditions = new BlobRequestConditions { IfMatch = details.ETag },
            }, cancellationToken);
            return null;
        }
        catch (RequestFailedException e) when (e.Status == 412)
        {
            return null; // Changed meanwhile: that new version triggers anyway.
        }
        catch (RequestFailedException e) when (e.Status == 404)
        {
            return "the blob no longer exists";
        }
    }

    /// <summary>The blob name for a file: its path relative to the folder it was found under, with '/' separators.</summary>
    public static string BlobNameFor(string root, string file)
    {
        var relative = Path.GetRelativePath(root, file);
        return relative.Replace(Path.DirectorySeparatorChar, '/');
    }

    private static string ContentTypeOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".txt" => "text/plain; charset=utf-8",
        ".md" => "text/markdown; charset=utf-8",
        ".html" or ".htm" => "text/html; charset=utf-8",
        ".json" => "application/json",
        _ => "application/octet-stream",
    };
}

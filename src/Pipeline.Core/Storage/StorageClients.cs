using Azure.Core;
using Azure.Data.Tables;
using Azure.Identity;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Configuration;

namespace Pipeline.Storage;

/// <summary>
/// The storage service clients, created once from the same connection setting the Functions host uses:
/// a connection string (<c>UseDevelopmentStorage=true</c> locally) or identity-based settings
/// (<c>&lt;Connection&gt;__blobServiceUri</c>, <c>__tableServiceUri</c>, <c>__queueServiceUri</c>,
/// <c>__credential=managedidentity</c>, <c>__clientId</c>) in Azure.
/// </summary>
public sealed class StorageClients
{
    public StorageClients(BlobServiceClient blobs, TableServiceClient tables, QueueServiceClient queues)
    {
        Blobs = blobs;
        Tables = tables;
        Queues = queues;
    }

    public BlobServiceClient Blobs { get; }

    public TableServiceClient Tables { get; }

    public QueueServiceClient Queues { get; }

    public static StorageClients FromConfiguration(IConfiguration configuration, string connectionName)
    {
        // Functions reads "AzureWebJobsStorage" from Values, or ConnectionStrings in some hosts.
        string? connectionString = configuration[connectionName] ?? configuration.GetConnectionString(connectionName);
        if (connectionString is not null && Uri.TryCreate(connectionString, UriKind.Absolute, out var accountUri) && accountUri.Scheme == Uri.UriSchemeHttps)
        {
            return FromAccountUrl(accountUri);
        }
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new StorageClients(
                new BlobServiceClient(connectionString),
                new TableServiceClient(connectionString),
                new QueueServiceClient(connectionString, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }));
        }

        var section = configuration.GetSection(connectionName);
        var blobUri = ServiceUri(section, "blobServiceUri", connectionName);
        var tableUri = ServiceUri(section, "tableServiceUri", connectionName);
        var queueUri = ServiceUri(section, "queueServiceUri", connectionName);
        TokenCredential credential = section["credential"]?.Equals("managedidentity", StringComparison.OrdinalIgnoreCase) == true
            ? new ManagedIdentityCredential(ManagedIdentityId.FromUserAssignedClientId(section["clientId"]
                ?? throw new InvalidOperationException($"'{connectionName}__clientId' is required with '{connectionName}__credential=managedidentity'.")))
            : new DefaultAzureCredential();
        return new StorageClients(
            new BlobServiceClient(blobUri, credential),
            new TableServiceClient(tableUri, credential),
            new QueueServiceClient(queueUri, credential, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }));
    }

    /// <summary>An account's blob URL (<c>https://&lt;account&gt;.blob.core.windows.net</c>) with the signed-in Entra ID identity.</summary>
    public static StorageClients FromAccountUrl(Uri blobUrl)
    {
        var host = blobUrl.Host;
        int blob = host.IndexOf(".blob.", StringComparison.OrdinalIgnoreCase);
        if (blob < 0)
        {
            throw new InvalidOperationException($"'{blobUrl}' is not a blob service URL (https://<account>.blob.core.windows.net).");
        }
        var credential = new DefaultAzureCredential();
        Uri Service(string kind) => new UriBuilder(blobUrl) { Host = host[..blob] + "." + kind + "." + host[(blob + 6)..], Path = "" }.Uri;
        return new StorageClients(
            new BlobServiceClient(Service("blob"), credential),
            new TableServiceClient(Service("table"), credential),
            new QueueServiceClient(Service("queue"), credential, new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }));
    }

    private static Uri ServiceUri(IConfigurationSection section, string key, string connectionName) =>
        Uri.TryCreate(section[key], UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException(
                $"Storage connection '{connectionName}' is not configured: set '{connectionName}' to a connection string " +
                $"(UseDevelopmentStorage=true for Azurite) or '{connectionName}__{key}' and its siblings for identity-based access.");
}

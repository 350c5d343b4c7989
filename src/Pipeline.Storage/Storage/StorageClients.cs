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

    /// <summary>True for the local storage emulator (Azurite on a loopback address, or its development account).</summary>
    public bool IsLocalEmulator =>
        Blobs.Uri.IsLoopback || Blobs.AccountName.Equals("devstoreaccount1", StringComparison.OrdinalIgnoreCase);

    public static StorageClients FromConfiguration(IConfiguration configuration, string connectionName, int retries = 4)
    {
        // Functions reads "AzureWebJobsStorage" from Values, or ConnectionStrings in some hosts.
        string? connectionString = configuration[connectionName] ?? configuration.GetConnectionString(connectionName);
        if (connectionString is not null && Uri.TryCreate(connectionString, UriKind.Absolute, out var accountUri) && accountUri.Scheme == Uri.UriSchemeHttps)
        {
            return FromAccountUrl(accountUri, retries);
        }
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            return new StorageClients(
                new BlobServiceClient(connectionString, Patient(new BlobClientOptions(), retries)),
                new TableServiceClient(connectionString, Patient(new TableClientOptions(), retries)),
                new QueueServiceClient(connectionString, Patient(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }, retries)));
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
            new BlobServiceClient(blobUri, credential, Patient(new BlobClientOptions(), retries)),
            new TableServiceClient(tableUri, credential, Patient(new TableClientOptions(), retries)),
            new QueueServiceClient(queueUri, credential, Patient(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }, retries)));
    }

    /// <summary>
    /// Retries that ride out a storage outage of several seconds (exponential; 4 retries wait about 6 s in all) before a
    /// call fails, so a short blip does not use up the trigger's five attempts.
    /// </summary>
    private static T Patient<T>(T options, int retries) where T : ClientOptions
    {
        options.Retry.Mode = RetryMode.Exponential;
        options.Retry.MaxRetries = retries;
        options.Retry.Delay = TimeSpan.FromMilliseconds(400);
        options.Retry.MaxDelay = TimeSpan.FromSeconds(4);
        options.Retry.NetworkTimeout = TimeSpan.FromSeconds(30);
        return options;
    }

    /// <summary>An account's blob URL (<c>https://&lt;account&gt;.blob.core.windows.net</c>) with the signed-in Entra ID identity.</summary>
    public static StorageClients FromAccountUrl(Uri blobUrl, int retries = 4)
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
            new BlobServiceClient(Service("blob"), credential, Patient(new BlobClientOptions(), retries)),
            new TableServiceClient(Service("table"), credential, Patient(new TableClientOptions(), retries)),
            new QueueServiceClient(Service("queue"), credential, Patient(new QueueClientOptions { MessageEncoding = QueueMessageEncoding.Base64 }, retries)));
    }

    private static Uri ServiceUri(IConfigurationSection section, string key, string connectionName) =>
        Uri.TryCreate(section[key], UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException(
                $"Storage connection '{connectionName}' is not configured: set '{connectionName}' to a connection string " +
                $"(UseDevelopmentStorage=true for Azurite) or '{connectionName}__{key}' and its siblings for identity-based access.");
}

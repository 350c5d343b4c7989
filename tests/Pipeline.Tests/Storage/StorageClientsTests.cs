using Microsoft.Extensions.Configuration;
using Pipeline.Storage;

namespace Pipeline.Tests.Storage;

public sealed class StorageClientsTests
{
    private static StorageClients From(params (string Key, string Value)[] settings) =>
        StorageClients.FromConfiguration(
            new ConfigurationBuilder().AddInMemoryCollection(settings.ToDictionary(s => s.Key, s => (string?)s.Value)).Build(),
            "AzureWebJobsStorage");

    [Fact]
    public void Identity_based_settings_give_each_service_its_endpoint()
    {
        var clients = From(
            ("AzureWebJobsStorage:blobServiceUri", "https://acct.blob.core.windows.net"),
            ("AzureWebJobsStorage:queueServiceUri", "https://acct.queue.core.windows.net"),
            ("AzureWebJobsStorage:tableServiceUri", "https://acct.table.core.windows.net"),
            ("AzureWebJobsStorage:credential", "managedidentity"),
            ("AzureWebJobsStorage:clientId", "00000000-0000-0000-0000-000000000001"));
        Assert.Equal("https://acct.blob.core.windows.net/", clients.Blobs.Uri.ToString());
        Assert.Equal("https://acct.table.core.windows.net/", clients.Tables.Uri.ToString());
        Assert.Equal("https://acct.queue.core.windows.net/", clients.Queues.Uri.ToString());
    }

    [Fact]
    public void An_account_url_derives_the_table_and_queue_endpoints()
    {
        var clients = From(("AzureWebJobsStorage", "https://acct.blob.core.windows.net"));
        Assert.Equal("acct.table.core.windows.net", clients.Tables.Uri.Host);
        Assert.Equal("acct.queue.core.windows.net", clients.Queues.Uri.Host);
    }

    [Fact]
    public void Azurite_development_storage_is_a_connection_string() =>
        Assert.Equal("127.0.0.1", From(("AzureWebJobsStorage", "UseDevelopmentStorage=true")).Tables.Uri.Host);

    [Fact]
    public void Missing_settings_say_what_to_set()
    {
        var error = Assert.Throws<InvalidOperationException>(() => From());
        Assert.Contains("UseDevelopmentStorage=true", error.Message);
        Assert.Contains("blobServiceUri", error.Message);
    }

    [Fact]
    public void The_public_default_token_key_is_warned_about_on_a_real_account_only()
    {
        var azure = From(("AzureWebJobsStorage", "https://newsprod.blob.core.windows.net"));
        var azurite = From(("AzureWebJobsStorage", "UseDevelopmentStorage=true"));
        Assert.False(azure.IsLocalEmulator);
        Assert.True(azurite.IsLocalEmulator);
        Assert.Contains("Pipeline__ContinuationTokenKey", StorageInitializer.KeyWarning(new PipelineOptions(), azure));
        Assert.Null(StorageInitializer.KeyWarning(new PipelineOptions(), azurite));
        Assert.Null(StorageInitializer.KeyWarning(new PipelineOptions { ContinuationTokenKey = "a-secret-of-this-deployment" }, azure));
    }
}

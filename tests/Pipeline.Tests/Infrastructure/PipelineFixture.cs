using Pipeline.Evaluation.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.LocalHost;
using Pipeline.Processing;
using Pipeline.Storage;

namespace Pipeline.Tests.Infrastructure;

/// <summary>
/// A real Azurite and the local Functions host running in-process against it on a free port: what a user runs,
/// shared by the integration tests of one collection.
/// </summary>
public sealed class PipelineFixture : IAsyncLifetime
{
    private WebApplication? app;

    public AzuriteServer Azurite { get; } = new();

    public HttpClient Http { get; private set; } = null!;

    public IServiceProvider Services => app!.Services;

    public ArticleBlobs Blobs => Services.GetRequiredService<ArticleBlobs>();

    public ProcessingMonitor Monitor => Services.GetRequiredService<ProcessingMonitor>();

    public async Task InitializeAsync()
    {
        await Azurite.StartAsync();
        try
        {
            await StartHostAsync();
        }
        catch
        {
            // xunit does not dispose a fixture whose start failed: stop Azurite here so it is not left running.
            await Azurite.DisposeAsync();
            throw;
        }
    }

    private async Task StartHostAsync()
    {
        app = LocalFunctionsHost.Create(
        [
            "--settings", Path.Combine(Path.GetTempPath(), "no-local-settings.json"),
            "--urls", "http://127.0.0.1:0",
            "--AzureWebJobsStorage", Azurite.ConnectionString,
            "--Logging:LogLevel:Default", "Warning",
            // The container scan of the blob extension skips, now and then, a blob written while it lists
            // (Azure/azure-sdk-for-net#62763); the reconciliation sweep then processes it. Here it looks every 5 s
            // for blobs unseen for 5 s, so such a blob is done within ~10 s, inside even the shortest test's wait (the
            // product: 1 min each). A blob the sweep takes while its queue message waits is processed once more,
            // which changes nothing.
            "--ReconcileSchedule", "*/5 * * * * *",
            "--Recovery:UnseenAfter", "00:00:05",
        ]);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        Http = new HttpClient { BaseAddress = new Uri(address), Timeout = TimeSpan.FromSeconds(30) };
    }

    /// <summary>Uploads text as a blob and waits until the pipeline has a final status for it.</summary>
    public async Task<ProcessingSnapshot> UploadAndWaitAsync(string blobName, string text, TimeSpan? timeout = null)
    {
        var path = Path.GetTempFileName();
        await File.WriteAllTextAsync(path, text);
        try
        {
            return await UploadFileAndWaitAsync(blobName, path, timeout);
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Uploads raw bytes (any content, any name) and waits for a final status.</summary>
    public async Task<ProcessingSnapshot> UploadBytesAndWaitAsync(string blobName, byte[] content, TimeSpan? timeout = null)
    {
        await Blobs.EnsureContainerAsync(CancellationToken.None);
        await Blobs.Container.GetBlobClient(blobName).UploadAsync(new BinaryData(content), overwrite: true);
        return await Monitor.WaitAsync([blobName], timeout ?? TimeSpan.FromSeconds(60), null, CancellationToken.None);
    }

    public async Task<ProcessingSnapshot> UploadFileAndWaitAsync(string blobName, string path, TimeSpan? timeout = null)
    {
        await Blobs.EnsureContainerAsync(CancellationToken.None);
        var upload = await Blobs.UploadFileAsync(path, blobName, CancellationToken.None);
        Assert.NotEqual(UploadOutcome.Failed, upload.Outcome);
        return await Monitor.WaitAsync([blobName], timeout ?? TimeSpan.FromSeconds(60), null, CancellationToken.None);
    }

    public const string SeedBlobName = "000_09b943ff63819a7c.txt";

    private Task<ProcessingSnapshot>? seeded;

    /// <summary>Uploads the seed article once per test run and waits for it.</summary>
    public Task<ProcessingSnapshot> EnsureSeedAsync() =>
        seeded ??= UploadFileAndWaitAsync(SeedBlobName, Repository.SeedPath);

    public async Task DisposeAsync()
    {
        Http?.Dispose();
        if (app is not null)
        {
            await LocalFunctionsHost.StopAsync(app);
        }
        await Azurite.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class PipelineCollection : ICollectionFixture<PipelineFixture>
{
    public const string Name = "Pipeline on Azurite";
}

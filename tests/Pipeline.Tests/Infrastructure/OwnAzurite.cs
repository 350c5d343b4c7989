using Pipeline.Evaluation.Hosting;

namespace Pipeline.Tests.Infrastructure;

/// <summary>A test class with an Azurite of its own, started before its tests and stopped after them.</summary>
public abstract class OwnAzurite : IAsyncLifetime
{
    protected AzuriteServer Azurite { get; } = new();

    public virtual Task InitializeAsync() => Azurite.StartAsync();

    public virtual async Task DisposeAsync() => await Azurite.DisposeAsync();
}

namespace Pipeline.Recovery;

/// <summary>
/// Which blob versions the blob trigger has taken up, so the reconciliation sweep can tell a blob waiting in the
/// trigger's queue (leave it) from one the trigger missed (take it now).
/// </summary>
public interface ITriggerReceipts
{
    /// <summary>The <see cref="TriggerReceipts.Key"/>s of the versions taken up; null when this host cannot tell.</summary>
    Task<IReadOnlySet<string>?> SeenAsync(CancellationToken cancellationToken);
}

public static class TriggerReceipts
{
    /// <summary>One blob version: its name and its ETag without quotes.</summary>
    public static string Key(string blobName, string etag) => etag + "/" + blobName;
}

/// <summary>A host whose trigger keeps no receipts the sweep can read (Event Grid in Azure): the sweep cannot tell.</summary>
public sealed class UnknownTriggerReceipts : ITriggerReceipts
{
    public Task<IReadOnlySet<string>?> SeenAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlySet<string>?>(null);
}

namespace Pipeline.Recovery;

/// <summary>The reconciliation sweep the timer function runs.</summary>
public interface IArticleRecovery
{
    Task<RecoveryReport> ReconcileAsync(CancellationToken cancellationToken);

    /// <summary>Processes the blob versions the container-scan trigger skipped; returns how many.</summary>
    Task<int> ProcessMissedAsync(CancellationToken cancellationToken);
}

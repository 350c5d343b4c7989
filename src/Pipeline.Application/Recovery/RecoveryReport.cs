namespace Pipeline.Recovery;

/// <summary>Which articles to process again.</summary>
public enum RetrySelection
{
    /// <summary>Every failed article (content failures fail again unless the file or the extractor changed).</summary>
    Failed,
    /// <summary>Articles the blob trigger gave up on after transient errors.</summary>
    Poisoned,
    /// <summary>Articles processed by an older extractor version.</summary>
    Outdated,
    /// <summary>
    /// Blobs whose current version has had no final status for <see cref="RecoveryOptions.StuckAfter"/>: never
    /// triggered, left behind by a host that died or by a poison message that could not be recorded, or given up
    /// on after transient errors.
    /// </summary>
    Stuck,
    All,
}

/// <summary>What a retry or a sweep did: the articles it selected, how many it sent round again, and why the others could not be.</summary>
public sealed record RecoveryReport(int Selected, int Redriven, IReadOnlyList<(string Id, string Error)> Errors);

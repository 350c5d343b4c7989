using System.ComponentModel.DataAnnotations;

namespace Pipeline.Recovery;

/// <summary>
/// When the pipeline takes up an article nobody finished, bound from the <c>Recovery</c> configuration section. What
/// each name means, and who acts on it, is in docs/architecture.md ("Recovery"). The sweep's schedule is the app
/// setting <c>ReconcileSchedule</c>, outside this section: a timer trigger reads its schedule from a top-level setting.
/// </summary>
public sealed class RecoveryOptions
{
    public const string Section = "Recovery";

    /// <summary>
    /// <em>Stuck</em>: a blob whose current version has had no final status for this long is re-driven by the sweep: its
    /// trigger never ran, or its host died with it. Longer than the queue's 10-minute redelivery by default.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "7.00:00:00")]
    public TimeSpan StuckAfter { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// <em>Unseen</em>: a blob version that no trigger has started for this long was missed by the trigger, and the sweep
    /// processes it itself. The container-scan trigger can skip blobs written while it lists the container
    /// (Azure/azure-sdk-for-net#62763: it then waits for storage analytics logs, which Azurite never writes); Event
    /// Grid deliveries can be lost too. Long enough for the trigger to work through a burst of uploads first.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "7.00:00:00")]
    public TimeSpan UnseenAfter { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>
    /// <em>Missed</em>: a blob version the container-scan trigger holds no receipt for this long after it was written was
    /// skipped by the scan, which takes up and receipts new blobs within seconds; the local host's missed-blob check
    /// processes it itself rather than leave it to the next sweep. Unused where the host cannot read the trigger's
    /// receipts (Event Grid in Azure).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:05", "1.00:00:00")]
    public TimeSpan MissedAfter { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the local host runs its missed-blob check (which also notices deleted blobs locally).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan MissedCheckInterval { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// <em>Poisoned</em>: when the article of a poison message cannot be recorded as failed (storage still failing), the
    /// message is put back to be recorded again after this long, twice as long after each failed attempt, at most ten
    /// minutes apart.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:10:00")]
    public TimeSpan PoisonRecordDelay { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Articles the sweep, the missed-blob check and a retry work on at once.</summary>
    [Range(1, 64)]
    public int Parallelism { get; set; } = 8;

    /// <summary>The names these settings had under <c>Pipeline</c> before: refused at start, naming the new place.</summary>
    internal static readonly string[] FormerNames = ["StuckAfter", "UnseenAfter", "MissedAfter"];
}

using Microsoft.Azure.Functions.Worker;
using Pipeline.Processing;
using Pipeline.Recovery;

namespace Pipeline.Functions;

/// <summary>
/// The safety net of the blob trigger: on a schedule, processes blobs the trigger missed (no attempt started within
/// <c>Recovery:UnseenAfter</c>) and re-drives blobs whose current version has had no final status for
/// <c>Recovery:StuckAfter</c> (their host died mid-way).
/// </summary>
public sealed class ReconcileArticles(IArticleRecovery reconciler)
{
    /// <summary>App setting holding the NCRONTAB schedule; the local host defaults it to every minute.</summary>
    public const string Schedule = "%ReconcileSchedule%";

    public const string DefaultSchedule = "0 * * * * *";

    [Function(nameof(ReconcileArticles))]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        await reconciler.ReconcileAsync(cancellationToken);
}

using Microsoft.Azure.Functions.Worker;
using Pipeline.Processing;

namespace Pipeline.Functions;

/// <summary>
/// The safety net of the blob trigger: every few minutes, re-drives blobs whose current version has had no final
/// status for <c>Pipeline:StuckAfter</c> (the trigger missed them, or their host died mid-way).
/// </summary>
public sealed class ReconcileArticles(IArticleReconciler reconciler)
{
    /// <summary>App setting holding the NCRONTAB schedule; the local host defaults it to every five minutes.</summary>
    public const string Schedule = "%ReconcileSchedule%";

    public const string DefaultSchedule = "0 */5 * * * *";

    [Function(nameof(ReconcileArticles))]
    public async Task Run([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken) =>
        await reconciler.ReconcileAsync(cancellationToken);
}

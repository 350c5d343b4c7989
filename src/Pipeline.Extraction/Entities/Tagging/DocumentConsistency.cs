using System.Runtime.CompilerServices;

namespace Pipeline.Entities.Tagging;

/// <summary>
/// Last step of the document pass: a one-token name that the document mostly labels with another type takes that
/// type ("the Rafah operation" after nine locations named Rafah). Only the type changes, never a boundary, and only
/// when at least <see cref="MinimumOthers"/> other mentions agree by at least three to one.
/// </summary>
internal static class DocumentConsistency
{
    public const int MinimumOthers = 3;
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void Apply(DocumentState state, int tokenCount)
    {
        var labels = state.SecondPass;
        for (int t = 0; t < tokenCount; t++)
        {
            if (IsUnit(labels[t]))
            {
                state.Counts.Add(FeatureHash.Key(FeatureTemplates.DocumentConsistency, state.Stem[t]), 1 + (int)BilouLabels.TypeOf(labels[t]));
            }
        }
        Span<int> others = stackalloc int[CountTable.Columns];
        for (int t = 0; t < tokenCount; t++)
        {
            if (!IsUnit(labels[t]))
            {
                continue;
            }
            var counts = state.Counts.Get(FeatureHash.Key(FeatureTemplates.DocumentConsistency, state.Stem[t]));
            counts.CopyTo(others);
            int own = 1 + (int)BilouLabels.TypeOf(labels[t]);
            others[own]--;
            int total = 0, best = 1;
            for (int c = 1; c < others.Length; c++)
            {
                total += others[c];
                if (others[c] > others[best])
                {
                    best = c;
                }
            }
            if (best != own && others[best] >= MinimumOthers && others[best] * 4 >= total * 3)
            {
                labels[t] = BilouLabels.Label((EntityType)(best - 1), BilouPosition.Unit);
            }
        }
    }

    private static bool IsUnit(int label) => label != BilouLabels.Outside && BilouLabels.PositionOf(label) == BilouPosition.Unit;
}

using Pipeline.Text;
using Pipeline.Entities;
using Pipeline.Entities.Tagging;

namespace Pipeline.Evaluation.Entities.Training;

/// <summary>
/// One training document with its features resolved to rows once, so that epochs only add and compare:
/// local rows per token (first pass), document rows per token (second pass, filled later), gold BILOU labels,
/// and the per-token values the previous-label features need.
/// </summary>
internal sealed class TrainingDocument
{
    public TrainingDocument(ConllDocument source, int fold)
    {
        Source = source;
        Fold = fold;
        Text = source.ToTextDocument();
        Gold = new byte[Text.Tokens.Length];
        BilouLabels.Encode(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(LabelConventions.DocumentEntities(source)), Gold);
        Lower = new ulong[Gold.Length];
        Caps = new CapState[Gold.Length];
    }

    public ConllDocument Source { get; }

    /// <summary>Jackknife fold (0..k-1) for training documents, -1 for tuning documents.</summary>
    public int Fold { get; }

    public TextDocument Text { get; }

    public byte[] Gold { get; }

    public ulong[] Lower { get; }

    public CapState[] Caps { get; }

    /// <summary>Token t's local rows are <c>LocalRows[LocalStarts[t]..LocalStarts[t+1]]</c>.</summary>
    public int[] LocalStarts { get; set; } = [];

    public int[] LocalRows { get; set; } = [];

    public int[] DocumentStarts { get; set; } = [];

    public int[] DocumentRows { get; set; } = [];

    public ReadOnlySpan<int> Local(int t) => LocalRows.AsSpan(LocalStarts[t], LocalStarts[t + 1] - LocalStarts[t]);

    public ReadOnlySpan<int> Document(int t) => DocumentStarts.Length == 0
        ? default
        : DocumentRows.AsSpan(DocumentStarts[t], DocumentStarts[t + 1] - DocumentStarts[t]);
}

using System.Globalization;
using System.Text;

namespace Pipeline.Entities.Tagging;

/// <summary>
/// Exact-match span scores as conlleval computes them: a predicted entity counts only if its start, end and type
/// all equal a gold entity's. Per type and micro-averaged over the four CoNLL types.
/// </summary>
public sealed class SpanScores
{
    private readonly int[] _truePositives = new int[BilouLabels.TypeCount];
    private readonly int[] _predicted = new int[BilouLabels.TypeCount];
    private readonly int[] _gold = new int[BilouLabels.TypeCount];

    public int Tokens { get; private set; }

    /// <summary>Adds one sequence's gold and predicted spans (same offset base).</summary>
    public void Add(IReadOnlyList<EntitySpan> gold, IReadOnlyList<EntitySpan> predicted, int tokens)
    {
        Tokens += tokens;
        var goldSet = new HashSet<EntitySpan>();
        foreach (var span in gold)
        {
            if ((int)span.Type < BilouLabels.TypeCount)
            {
                goldSet.Add(span);
                _gold[(int)span.Type]++;
            }
        }
        foreach (var span in predicted)
        {
            if ((int)span.Type >= BilouLabels.TypeCount)
            {
                continue;
            }
            _predicted[(int)span.Type]++;
            if (goldSet.Contains(span))
            {
                _truePositives[(int)span.Type]++;
            }
        }
    }

    /// <summary>Adds another set of scores (for example one fold's) to these.</summary>
    public void Add(SpanScores other)
    {
        Tokens += other.Tokens;
        for (int t = 0; t < BilouLabels.TypeCount; t++)
        {
            _truePositives[t] += other._truePositives[t];
            _predicted[t] += other._predicted[t];
            _gold[t] += other._gold[t];
        }
    }

    public double Precision(EntityType? type = null) => Ratio(Sum(_truePositives, type), Sum(_predicted, type));

    public double Recall(EntityType? type = null) => Ratio(Sum(_truePositives, type), Sum(_gold, type));

    public double F1(EntityType? type = null)
    {
        double p = Precision(type), r = Recall(type);
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    /// <summary>A conlleval-style table: totals, then one line per type.</summary>
    public string Format()
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"processed {Tokens} tokens with {Sum(_gold, null)} phrases; found: {Sum(_predicted, null)} phrases; correct: {Sum(_truePositives, null)}.");
        text.AppendLine(c, $"{"all",-6} precision: {Precision() * 100,6:F2}%; recall: {Recall() * 100,6:F2}%; FB1: {F1() * 100,6:F2}");
        for (int t = 0; t < BilouLabels.TypeCount; t++)
        {
            var type = (EntityType)t;
            text.AppendLine(c, $"{BilouLabels.TypeName(type),-6} precision: {Precision(type) * 100,6:F2}%; recall: {Recall(type) * 100,6:F2}%; FB1: {F1(type) * 100,6:F2}  {_predicted[t]} (gold {_gold[t]})");
        }
        return text.ToString();
    }

    private static int Sum(int[] counts, EntityType? type)
    {
        if (type is { } t)
        {
            return counts[(int)t];
        }
        int sum = 0;
        foreach (var count in counts)
        {
            sum += count;
        }
        return sum;
    }

    private static double Ratio(int numerator, int denominator) => denominator == 0 ? 0 : (double)numerator / denominator;
}

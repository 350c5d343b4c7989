using System.Runtime.InteropServices;
using Pipeline.Entities.Tagging;
using Pipeline.Evaluation.Entities.Training;
using Pipeline.Quotes;

namespace Pipeline.Evaluation.Quotes.Training;

/// <summary>
/// Ranking instances (a content span's candidate cues, a cue's candidate sources) with their feature rows read once:
/// each instance is a list of candidates, some of them right.
/// </summary>
internal sealed class RankingSet
{
    private readonly List<int> _rows = new(1 << 20);
    private readonly List<int> _candidateStarts = [0];
    private readonly List<bool> _gold = [];
    private readonly List<int> _instanceStarts = [0];

    public FeatureIndexer Indexer { get; } = new();

    public int Count => _instanceStarts.Count - 1;

    /// <summary>Adds a candidate of the instance being built, with the keys <paramref name="keys"/> holds now.</summary>
    public void AddCandidate(FeatureKeys keys, bool gold)
    {
        foreach (ulong key in keys.Keys)
        {
            _rows.Add(Indexer.GetOrAdd(key));
        }
        _candidateStarts.Add(_rows.Count);
        _gold.Add(gold);
    }

    /// <summary>Closes the instance being built; one with no right candidate or only one candidate teaches nothing and is dropped.</summary>
    public void EndInstance()
    {
        int first = _instanceStarts[^1];
        int count = _gold.Count - first;
        bool anyGold = false;
        for (int c = first; c < _gold.Count; c++)
        {
            anyGold |= _gold[c];
        }
        if (anyGold && count > 1)
        {
            _instanceStarts.Add(_gold.Count);
            return;
        }
        _rows.RemoveRange(_candidateStarts[first], _rows.Count - _candidateStarts[first]);
        _candidateStarts.RemoveRange(first + 1, _candidateStarts.Count - first - 1);
        _gold.RemoveRange(first, count);
    }

    public (int First, int End) Candidates(int instance) => (_instanceStarts[instance], _instanceStarts[instance + 1]);

    public bool IsGold(int candidate) => _gold[candidate];

    public ReadOnlySpan<int> Rows(int candidate) =>
        CollectionsMarshal.AsSpan(_rows).Slice(_candidateStarts[candidate], _candidateStarts[candidate + 1] - _candidateStarts[candidate]);
}

/// <summary>
/// Ranking perceptron: for each instance, when the best-scoring candidate is wrong, the best-scoring right one's
/// features gain and the wrong one's lose. Averaged, seeded, single-threaded: the same data gives the same model.
/// </summary>
internal static class RankingTrainer
{
    public static LinearModel Train(RankingSet set, int epochs, int seed)
    {
        var perceptron = new AveragedPerceptron(1);
        perceptron.EnsureRows(set.Indexer.Count);
        var order = Enumerable.Range(0, set.Count).ToArray();
        Span<int> score = stackalloc int[1];
        for (int epoch = 0; epoch < epochs; epoch++)
        {
            new Random(unchecked(seed + 15485863 * epoch)).Shuffle(order);
            foreach (int instance in order)
            {
                var (first, end) = set.Candidates(instance);
                int best = -1, bestGold = -1;
                int bestScore = int.MinValue, bestGoldScore = int.MinValue;
                for (int c = first; c < end; c++)
                {
                    perceptron.Score(set.Rows(c), score);
                    if (score[0] > bestScore)
                    {
                        bestScore = score[0];
                        best = c;
                    }
                    if (set.IsGold(c) && score[0] > bestGoldScore)
                    {
                        bestGoldScore = score[0];
                        bestGold = c;
                    }
                }
                if (!set.IsGold(best))
                {
                    perceptron.Update(set.Rows(bestGold), 0, +1);
                    perceptron.Update(set.Rows(best), 0, -1);
                }
                perceptron.Tick();
            }
        }
        return StageBuilder.Build(set.Indexer, perceptron);
    }
}

using Pipeline.Entities;
using Pipeline.Entities.Tagging;

namespace Pipeline.Evaluation.Entities.Training;

/// <summary>
/// Several perceptrons trained on the same data in different (seeded) orders, whose averaged weights are then
/// averaged (parameter mixing). One perceptron's result depends on the shuffle by a few tenths of a point; the mix
/// is steadier and usually a little better.
/// </summary>
internal sealed class PerceptronReplicas
{
    private readonly AveragedPerceptron[] _replicas;
    private readonly int _seed;

    public PerceptronReplicas(int count, int seed)
    {
        _replicas = new AveragedPerceptron[Math.Max(1, count)];
        for (int r = 0; r < _replicas.Length; r++)
        {
            _replicas[r] = new AveragedPerceptron();
        }
        _seed = seed;
    }

    /// <summary>One epoch of every replica; returns the mistakes summed over replicas.</summary>
    public int Epoch(StructuredTrainer trainer, int rowCount, IReadOnlyList<TrainingDocument> documents,
        List<StructuredTrainer.SentenceRef> sentences, bool secondPass, int epoch)
    {
        int mistakes = 0;
        for (int r = 0; r < _replicas.Length; r++)
        {
            var random = new Random(unchecked(_seed + 7919 * r + 104729 * epoch));
            mistakes += trainer.Epoch(_replicas[r], rowCount, documents, sentences, secondPass, random);
        }
        return mistakes;
    }

    /// <summary>The mean of the replicas' averaged weights.</summary>
    public float[] Snapshot(int rows)
    {
        var mean = _replicas[0].Snapshot(rows);
        for (int r = 1; r < _replicas.Length; r++)
        {
            var other = _replicas[r].Snapshot(rows);
            for (int i = 0; i < mean.Length; i++)
            {
                mean[i] += other[i];
            }
        }
        if (_replicas.Length > 1)
        {
            float scale = 1f / _replicas.Length;
            for (int i = 0; i < mean.Length; i++)
            {
                mean[i] *= scale;
            }
        }
        return mean;
    }
}

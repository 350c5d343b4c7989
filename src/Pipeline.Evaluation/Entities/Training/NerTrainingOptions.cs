using Pipeline.Entities;
using Pipeline.Entities.Tagging;

namespace Pipeline.Evaluation.Entities.Training;

/// <summary>Settings of <see cref="NerTraining"/>. Defaults reproduce the shipped model.</summary>
public sealed record NerTrainingOptions
{
    /// <summary>Folder holding <c>eng.train</c> (training) and <c>eng.testa</c> (tuning: epochs are chosen on it).</summary>
    public string DataDirectory { get; init; } = Path.Combine("..", "shared", "eval", "conll2003");

    /// <summary>Folder with unlabelled news (cnndm/, gum_news/, polnear/); default: the parent of <see cref="DataDirectory"/>.</summary>
    public string? UnlabelledDirectory { get; init; }

    public string OutputPath { get; init; } = "ner-model.bin";

    /// <summary>Upper bound on epochs per pass; training stops earlier once tuning F1 has not improved for <see cref="Patience"/> epochs.</summary>
    public int MaxEpochs { get; init; } = 20;

    public int Patience { get; init; } = 4;

    /// <summary>Jackknife folds: the second pass learns from first-pass labels of models that did not see the document.</summary>
    public int Folds { get; init; } = 5;

    /// <summary>Perceptrons per pass trained in different orders and averaged (see <see cref="PerceptronReplicas"/>).</summary>
    public int Replicas { get; init; } = 3;

    /// <summary>Seed of the sentence shuffles; training is deterministic for a given seed and data.</summary>
    public int Seed { get; init; } = 2009;

    /// <summary>Averaged weights of smaller magnitude are dropped (size versus accuracy); 0 keeps every weight that survives 16-bit quantization.</summary>
    public float Prune { get; init; }

    /// <summary>Folder of the external name lists (see <see cref="NameListReader"/>); null trains without them.</summary>
    public string? NameListDirectory { get; init; }

    /// <summary>Learn word clusters from the unlabelled text (the slowest step of training; off for quick experiments).</summary>
    public bool UseClusters { get; init; } = true;

    /// <summary>Optional file to reuse clusters from (written when missing); for experiments, since clustering dominates training time.</summary>
    public string? ClusterCache { get; init; }
}

/// <summary>What a training run produced.</summary>
public sealed record NerTrainingResult(
    string ModelPath,
    long ModelBytes,
    int FirstPassEpochs,
    double FirstPassF1,
    int SecondPassEpochs,
    SpanScores TuningScores,
    TimeSpan Elapsed);

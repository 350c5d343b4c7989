using Pipeline.Text;

namespace Pipeline.Entities.Tagging;

/// <summary>
/// The trained entity tagger as data: feature table, quantized weights of both passes, and the lexicons the
/// features read (gazetteer, word clusters, case profile). Immutable once built, so one instance serves every
/// thread. Behaviour lives in <see cref="PerceptronTagger"/>; the file format in <see cref="PerceptronModelSerializer"/>.
/// </summary>
public sealed class PerceptronTaggerModel
{
    /// <summary>Version of the binary format and of the feature templates; a model of another version is refused.</summary>
    public const int FormatVersion = 2;

    /// <summary>Version 1 files (no name lists) still load: the features are the same, less the name-list ones.</summary>
    public const int OldestReadableVersion = 1;

    /// <summary>Weights per feature row: <see cref="BilouLabels.Count"/> for the first pass, as many for the second.</summary>
    public const int Stride = 2 * BilouLabels.Count;

    internal PerceptronTaggerModel(HashIndex features, short[] weights, Gazetteer gazetteer, Gazetteer nameLists, WordClusters clusters,
        CaseProfile caseProfile, IReadOnlyDictionary<string, string> metadata)
    {
        NameLists = nameLists;
        Features = features;
        Weights = weights;
        Gazetteer = gazetteer;
        Clusters = clusters;
        CaseProfile = caseProfile;
        Metadata = metadata;
        var previousRows = PreviousRows(features);
        var previousCapRows = PreviousCapRows(features);
        FirstTransitions.Load(previousRows, previousCapRows, (row, label) => weights[row * Stride + label]);
        SecondTransitions.Load(previousRows, previousCapRows, (row, label) => weights[row * Stride + BilouLabels.Count + label]);
    }

    /// <summary>Number of <see cref="CapState"/> values, for the dense previous-label × capitalization rows.</summary>
    internal const int CapStates = 8;

    /// <summary>Feature key → row of <see cref="Weights"/>.</summary>
    internal HashIndex Features { get; }

    /// <summary>Row-major, <see cref="Stride"/> per row; scores are compared, never scaled, so no scale is needed.</summary>
    internal short[] Weights { get; }

    internal Gazetteer Gazetteer { get; }

    /// <summary>The external name lists (see <c>NameListReader</c> (Pipeline.Evaluation)), matched as a gazetteer whose types are the lists.</summary>
    internal Gazetteer NameLists { get; }

    internal WordClusters Clusters { get; }

    internal CaseProfile CaseProfile { get; }

    /// <summary>The first pass's label-transition scores, unpacked once from their feature rows.</summary>
    internal Transitions FirstTransitions { get; } = new();

    internal Transitions SecondTransitions { get; } = new();

    /// <summary>Free-form facts about training (epochs, corpus, scores), written into the file.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    public int FeatureCount => Features.Count;

    public static PerceptronTaggerModel Load(Stream stream) => PerceptronModelSerializer.Read(stream);

    public static PerceptronTaggerModel Load(string path)
    {
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    public void Save(Stream stream) => PerceptronModelSerializer.Write(this, stream);

    public void Save(string path)
    {
        using var stream = File.Create(path);
        Save(stream);
    }

    /// <summary>Rows of the previous-label features (-1 where the model has none).</summary>
    internal static int[] PreviousRows(HashIndex features)
    {
        var rows = new int[Transitions.Previous];
        for (int p = 0; p < rows.Length; p++)
        {
            rows[p] = features.Get(DocumentFeatures.Previous1(p), -1);
        }
        return rows;
    }

    /// <summary>Rows of the previous-label × capitalization features (-1 where the model has none).</summary>
    internal static int[] PreviousCapRows(HashIndex features)
    {
        var rows = new int[Transitions.Previous * CapStates];
        for (int i = 0; i < rows.Length; i++)
        {
            rows[i] = features.Get(DocumentFeatures.PreviousCap(i / CapStates, (CapState)(i % CapStates)), -1);
        }
        return rows;
    }
}

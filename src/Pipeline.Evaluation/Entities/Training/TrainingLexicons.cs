using Pipeline.Entities.Tagging;
using Pipeline.Entities;
using Pipeline.Text;

namespace Pipeline.Evaluation.Entities.Training;

/// <summary>
/// The lexicons a model carries, built from training data and unlabelled text: the case profile, word clusters,
/// and gazetteers of training entities. Each training document's features use a gazetteer built from the other
/// folds only; with its own entities listed, the gazetteer feature would be right on every training name and the
/// model would trust it far more than it deserves on new text.
/// </summary>
internal sealed class TrainingLexicons
{
    private readonly Gazetteer[] _foldGazetteers;
    private readonly FeatureExtractor[] _foldExtractors;

    private TrainingLexicons(CaseProfile caseProfile, WordClusters clusters, Gazetteer nameLists, Gazetteer gazetteer, Gazetteer[] foldGazetteers)
    {
        CaseProfile = caseProfile;
        NameLists = nameLists;
        Clusters = clusters;
        Gazetteer = gazetteer;
        _foldGazetteers = foldGazetteers;
        _foldExtractors = new FeatureExtractor[foldGazetteers.Length];
        for (int k = 0; k < foldGazetteers.Length; k++)
        {
            _foldExtractors[k] = new FeatureExtractor(foldGazetteers[k], nameLists, clusters, caseProfile);
        }
    }

    public CaseProfile CaseProfile { get; }

    public WordClusters Clusters { get; }

    /// <summary>The external name lists; not built from the training labels, so every fold shares them.</summary>
    public Gazetteer NameLists { get; }

    /// <summary>All training entities: the gazetteer shipped in the model.</summary>
    public Gazetteer Gazetteer { get; }

    public Gazetteer FoldGazetteer(int fold) => _foldGazetteers[fold];

    /// <summary>The extractor for a training document of <paramref name="fold"/> (its gazetteer leaves that fold out).</summary>
    public FeatureExtractor Extractor(int fold) => _foldExtractors[fold];

    /// <summary>Clustering is the slow step and depends only on the unlabelled text: experiments may reuse a cached result.</summary>
    private static WordClusters CachedClusters(string? cache, ClusterBuilder builder, Action<string> log)
    {
        if (cache != null && File.Exists(cache))
        {
            var cached = PerceptronTaggerModel.Load(cache).Clusters;
            log($"clusters: {cached.Classes.Count} words from {cache}");
            return cached;
        }
        var clusters = builder.Build(log);
        if (cache != null)
        {
            new PerceptronTaggerModel(new HashIndex(0), [], Gazetteer.Empty, Gazetteer.Empty, clusters, CaseProfile.Empty,
                new Dictionary<string, string> { ["content"] = "word clusters only" }).Save(cache);
        }
        return clusters;
    }

    public static TrainingLexicons Build(IReadOnlyList<TrainingDocument> documents, NerTrainingOptions options, Action<string> log)
    {
        string unlabelledRoot = options.UnlabelledDirectory ?? Path.GetFullPath(Path.Combine(options.DataDirectory, ".."));
        var caseBuilder = new CaseProfile.Builder();
        var clusterBuilder = new ClusterBuilder();
        foreach (var document in documents)
        {
            caseBuilder.Add(document.Text);
            clusterBuilder.Add(document.Text);
        }
        foreach (var text in UnlabelledText.Read(unlabelledRoot))
        {
            caseBuilder.Add(text);
            clusterBuilder.Add(text);
        }
        var caseProfile = caseBuilder.Build();
        log($"case profile: {caseProfile.Buckets.Count} words from {caseBuilder.Documents} documents");
        var clusters = !options.UseClusters ? WordClusters.Empty : CachedClusters(options.ClusterCache, clusterBuilder, log);

        var full = new Gazetteer.Builder();
        var folds = new Gazetteer.Builder[options.Folds];
        for (int k = 0; k < folds.Length; k++)
        {
            folds[k] = new Gazetteer.Builder();
        }
        var hashes = new List<ulong>();
        foreach (var document in documents)
        {
            foreach (var sentence in document.Source.Sentences)
            {
                foreach (var entity in sentence.Entities)
                {
                    hashes.Clear();
                    for (int i = entity.Start; i < entity.End; i++)
                    {
                        hashes.Add(FeatureHash.LowerChars(sentence.Words[i]));
                    }
                    var phrase = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(hashes);
                    var type = LabelConventions.TypeOf(sentence.Words, entity);
                    full.Add(phrase, type);
                    for (int k = 0; k < folds.Length; k++)
                    {
                        if (k != document.Fold)
                        {
                            folds[k].Add(phrase, type);
                        }
                    }
                }
            }
        }
        var foldGazetteers = new Gazetteer[folds.Length];
        for (int k = 0; k < folds.Length; k++)
        {
            foldGazetteers[k] = folds[k].Build();
        }
        var gazetteer = full.Build();
        log($"gazetteer: {gazetteer.Entries.Count} entries");
        var nameLists = NameListReader.Read(options.NameListDirectory, log);
        return new TrainingLexicons(caseProfile, clusters, nameLists, gazetteer, foldGazetteers);
    }
}

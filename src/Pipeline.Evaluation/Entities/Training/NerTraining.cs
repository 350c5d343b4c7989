using System.Diagnostics;
using System.Globalization;
using Pipeline.Entities;
using Pipeline.Entities.Tagging;

namespace Pipeline.Evaluation.Entities.Training;

/// <summary>
/// Trains the two-pass tagger: lexicons (case profile, clusters, gazetteers), first pass with epochs chosen on the
/// tuning file, jackknifed first-pass labels for the training documents, second pass likewise tuned, then writes the
/// model and checks that the file scores what the in-memory model scored.
/// </summary>
public static class NerTraining
{
    public static NerTrainingResult Run(NerTrainingOptions options, TextWriter log)
    {
        var clock = Stopwatch.StartNew();
        var train = ConllReader.ReadFile(Path.Combine(options.DataDirectory, "eng.train"));
        var tune = ConllReader.ReadFile(Path.Combine(options.DataDirectory, "eng.testa"));
        var run = new TrainingRun(options, log, clock);
        var trained = run.Train(train, tune);

        trained.Model.Save(options.OutputPath);
        long bytes = new FileInfo(options.OutputPath).Length;
        var reloaded = PerceptronTaggerModel.Load(options.OutputPath);
        var check = NerEvaluation.Evaluate(new PerceptronTagger(reloaded), tune);
        run.Log($"wrote {options.OutputPath}: {bytes / 1024.0 / 1024.0:F2} MB, {reloaded.FeatureCount} rows; reloaded testa F1 {check.F1():F4}");
        return new NerTrainingResult(options.OutputPath, bytes, trained.FirstPassEpochs, trained.FirstPassF1, trained.SecondPassEpochs, check, clock.Elapsed);
    }

    /// <summary>
    /// Trains a model in memory on <paramref name="train"/>, choosing epochs on <paramref name="tune"/>; the unlabelled
    /// text of <see cref="NerTrainingOptions.UnlabelledDirectory"/> and the training documents feed the lexicons.
    /// </summary>
    internal static TrainedModel Train(IReadOnlyList<ConllDocument> train, IReadOnlyList<ConllDocument> tune, NerTrainingOptions options, TextWriter log) =>
        new TrainingRun(options, log, Stopwatch.StartNew()).Train(train, tune);

    /// <summary>A model trained in memory, with the epochs chosen for each pass.</summary>
    internal sealed record TrainedModel(PerceptronTaggerModel Model, int FirstPassEpochs, double FirstPassF1, int SecondPassEpochs);

    /// <summary>The state of one training run, so that each step is a small method.</summary>
    private sealed class TrainingRun(NerTrainingOptions options, TextWriter log, Stopwatch clock)
    {
        private readonly FeatureIndexer _indexer = new();
        private readonly DocumentState _state = new();
        private readonly Dictionary<string, string> _metadata = new(StringComparer.Ordinal)
        {
            ["trained.on"] = "CoNLL-2003 eng.train",
            ["tuned.on"] = "CoNLL-2003 eng.testa",
            ["seed"] = options.Seed.ToString(CultureInfo.InvariantCulture),
            ["replicas"] = options.Replicas.ToString(CultureInfo.InvariantCulture),
        };
        private List<TrainingDocument> _documents = [];
        private IReadOnlyList<ConllDocument> _tune = [];
        private TrainingLexicons? _lexicons;
        private StructuredTrainer? _trainer;

        private TrainingLexicons Lexicons => _lexicons!;

        private StructuredTrainer Trainer => _trainer!;

        public TrainedModel Train(IReadOnlyList<ConllDocument> train, IReadOnlyList<ConllDocument> tune)
        {
            _tune = tune;
            _documents = new List<TrainingDocument>(train.Count);
            for (int i = 0; i < train.Count; i++)
            {
                _documents.Add(new TrainingDocument(train[i], i % options.Folds));
            }
            Log($"read {train.Count} training and {_tune.Count} tuning documents");

            _lexicons = TrainingLexicons.Build(_documents, options, Log);
            foreach (var document in _documents)
            {
                TrainingFeatures.CompileLocal(document, Lexicons.Extractor(document.Fold), _indexer, _state);
            }
            _trainer = new StructuredTrainer(_indexer);
            Log($"compiled local features: {_indexer.Count} rows");

            var (firstWeights, firstEpochs, firstF1) = TrainFirstPass();
            _metadata["epochs.first"] = firstEpochs.ToString(CultureInfo.InvariantCulture);
            _metadata["testa.f1.first"] = firstF1.ToString("F4", CultureInfo.InvariantCulture);
            Jackknife(firstEpochs);
            var (model, secondEpochs) = TrainSecondPass(firstWeights);
            return new TrainedModel(model, firstEpochs, firstF1, secondEpochs);
        }

        /// <summary>First pass on all training documents; the epoch count is the one that scores best on the tuning file.</summary>
        private (float[] Weights, int Epochs, double F1) TrainFirstPass()
        {
            var replicas = new PerceptronReplicas(options.Replicas, options.Seed);
            var sentences = StructuredTrainer.Sentences(_documents, static _ => true);
            float[] best = [];
            double bestF1 = -1;
            int bestEpoch = 0;
            for (int epoch = 1; epoch <= options.MaxEpochs && epoch - bestEpoch <= options.Patience; epoch++)
            {
                int mistakes = replicas.Epoch(Trainer, _indexer.Count, _documents, sentences, secondPass: false, epoch);
                var weights = replicas.Snapshot(_indexer.Count);
                var model = Build(weights, null, Lexicons.Gazetteer, _metadata);
                double f1 = NerEvaluation.Evaluate(new PerceptronTagger(model), _tune, null, firstPassOnly: true).F1();
                Log($"pass 1 epoch {epoch}: {mistakes} mistakes, testa F1 {f1:F4}, {model.FeatureCount} rows kept");
                if (f1 > bestF1)
                {
                    (best, bestF1, bestEpoch) = (weights, f1, epoch);
                }
            }
            return (best, bestEpoch, bestF1);
        }

        /// <summary>
        /// First-pass labels for each training fold from a model trained on the other folds (with their gazetteer),
        /// so the second pass learns from labels as wrong as they will be on new text.
        /// </summary>
        private void Jackknife(int epochs)
        {
            var labels = new List<EntitySpan>();
            for (int fold = 0; fold < options.Folds; fold++)
            {
                int k = fold;
                var replicas = new PerceptronReplicas(options.Replicas, options.Seed + 1000 * (fold + 1));
                var sentences = StructuredTrainer.Sentences(_documents, d => d.Fold != k);
                for (int epoch = 1; epoch <= epochs; epoch++)
                {
                    replicas.Epoch(Trainer, _indexer.Count, _documents, sentences, secondPass: false, epoch);
                }
                var tagger = new PerceptronTagger(Build(replicas.Snapshot(_indexer.Count), null, Lexicons.FoldGazetteer(fold), _metadata));
                foreach (var document in _documents)
                {
                    if (document.Fold != fold)
                    {
                        continue;
                    }
                    labels.Clear();
                    tagger.Tag(document.Text, labels, firstPassOnly: true);
                    var firstPass = new byte[document.Gold.Length];
                    BilouLabels.Encode(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(labels), firstPass);
                    TrainingFeatures.CompileDocument(document, firstPass, _indexer, _state);
                }
                Log($"jackknife fold {fold + 1}/{options.Folds} done");
            }
        }

        /// <summary>Second pass on top of the chosen first pass, its epochs chosen on the tuning file too.</summary>
        private (PerceptronTaggerModel Model, int Epochs) TrainSecondPass(float[] firstWeights)
        {
            var replicas = new PerceptronReplicas(options.Replicas, options.Seed + 5000);
            var sentences = StructuredTrainer.Sentences(_documents, static _ => true);
            PerceptronTaggerModel? best = null;
            double bestF1 = -1;
            int bestEpoch = 0;
            for (int epoch = 1; epoch <= options.MaxEpochs && epoch - bestEpoch <= options.Patience; epoch++)
            {
                int mistakes = replicas.Epoch(Trainer, _indexer.Count, _documents, sentences, secondPass: true, epoch);
                var metadata = new Dictionary<string, string>(_metadata) { ["epochs.second"] = epoch.ToString(CultureInfo.InvariantCulture) };
                var model = Build(firstWeights, replicas.Snapshot(_indexer.Count), Lexicons.Gazetteer, metadata);
                var scores = NerEvaluation.Evaluate(new PerceptronTagger(model), _tune);
                Log($"pass 2 epoch {epoch}: {mistakes} mistakes, testa F1 {scores.F1():F4}, {model.FeatureCount} rows kept");
                if (scores.F1() > bestF1)
                {
                    metadata["testa.f1"] = scores.F1().ToString("F4", CultureInfo.InvariantCulture);
                    (best, bestF1, bestEpoch) = (model, scores.F1(), epoch);
                }
            }
            return (best!, bestEpoch);
        }

        private PerceptronTaggerModel Build(float[] first, float[]? second, Gazetteer gazetteer, IReadOnlyDictionary<string, string> metadata) =>
            ModelBuilder.Build(_indexer, first, second, gazetteer, Lexicons.NameLists, Lexicons.Clusters, Lexicons.CaseProfile, metadata, options.Prune);

        public void Log(string message) =>
            log.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{clock.Elapsed.TotalSeconds,6:F1}s] {message}"));
    }
}

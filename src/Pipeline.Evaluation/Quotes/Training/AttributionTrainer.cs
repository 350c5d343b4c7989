using System.Diagnostics;
using System.Runtime.InteropServices;
using Pipeline.Entities.Tagging;
using Pipeline.Quotes;
using Pipeline.Text;

namespace Pipeline.Evaluation.Quotes.Training;

/// <summary>Hyper-parameters of quote training, chosen on PolNeAR dev.</summary>
public sealed record QuoteTrainingOptions
{
    /// <summary>Seed of every shuffle; the same seed and data give the same model, byte for byte.</summary>
    public int Seed { get; init; } = 1;
    public int CueEpochs { get; init; } = 6;
    public int ContentEpochs { get; init; } = 8;
    public int LinkEpochs { get; init; } = 6;
    public int SourceEpochs { get; init; } = 8;

    /// <summary>Parts the training articles are split into so that later stages learn from cues a model found without seeing them.</summary>
    public int JackknifeFolds { get; init; } = 5;

    /// <summary>How often a word must begin a training cue for the cue stage to score it when no cue lexicon lists it.</summary>
    public int MinCueWordCount { get; init; } = 2;

    /// <summary>How often, of the times it occurs, a word must begin a training cue for the cue stage to score it (<see cref="CueTrainer.CueWords"/>).</summary>
    public double MinCueWordRate { get; init; } = 0.01;

    /// <summary>
    /// Cascades trained with seeds <see cref="Seed"/>, <see cref="Seed"/> + 1, …, whose weights are averaged stage by
    /// stage: the perceptron's result depends on the order it reads the articles in, and the average depends on it less.
    /// </summary>
    public int Ensemble { get; init; } = 1;

    /// <summary>
    /// Weights smaller than this share of their stage's largest are dropped from the shipped model (<see cref="StageBuilder.Prune"/>):
    /// a smaller model stays in the processor's caches.
    /// </summary>
    public double Prune { get; init; } = 0.01;

    /// <summary>
    /// Articles without annotations (<see cref="UnlabelledNews.Read"/>) that the model for text without marks also learns
    /// from, labelled by the model for text with marks (<see cref="UnlabelledNews"/>); none by default.
    /// </summary>
    public IReadOnlyList<string> Unlabelled { get; init; } = [];
}

/// <summary>
/// Trains the four stages of one <see cref="AttributionModel"/> in order: cues (and their jackknife), content on the
/// jackknifed cues, links from gold content spans to the found cue that matches the gold cue, and sources around it.
/// </summary>
internal static class AttributionTrainer
{
    /// <param name="marked">
    /// Whether this is the model for text with quotation marks, which learns the part stage (<see cref="PartFeatures"/>)
    /// and lets stems and listed verbs of stance begin cues (<see cref="CueTrainer.CueWords"/>). In the model for text
    /// without marks the part stage is empty, so a cue's further spans all go with its nearest one, and only words that
    /// began cues in training begin cues: there the part stage made each figure worse in cross-validation, and stems
    /// changed the seed's unmarked passages.
    /// </param>
    public static AttributionModel Train(IReadOnlyList<TrainingArticle> articles, QuoteTrainingOptions options, TextWriter log, string name, bool marked)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Ensemble, 1, nameof(options.Ensemble));
        var cueWords = CueTrainer.CueWords(articles, options.MinCueWordCount, options.MinCueWordRate, marked, log, name);
        var runs = new List<LinearModel[]>();
        for (int e = 0; e < options.Ensemble; e++)
        {
            runs.Add(TrainStages(articles, cueWords, options with { Seed = options.Seed + e }, log, name, parts: marked));
        }
        var stages = new LinearModel[runs[0].Length];
        int before = 0;
        for (int i = 0; i < stages.Length; i++)
        {
            var averaged = StageBuilder.Average(runs.ConvertAll(run => run[i]));
            before += averaged.Count;
            stages[i] = StageBuilder.Prune(averaged, options.Prune);
        }
        log.WriteLine($"  {name}: {before:N0} features, {stages.Sum(s => s.Count):N0} after pruning weights below {options.Prune:G} of each stage's largest");
        return new AttributionModel(cueWords, LinearModel.Concat(stages[0], stages[1]), stages[2], stages[3], stages[4], stages[5], stages[6], stages[7], stages[8], lastLabels: marked);
    }

    /// <summary>One cascade of the stages, in <see cref="AttributionModel"/>'s order, before pruning.</summary>
    private static LinearModel[] TrainStages(IReadOnlyList<TrainingArticle> articles, HashIndex cueWords, QuoteTrainingOptions options,
        TextWriter log, string name, bool parts)
    {
        var watch = Stopwatch.StartNew();
        CueTrainer.Jackknife(articles, cueWords, options.JackknifeFolds, options.CueEpochs, options.Seed);
        var cue = CueTrainer.Train(articles, cueWords, options.CueEpochs, options.Seed, secondPass: false);
        var cueSecond = CueTrainer.Train(articles, cueWords, options.CueEpochs, options.Seed, secondPass: true);
        var (found, gold, matched) = CueAgreement(articles);
        log.WriteLine($"  {name}: cues ({cue.Count:N0} features) in {watch.Elapsed.TotalSeconds:F0} s; jackknifed cues overlap gold: " +
                      $"precision {(double)matched / Math.Max(1, found):F3}, recall {(double)matched / Math.Max(1, gold):F3}");
        var content = ContentTrainer.Train(articles, options.ContentEpochs, options.Seed, lastLabels: parts);
        var foundSpans = ContentTrainer.Jackknife(articles, options.JackknifeFolds, options.ContentEpochs, options.Seed, lastLabels: parts);
        log.WriteLine($"  {name}: content ({content.Count:N0} features) in {watch.Elapsed.TotalSeconds:F0} s");
        var (links, sources, verbatims) = RankingSets(articles, foundSpans);
        var extensions = ExtensionTraining.Instances(articles);
        var link = RankingTrainer.Train(links, options.LinkEpochs, options.Seed);
        var partSet = parts ? PartInstances(articles, foundSpans, link) : new RankingSet();
        var part = parts ? RankingTrainer.Train(partSet, options.LinkEpochs, options.Seed) : StageBuilder.Empty(1);
        var source = RankingTrainer.Train(sources, options.SourceEpochs, options.Seed);
        var verbatim = RankingTrainer.Train(verbatims, options.SourceEpochs, options.Seed);
        log.WriteLine($"  {name}: links ({links.Count:N0} spans), parts ({partSet.Count:N0} further spans), sources and kinds ({sources.Count:N0} cues) in {watch.Elapsed.TotalSeconds:F0} s");
        var extension = RankingTrainer.Train(extensions, options.SourceEpochs, options.Seed);
        // The model for text with marks breaks text without paragraph breaks before every sentence outside a quotation
        // (NewsParagraphs): learned breaks there scored the same in cross-validation and labelled more words.
        var breaks = parts ? StageBuilder.Empty(1) : TrainBreaks(articles, options);
        return [cue, cueSecond, content, link, source, verbatim, extension, part, breaks];
    }

    /// <summary>
    /// The link, source and verbatim instances of every article, anchored on the jackknifed cue that overlaps each gold
    /// cue. Links are learned on the jackknifed content spans (<paramref name="foundSpans"/>), each belonging to the gold
    /// attribution it overlaps most, as the run-time spans are cut.
    /// </summary>
    private static (RankingSet Links, RankingSet Sources, RankingSet Verbatims) RankingSets(IReadOnlyList<TrainingArticle> articles, List<ContentSpan>[] foundSpans)
    {
        var links = new RankingSet();
        var sources = new RankingSet();
        var verbatims = new RankingSet();
        var keys = new FeatureKeys();
        var cues = new CueContext();
        var spans = new List<ContentSpan>();
        var linkCandidates = new List<int>();
        var sourceCandidates = new List<SourceCandidate>();
        for (int a = 0; a < articles.Count; a++)
        {
            var article = articles[a];
            var x = article.Text;
            cues.Load(x, article.PredictedCues.AsSpan(0, x.Count));
            var anchors = article.Relations.Select(r => Anchor(cues, r.Cue)).ToArray();
            var owner = new int[x.Count];
            Array.Fill(owner, -1);
            for (int r = 0; r < article.Relations.Count; r++)
            {
                foreach (var (start, end) in article.Relations[r].Parts)
                {
                    owner.AsSpan(start, end - start).Fill(anchors[r] >= 0 ? anchors[r] : int.MaxValue);
                }
            }

            spans.Clear();
            spans.AddRange(foundSpans[a]);
            for (int i = 0; i < spans.Count; i++)
            {
                int relation = MostOverlapping(article.Relations, spans[i]);
                int anchor = relation >= 0 ? anchors[relation] : -1;
                if (anchor < 0)
                {
                    continue;
                }
                LinkFeatures.Candidates(x, cues, spans[i], linkCandidates);
                foreach (int candidate in linkCandidates)
                {
                    LinkFeatures.Emit(x, cues, spans, i, candidate, keys);
                    links.AddCandidate(keys, candidate == anchor);
                }
                links.EndInstance();
            }

            for (int r = 0; r < article.Relations.Count; r++)
            {
                if (anchors[r] < 0)
                {
                    continue;
                }
                var source = article.Relations[r].Source;
                SourceFeatures.Candidates(x, cues, owner, anchors[r], sourceCandidates);
                SourceFeatures.EmitNothing(x, cues, anchors[r], sourceCandidates.Count, keys);
                sources.AddCandidate(keys, source.Length == 0);
                // Of the source's words, the ones a speaker is read from (a name's last word, a pronoun, a source noun)
                // when it has any: the ranker then learns to pick those rather than any word of the phrase.
                bool inSource(int t) => source.Any(s => s.Start <= t && t < s.End);
                bool possible = sourceCandidates.Exists(c => inSource(c.Token) && SourceFeatures.IsPossibleSource(x, c.Token));
                foreach (var candidate in sourceCandidates)
                {
                    SourceFeatures.Emit(x, cues, owner, anchors[r], candidate, keys);
                    sources.AddCandidate(keys, inSource(candidate.Token) && (!possible || SourceFeatures.IsPossibleSource(x, candidate.Token)));
                }
                sources.EndInstance();
            }

            foreach (var relation in article.Relations)
            {
                VerbatimFeatures.EmitReported(keys);
                verbatims.AddCandidate(keys, !relation.Verbatim);
                VerbatimFeatures.Emit(x, relation.Parts, relation.Cue.Start, relation.Cue.End, foundSpans[a], keys);
                verbatims.AddCandidate(keys, relation.Verbatim);
                verbatims.EndInstance();
            }
        }
        return (links, sources, verbatims);
    }

    /// <summary>The break stage of text without paragraph breaks (<see cref="NewsParagraphs"/>), learned from the articles' paragraphs.</summary>
    public static LinearModel TrainBreaks(IReadOnlyList<TrainingArticle> articles, QuoteTrainingOptions options) =>
        RankingTrainer.Train(BreakInstances(articles), options.LinkEpochs, options.Seed);

    /// <summary>
    /// Every place between two sentences of an article that no quotation runs across, as <see cref="NewsParagraphs"/>
    /// meets them: no break (no keys) against a break (<see cref="BreakFeatures"/>), right as the article's paragraphs fall.
    /// </summary>
    private static RankingSet BreakInstances(IReadOnlyList<TrainingArticle> articles)
    {
        var set = new RankingSet();
        var keys = new FeatureKeys();
        foreach (var article in articles)
        {
            var x = article.Text;
            var sentences = x.Document.Sentences;
            int since = 1;
            for (int s = 0; s + 1 < sentences.Length; s++)
            {
                bool breaks = sentences[s + 1].Paragraph != sentences[s].Paragraph;
                if (!NewsParagraphs.RunsOn(x, sentences[s + 1].FirstToken))
                {
                    keys.Clear();
                    set.AddCandidate(keys, !breaks);
                    BreakFeatures.Emit(x, s, since, keys);
                    set.AddCandidate(keys, breaks);
                    set.EndInstance();
                }
                since = breaks ? 1 : since + 1;
            }
        }
        return set;
    }

    /// <summary>
    /// The part instances of every article: its jackknifed content spans linked to the jackknifed cues by the trained
    /// <paramref name="link"/> stage, as at run time, and each further span of a cue against the cue's nearest span: it
    /// goes with it when both belong most to the same gold attribution, is separate when it belongs most to another, and
    /// is dropped when it belongs to none.
    /// </summary>
    private static RankingSet PartInstances(IReadOnlyList<TrainingArticle> articles, List<ContentSpan>[] foundSpans, LinearModel link)
    {
        var set = new RankingSet();
        var keys = new FeatureKeys();
        var cues = new CueContext();
        var candidates = new List<int>();
        var byCue = new List<int>();
        for (int a = 0; a < articles.Count; a++)
        {
            var article = articles[a];
            var x = article.Text;
            cues.Load(x, article.PredictedCues.AsSpan(0, x.Count));
            var spans = foundSpans[a];
            var linked = new int[spans.Count];
            for (int i = 0; i < spans.Count; i++)
            {
                linked[i] = AttributionTagger.Link(link, x, cues, spans, i, keys, candidates);
            }
            for (int cue = 0; cue < cues.Spans.Count; cue++)
            {
                byCue.Clear();
                for (int i = 0; i < spans.Count; i++)
                {
                    if (linked[i] == cue)
                    {
                        byCue.Add(i);
                    }
                }
                if (byCue.Count < 2)
                {
                    continue;
                }
                int main = PartFeatures.Nearest(cues, spans, cue, CollectionsMarshal.AsSpan(byCue));
                int mainRelation = MostOverlapping(article.Relations, spans[main]);
                foreach (int i in byCue)
                {
                    if (i == main)
                    {
                        continue;
                    }
                    int relation = MostOverlapping(article.Relations, spans[i]);
                    var gold = relation < 0 ? PartChoice.Drop : relation == mainRelation ? PartChoice.GoesWith
                        : Matches(article.Relations[relation], spans[i]) ? PartChoice.Separate : PartChoice.Drop;
                    for (var choice = PartChoice.GoesWith; choice <= PartChoice.Drop; choice++)
                    {
                        PartFeatures.Emit(x, cues, spans, cue, main, i, choice, keys);
                        set.AddCandidate(keys, choice == gold);
                    }
                    set.EndInstance();
                }
            }
        }
        return set;
    }

    /// <summary>True when <paramref name="span"/> would match <paramref name="relation"/>'s content on its own: they share at least half the tokens of the longer.</summary>
    private static bool Matches(GoldRelation relation, ContentSpan span)
    {
        int shared = 0, length = 0;
        foreach (var (start, end) in relation.Parts)
        {
            shared += Math.Max(0, Math.Min(end, span.End) - Math.Max(start, span.Start));
            length += end - start;
        }
        return 2 * shared >= Math.Max(length, span.End - span.Start);
    }

    /// <summary>Jackknifed cues against gold cues: found, gold, and found ones overlapping a gold cue.</summary>
    private static (int Found, int Gold, int Matched) CueAgreement(IReadOnlyList<TrainingArticle> articles)
    {
        int found = 0, gold = 0, matched = 0;
        var cues = new CueContext();
        foreach (var article in articles)
        {
            cues.Load(article.Text, article.PredictedCues.AsSpan(0, article.Text.Count));
            found += cues.Spans.Count;
            var goldCues = article.Relations.Select(r => r.Cue).Distinct().ToList();
            gold += goldCues.Count;
            matched += cues.Spans.Count(c => goldCues.Any(g => g.Start < c.End && c.Start < g.End));
        }
        return (found, gold, matched);
    }

    /// <summary>The relation whose content shares most tokens with <paramref name="span"/>, or -1 when none shares any.</summary>
    private static int MostOverlapping(List<GoldRelation> relations, ContentSpan span)
    {
        int best = -1, most = 0;
        for (int r = 0; r < relations.Count; r++)
        {
            int shared = 0;
            foreach (var (start, end) in relations[r].Parts)
            {
                shared += Math.Max(0, Math.Min(end, span.End) - Math.Max(start, span.Start));
            }
            if (shared > most)
            {
                most = shared;
                best = r;
            }
        }
        return best;
    }

    /// <summary>The found cue that overlaps the gold cue, or -1.</summary>
    private static int Anchor(CueContext cues, (int Start, int End) gold)
    {
        for (int c = 0; c < cues.Spans.Count; c++)
        {
            if (cues.Spans[c].Start < gold.End && gold.Start < cues.Spans[c].End)
            {
                return c;
            }
        }
        return -1;
    }
}

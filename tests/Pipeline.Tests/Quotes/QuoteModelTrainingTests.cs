using Pipeline.Evaluation.Quotes;
using Pipeline.Evaluation.Quotes.Training;
using Pipeline.Quotes;
using Pipeline.Text;

namespace Pipeline.Tests.Quotes;

/// <summary>Quote model training on a few made-up annotated articles: deterministic, and the file reads back to the same model.</summary>
public sealed class QuoteModelTrainingTests
{
    private static PolnearArticle Article(string name, string speaker, string words)
    {
        string text = $"Town news\n\n“{words},” {speaker} said on Monday.\n\n{speaker} said the council would vote again.\n";
        int open = text.IndexOf('“'), close = text.IndexOf('”') + 1;
        int said = text.IndexOf(" said", close, StringComparison.Ordinal) + 1;
        int second = text.IndexOf(speaker + " said the", StringComparison.Ordinal);
        int secondSaid = second + speaker.Length + 1;
        return new PolnearArticle(name, text,
        [
            new GoldAttribution([new TextSpan(open, close)], [new TextSpan(close + 2, close + 2 + speaker.Length)], [new TextSpan(said, said + 4)]),
            new GoldAttribution([new TextSpan(secondSaid + 5, text.IndexOf(".\n", secondSaid, StringComparison.Ordinal))],
                [new TextSpan(second, second + speaker.Length)], [new TextSpan(secondSaid, secondSaid + 4)]),
        ]);
    }

    internal static readonly PolnearArticle[] Articles =
    [
        Article("a", "Anna Reyes", "We will build the bridge"),
        Article("b", "Paul Grant", "The plan is too expensive"),
        Article("c", "Maria Lopez", "Nobody asked the town"),
        Article("d", "Tom Clarke", "I have never seen such a vote"),
    ];

    internal static byte[] Bytes(QuoteModel model)
    {
        using var stream = new MemoryStream();
        model.Save(stream);
        return stream.ToArray();
    }

    [Fact]
    public void Training_twice_gives_the_same_bytes_and_the_file_reads_back()
    {
        var options = new QuoteTrainingOptions { CueEpochs = 2, ContentEpochs = 2, LinkEpochs = 2, SourceEpochs = 2 };
        var first = Bytes(QuoteTraining.Train(Articles, options, TextWriter.Null));
        var second = Bytes(QuoteTraining.Train(Articles, options, TextWriter.Null));
        Assert.Equal(first, second);
        var loaded = QuoteModel.Load(new MemoryStream(first));
        Assert.Equal(first, Bytes(loaded));
        Assert.Equal("4", loaded.Metadata["articles"]);
    }

    [Fact]
    public void A_model_of_another_format_version_is_refused()
    {
        var bytes = Bytes(QuoteTraining.Train(Articles, new QuoteTrainingOptions { CueEpochs = 1, ContentEpochs = 1 }, TextWriter.Null));
        bytes[4]++;
        Assert.Throws<InvalidDataException>(() => QuoteModel.Load(new MemoryStream(bytes)));
        Assert.Throws<InvalidDataException>(() => QuoteModel.Load(new MemoryStream("QUOT"u8.ToArray())));
    }

    [Theory]
    [InlineData("")]
    [InlineData("“”“”“”")]
    [InlineData("\u0000\u0001 binary \uFFFF")]
    public void A_trained_model_extracts_from_hostile_text_without_failing(string body)
    {
        var model = QuoteTraining.Train(Articles, new QuoteTrainingOptions { CueEpochs = 2, ContentEpochs = 2 }, TextWriter.Null);
        var document = TextDocument.Analyze("Title\n" + body + new string('"', 2_000) + " Anna Reyes said.");
        var quotes = new LearnedQuoteExtractor(model).Extract(document, Pipeline.Entities.EntityExtraction.Empty);
        Assert.All(quotes, q => Assert.InRange(q.Span.End, q.Span.Start, document.Text.Length));
    }

    [Fact]
    public void A_stage_holds_each_key_once_with_its_latest_weights_and_refuses_more_keys_than_it_was_sized_for()
    {
        // Keys that share their top bits (where a key's first slot comes from) as well as ones that do not, and 0.
        ulong[] keys = [0xF000_0000_0000_0001UL, 0xF000_0000_0000_0002UL, 0x0000_0000_0000_0003UL, 0];
        var stage = new LinearModel(3, keys.Length);
        for (int i = 0; i < keys.Length; i++)
        {
            stage.Set(keys[i], [(short)i, (short)-i, 7]);
        }
        stage.Set(keys[1], [100, 200, 300]);
        Assert.Equal(keys.Length, stage.Count);
        Assert.Equal(keys.Length, stage.Keys().Length);
        var row = new short[3];
        Assert.True(stage.TryGetWeights(keys[1], row));
        Assert.Equal([100, 200, 300], row);
        Assert.True(stage.TryGetWeights(keys[3], row));
        Assert.Equal([3, -3, 7], row);
        Assert.False(stage.TryGetWeights(0xF000_0000_0000_0004UL, row));
        Assert.Equal([0, 0, 0], row);
        Span<int> scores = stackalloc int[3];
        stage.Score([keys[0], keys[1], 0xF000_0000_0000_0004UL], scores);
        Assert.Equal([100, 200, 307], scores.ToArray());
        var full = new LinearModel(1, 0);
        for (int i = 1; i <= 8; i++)
        {
            full.Set((ulong)i << 60, [1]);
        }
        Assert.Throws<InvalidOperationException>(() => full.Set(9UL << 60, [1]));
    }

    [Fact]
    public void Two_stages_in_one_score_as_each_did_and_come_apart_as_they_were()
    {
        var first = LinearModel.From(2, [11UL, 22UL], [1, 2, 3, 4]);
        var second = LinearModel.From(3, [22UL, 33UL], [5, 6, 7, -8, 0, 9]);
        var both = LinearModel.Concat(first, second);
        Assert.Equal((5, 3), (both.Labels, both.Count));
        Span<int> scores = stackalloc int[5];
        both.Score([11UL, 22UL, 33UL, 44UL], scores);
        Assert.Equal([1 + 3, 2 + 4, 5 - 8, 6, 7 + 9], scores.ToArray());

        foreach (var (part, original) in new[] { (both.Slice(0, 2), first), (both.Slice(2, 3), second) })
        {
            var (keys, weights) = part.Rows();
            var (originalKeys, originalWeights) = original.Rows();
            Assert.Equal(originalKeys, keys); // 33 has no first-stage weights, 11 no second-stage ones: neither comes back
            Assert.Equal(originalWeights, weights);
        }
        Assert.Throws<ArgumentException>(() => LinearModel.Concat(1, [2UL, 1UL], [1, 1], 1, [], []));
    }

    [Fact]
    public void Pruning_drops_small_weights_and_the_rows_they_leave_empty()
    {
        var stage = LinearModel.From(2, [11UL, 22UL, 33UL], [32767, 10, 20, -30, 400, -500]);
        var pruned = StageBuilder.Prune(stage, 0.01);
        Assert.Equal(2, pruned.Count);
        Span<int> scores = stackalloc int[2];
        pruned.Score([11UL, 22UL, 33UL], scores);
        Assert.Equal([32767 + 400, -500], scores.ToArray());
    }

    [Fact]
    public void Cross_validation_scores_every_article_once_and_writes_the_details_of_each_held_out_part()
    {
        var options = new QuoteTrainingOptions { CueEpochs = 2, ContentEpochs = 2, LinkEpochs = 2, SourceEpochs = 2, JackknifeFolds = 2 };
        var details = new StringWriter();
        var report = QuoteCrossValidation.Run(Articles, 2, options,
            quotes => new Pipeline.Extraction.ArticleExtractor(new Pipeline.Entities.EntityExtractor(Pipeline.Entities.Tagging.EntityModels.Recognizer), quotes,
                new Pipeline.Summaries.FeatureSummarizer(), new Pipeline.Summaries.KeyPhraseExtractor()),
            TextWriter.Null, details);
        Assert.Equal(Articles.Length, report.Articles);
        Assert.Equal(2 * Articles.Length, report.All.Gold);
        foreach (var article in Articles)
        {
            Assert.Single(details.ToString().Split('\n'), line => line == $"#### {article.Name}");
        }
    }

    [Fact]
    public void A_learning_curves_training_shares_add_articles_and_draw_the_same_ones_again()
    {
        var many = Enumerable.Range(0, 40).Select(i => Article($"n{i:00}", "Anna Reyes", "We will build the bridge")).ToArray();

        var quarter = QuoteCrossValidation.TrainingSubset(many, 0.25, seed: 1);
        var half = QuoteCrossValidation.TrainingSubset(many, 0.5, seed: 1);

        Assert.Equal(10, quarter.Count);
        Assert.Equal(20, half.Count);
        Assert.Subset(half, quarter);
        Assert.Equal(half, QuoteCrossValidation.TrainingSubset(many.Reverse().ToArray(), 0.5, seed: 1)); // the split's order does not matter
        Assert.NotEqual(half, QuoteCrossValidation.TrainingSubset(many, 0.5, seed: 2));
        Assert.Equal(40, QuoteCrossValidation.TrainingSubset(many, 1, seed: 1).Count);
        Assert.Throws<ArgumentOutOfRangeException>(() => QuoteCrossValidation.TrainingSubset(many, 0, seed: 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => QuoteCrossValidation.TrainingSubset(many, 1.5, seed: 1));
    }

    [Fact]
    public void Cross_validation_on_a_share_of_the_training_articles_still_scores_every_article()
    {
        var options = new QuoteTrainingOptions { CueEpochs = 1, ContentEpochs = 1, LinkEpochs = 1, SourceEpochs = 1, JackknifeFolds = 2 };
        var report = QuoteCrossValidation.Run(Articles, 2, options,
            quotes => new Pipeline.Extraction.ArticleExtractor(new Pipeline.Entities.EntityExtractor(Pipeline.Entities.Tagging.EntityModels.Recognizer), quotes,
                new Pipeline.Summaries.FeatureSummarizer(), new Pipeline.Summaries.KeyPhraseExtractor()),
            TextWriter.Null, trainingShare: 0.75);
        Assert.Equal(Articles.Length, report.Articles);
        Assert.Equal(2 * Articles.Length, report.All.Gold);
    }

    [Fact]
    public void Averaged_stages_hold_the_mean_weight_of_every_feature_any_of_them_has()
    {
        static LinearModel Stage(params (ulong Key, short A, short B)[] rows)
        {
            var weights = new List<short>();
            foreach (var (_, a, b) in rows)
            {
                weights.Add(a);
                weights.Add(b);
            }
            return LinearModel.From(2, [.. rows.Select(r => r.Key)], [.. weights]);
        }
        var first = Stage((11, 100, -100), (22, 7, 0));
        var second = Stage((22, -7, 0), (33, 300, 1));
        var mean = StageBuilder.Average([first, second]);
        Assert.False(mean.TryGetWeights(22, new short[2])); // 7 and −7 cancel: the row is dropped
        Assert.Equal(2, mean.Count);
        Span<int> scores = stackalloc int[2];
        mean.Score([11UL], scores);
        Assert.Equal([50, -50], scores.ToArray());
        mean.Score([33UL], scores);
        Assert.Equal([150, 1], scores.ToArray()); // 0.5 rounds away from zero
        Assert.Same(first, StageBuilder.Average([first]));
    }

    [Fact]
    public void Cue_words_are_the_words_that_begin_cues_often_enough()
    {
        var articles = QuoteTraining.Prepare(Articles).Marked;
        var log = new StringWriter();
        var words = CueTrainer.CueWords(articles, 2, 0.5, marked: false, log, "marked");
        Assert.True(words.TryGet(Pipeline.Entities.Tagging.FeatureHash.LowerChars("said"), out _));
        Assert.False(words.TryGet(Pipeline.Entities.Tagging.FeatureHash.LowerChars("the"), out _));
        Assert.Contains("cue candidates", log.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scoffing", true)]
    [InlineData("scoffs", true)]
    [InlineData("scoffed", true)]
    [InlineData("scarfed", false)]
    public void With_stems_a_form_training_never_saw_may_begin_a_cue_when_another_form_did(string form, bool candidate)
    {
        // "scoffed" begins every training cue; no cue lexicon lists it.
        var training = QuoteTraining.Prepare(Articles.Select(a =>
        {
            string text = a.Text.Replace(" said on Monday", " scoffed on Monday", StringComparison.Ordinal);
            var cue = a.Attributions[0].Cue[0];
            return a with { Text = text, Attributions = [a.Attributions[0] with { Cue = [new TextSpan(cue.Start, cue.Start + "scoffed".Length)] }] };
        }).ToList()).Marked;
        var probe = QuoteTraining.Prepare([new PolnearArticle("probe", $"Town news\n\nThe mayor {form} at the plan.\n", [])]).Marked[0].Text;
        int t = Enumerable.Range(0, probe.Count).Single(i => probe.Word(i).SequenceEqual(form));

        var withStems = CueTrainer.CueWords(training, 2, 0.5, marked: true, TextWriter.Null, "marked");
        var withoutStems = CueTrainer.CueWords(training, 2, 0.5, marked: false, TextWriter.Null, "stripped");

        Assert.Equal(candidate, CueFeatures.MayBegin(probe, withStems, t));
        Assert.Equal(form == "scoffed", CueFeatures.MayBegin(probe, withoutStems, t));
    }

    [Fact]
    public void In_text_with_marks_a_listed_verb_of_stance_may_begin_a_cue_though_it_never_began_one_in_training()
    {
        var training = QuoteTraining.Prepare([.. Articles, new PolnearArticle("e", "Town news\n\nThe mayor believes the bridge will stand.\n", [])]).Marked;
        var x = training[^1].Text;
        int t = Enumerable.Range(0, x.Count).Single(i => x.Word(i).SequenceEqual("believes"));

        Assert.True(CueFeatures.MayBegin(x, CueTrainer.CueWords(training, 2, 0.5, marked: true, TextWriter.Null, "marked"), t));
        Assert.False(CueFeatures.MayBegin(x, CueTrainer.CueWords(training, 2, 0.5, marked: false, TextWriter.Null, "stripped"), t));
    }

    [Theory]
    [InlineData("endorsed", "endors")]
    [InlineData("endorses", "endors")]
    [InlineData("endorsing", "endors")]
    [InlineData("endorse", "endors")]
    [InlineData("says", "say")]
    [InlineData("Said", "Said")]
    [InlineData("has", "has")]
    [InlineData("class", "class")]
    public void A_stem_is_the_word_without_its_inflection(string word, string stem) =>
        Assert.Equal(stem, word[..VerbInflections.StemLength(word)]);
}

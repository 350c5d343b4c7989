using Pipeline.Evaluation.Entities.Training;
using Pipeline.Entities.Tagging;

namespace Pipeline.Tests.Entities.Tagging;

/// <summary>Cross-validation on the synthetic corpus of <see cref="TinyModel"/>: every held-out block is scored once.</summary>
public sealed class CrossValidationTests(TinyModel tiny) : IClassFixture<TinyModel>
{
    private NerTrainingOptions Options => new()
    {
        DataDirectory = tiny.Directory,
        UnlabelledDirectory = tiny.Directory,
        MaxEpochs = 3,
        Patience = 1,
        Folds = 2,
        Replicas = 1,
        UseClusters = false,
    };

    [Fact]
    public void Each_fold_scores_its_own_block_and_the_pool_covers_the_whole_training_file()
    {
        var result = NerCrossValidation.Run(Options, folds: 4, onlyFold: null, TextWriter.Null);

        Assert.Equal(4, result.PerFold.Count);
        Assert.All(result.PerFold, fold => Assert.True(fold.Scores.F1() > 0.9, fold.Scores.Format()));
        var training = ConllReader.ReadFile(Path.Combine(tiny.Directory, "eng.train"));
        Assert.Equal(training.Sum(d => d.TokenCount), result.Pooled.Tokens);
        Assert.Contains("| mean of 4 |", result.Format());
    }

    [Fact]
    public void One_fold_can_run_alone()
    {
        var result = NerCrossValidation.Run(Options, folds: 4, onlyFold: 2, TextWriter.Null);

        Assert.Equal(2, Assert.Single(result.PerFold).Fold);
        Assert.Equal(result.PerFold[0].Scores.Tokens, result.Pooled.Tokens);
    }

    [Theory]
    [InlineData(1, null)]
    [InlineData(4, 4)]
    [InlineData(4, -1)]
    public void Impossible_fold_settings_are_refused(int folds, int? onlyFold) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => NerCrossValidation.Run(Options, folds, onlyFold, TextWriter.Null));
}

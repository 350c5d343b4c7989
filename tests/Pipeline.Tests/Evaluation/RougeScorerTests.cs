using Pipeline.Evaluation.Summaries;
using Pipeline.Text;

namespace Pipeline.Tests.Evaluation;

public sealed class RougeScorerTests
{
    [Theory]
    [InlineData("caresses", "caress")]
    [InlineData("ponies", "poni")]
    [InlineData("ties", "tie")]
    [InlineData("cats", "cat")]
    [InlineData("feed", "feed")]
    [InlineData("agreed", "agre")]
    [InlineData("plastered", "plaster")]
    [InlineData("motoring", "motor")]
    [InlineData("conflated", "conflat")]
    [InlineData("hopping", "hop")]
    [InlineData("falling", "fall")]
    [InlineData("filing", "file")]
    [InlineData("happy", "happi")]
    [InlineData("relational", "relat")]
    [InlineData("conditional", "condit")]
    [InlineData("rational", "ration")]
    [InlineData("generously", "gener")]
    [InlineData("dying", "die")]
    [InlineData("news", "news")]
    [InlineData("geology", "geolog")]
    [InlineData("controll", "control")]
    [InlineData("electrical", "electr")]
    [InlineData("adjustment", "adjust")]
    [InlineData("adoption", "adopt")]
    public void Porter_stems_as_nltk_does(string word, string stem) => Assert.Equal(stem, PorterStemmer.Default.Stem(word));

    [Fact]
    public void A_long_run_of_y_does_not_overflow() => Assert.NotNull(PorterStemmer.Default.Stem(new string('y', 100_000)));

    // Expected values computed with rouge-score's algorithm (use_stemmer=True).
    [Fact]
    public void Scores_match_rouge_score()
    {
        var s = new RougeScorer().Score("The quick brown fox jumps over the lazy dog", "The quick brown dog jumps on the log.");
        Assert.Equal(0.7058823529411765, s.Rouge1.F1, 12);
        Assert.Equal(0.26666666666666666, s.Rouge2.F1, 12);
        Assert.Equal(0.5882352941176471, s.RougeLsum.F1, 12);
    }

    [Fact]
    public void Rouge_lsum_takes_the_union_lcs_over_lines()
    {
        var s = new RougeScorer().Score("police killed the gunman\nthe gunman was armed", "the gunman was killed by police\nhe was armed");
        Assert.Equal(0.7058823529411765, s.Rouge1.F1, 12);
        Assert.Equal(0.39999999999999997, s.Rouge2.F1, 12);
        Assert.Equal(0.47058823529411764, s.RougeLsum.F1, 12);
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("", "something")]
    [InlineData("something", "")]
    [InlineData("!!! ???", "... ,,,")]
    public void Empty_sides_score_zero(string reference, string prediction)
    {
        var s = new RougeScorer().Score(reference, prediction);
        Assert.Equal(0, s.Rouge1.F1);
        Assert.Equal(0, s.RougeLsum.F1);
    }

    [Fact]
    public void Tokenized_and_raw_text_score_the_same()
    {
        var scorer = new RougeScorer();
        var raw = scorer.Score("Biden's call (on Monday) went well.", "Biden's call went well, he said.");
        var tokenized = scorer.Score("biden 's call -lrb- on monday -rrb- went well .", "biden 's call went well , he said .");
        Assert.Equal(raw.Rouge1.F1, scorer.Score("Biden's call on Monday went well.", "Biden's call went well, he said.").Rouge1.F1, 12);
        Assert.True(tokenized.Rouge1.F1 < raw.Rouge1.F1, "-lrb- counts as a token, as in rouge-score");
    }
}

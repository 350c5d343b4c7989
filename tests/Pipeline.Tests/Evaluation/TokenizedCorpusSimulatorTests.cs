using Pipeline.Evaluation.Summaries;

namespace Pipeline.Tests.Evaluation;

public sealed class TokenizedCorpusSimulatorTests
{
    [Theory]
    [InlineData("(CNN)Share, and your gift will be multiplied.", "-lrb- cnn -rrb- share , and your gift will be multiplied .")]
    [InlineData("\"We won,\" he said on Sunday's show.", "`` we won , '' he said on sunday 's show .")]
    [InlineData("It doesn't matter in the U.S.", "it does n't matter in the u.s. .")]
    [InlineData("Mr. Smith paid $3.50 at 10:30 -- cheap.", "mr. smith paid $3.50 at 10:30 -- cheap .")]
    public void Converts_like_the_treebank_tokenized_test_samples(string raw, string expected) =>
        Assert.Equal(expected, TokenizedCorpusSimulator.Convert(raw));
}

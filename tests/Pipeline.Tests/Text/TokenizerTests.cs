using Pipeline.Text;

namespace Pipeline.Tests.Text;

public sealed class TokenizerTests
{
    private static string[] Words(string text) => Tokenizer.Tokenize(text).Select(t => text.Substring(t.Start, t.Length)).ToArray();

    [Theory]
    [InlineData("Biden's call", new[] { "Biden", "'s", "call" })]
    [InlineData("Schumers' speech", new[] { "Schumers", "'", "speech" })]
    [InlineData("the U.S. and Mr. Smith", new[] { "the", "U.S.", "and", "Mr.", "Smith" })]
    [InlineData("1,000 people paid $3.50 at 10:30", new[] { "1,000", "people", "paid", "$", "3.50", "at", "10:30" })]
    [InlineData("a high-level Biden-Netanyahu call", new[] { "a", "high-level", "Biden-Netanyahu", "call" })]
    [InlineData("He said: \"No.\"", new[] { "He", "said", ":", "\"", "No", ".", "\"" })]
    [InlineData("rock 'n' roll in the '90s", new[] { "rock", "'", "n", "'", "roll", "in", "the", "'90s" })]
    [InlineData("see https://cnn.com/x, then", new[] { "see", "https://cnn.com/x", ",", "then" })]
    [InlineData("Wait... what?!", new[] { "Wait", "...", "what", "?!" })]
    [InlineData("AT&T and S&P rose", new[] { "AT&T", "and", "S&P", "rose" })]
    public void Splits_like_news_corpora(string text, string[] expected) => Assert.Equal(expected, Words(text));

    [Theory]
    [InlineData("")]
    [InlineData("\0\0\0")]
    [InlineData("😀😀 مرحبا بالعالم 😀")]
    [InlineData("'''''\"\"\"\"")]
    [InlineData("\ud800 lone surrogate")]
    public void Any_input_gives_tokens_inside_the_text(string text)
    {
        foreach (var token in Tokenizer.Tokenize(text))
        {
            Assert.InRange(token.Start, 0, text.Length);
            Assert.InRange(token.End, token.Start + 1, text.Length);
        }
    }

    [Theory]
    [InlineData("-lrb- cnn -rrb- --", new[] { "-lrb-", "cnn", "-rrb-", "--" })]
    [InlineData("-LRB- CNN -RRB-", new[] { "-LRB-", "CNN", "-RRB-" })]
    [InlineData("sunday 's game", new[] { "sunday", "'s", "game" })]
    [InlineData("they 're here", new[] { "they", "'re", "here" })]
    [InlineData("took painkillers.This helped", new[] { "took", "painkillers", ".", "This", "helped" })]
    [InlineData("visit cnn.com or the U.S. site", new[] { "visit", "cnn.com", "or", "the", "U.S.", "site" })]
    [InlineData("`` we won , '' he said", new[] { "``", "we", "won", ",", "''", "he", "said" })]
    public void Splits_tokenized_corpora_like_their_raw_text(string text, string[] expected) => Assert.Equal(expected, Words(text));
}

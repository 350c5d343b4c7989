using Pipeline.Text;

namespace Pipeline.Tests.Text;

public sealed class SentenceSplitterTests
{
    private static string[] Sentences(string text)
    {
        var document = TextDocument.Analyze(text);
        return document.Sentences.Select(s => text[s.Start..s.End]).ToArray();
    }

    [Fact]
    public void Abbreviations_initials_and_decimals_do_not_end_sentences()
    {
        var sentences = Sentences("Mr. Smith met Sen. Jones in Washington on Sept. 5 at 3.5 p.m. local time. Harry S. Truman was mentioned. The talks ended.");
        Assert.Equal(3, sentences.Length);
        Assert.StartsWith("Harry S. Truman", sentences[1]);
    }

    [Fact]
    public void A_quote_closing_with_said_stays_one_sentence()
    {
        var sentences = Sentences("\"We will win,\" he said. \"It is certain.\" The crowd cheered.");
        Assert.Equal(["\"We will win,\" he said.", "\"It is certain.\"", "The crowd cheered."], sentences);
    }

    [Fact]
    public void An_abbreviation_ends_a_sentence_only_before_a_sentence_opener()
    {
        Assert.Equal(2, Sentences("Troops arrived in the U.S. The talks resumed.").Length);
        Assert.Single(Sentences("He met the U.S. Senate leaders yesterday."));
    }

    [Fact]
    public void Ellipsis_before_lower_case_continues_the_sentence() =>
        Assert.Single(Sentences("He paused... and then he spoke."));

    [Fact]
    public void Lower_cased_tokenized_text_is_still_split()
    {
        var text = string.Join(" ", Enumerable.Repeat("the minister said on sunday 's programme that talks would continue . officials agreed .", 3));
        Assert.Equal(6, Sentences(text).Length);
    }

    [Fact]
    public void A_sentence_without_an_end_is_cut_into_bounded_pieces()
    {
        var text = string.Join(" ", Enumerable.Repeat("word", 5_000));
        var document = TextDocument.Analyze(text);
        Assert.All(document.Sentences, s => Assert.True(s.TokenCount <= SentenceSplitter.MaxSentenceTokens * 2));
        Assert.Equal(5_000, document.Sentences.Sum(s => s.TokenCount));
    }
}

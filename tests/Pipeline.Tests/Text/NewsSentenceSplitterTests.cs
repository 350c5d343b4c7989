using Pipeline.Text;

namespace Pipeline.Tests.Text;

/// <summary>Sentence splitting on the cases news text throws at it, raw and as tokenized, lower-cased corpora.</summary>
public sealed class NewsSentenceSplitterTests
{
    private static (string[] Sentences, int Header) Split(string text)
    {
        var document = TextDocument.Analyze(text);
        return (document.Sentences.Select(s => text[s.Start..s.End]).ToArray(), document.HeaderSentences);
    }

    private static string[] Body(string text)
    {
        var (sentences, header) = Split(text);
        return sentences[header..];
    }

    [Theory]
    [InlineData("He is ranked No. 2 in the world. He lost on Sunday.", 2)]
    [InlineData("J.K. Rowling wrote it. Then she left.", 2)]
    [InlineData("Shares rose 3.5 percent to $1,234.56 on Friday. Bonds fell.", 2)]
    [InlineData("Gen. David Petraeus and Lt. Col. Smith met Dr. Jones at 10 a.m. today. They talked.", 2)]
    [InlineData("The vote is set for Sept. 15 in St. Louis. Officials agreed.", 2)]
    [InlineData("He waited... Nobody came.", 2)]
    [InlineData("He paused... and then he spoke.", 1)]
    [InlineData("Is it over? Nobody knows! The end.", 3)]
    public void Abbreviations_initials_decimals_and_ellipses(string text, int expected) => Assert.Equal(expected, Body(text).Length);

    [Fact]
    public void A_quote_ending_with_an_attribution_is_never_a_fragment()
    {
        var sentences = Body("\"It is over. We lost,\" he said. \"We will be back.\" The crowd left.");
        Assert.Equal(["\"It is over.", "We lost,\" he said.", "\"We will be back.\"", "The crowd left."], sentences);
        Assert.DoesNotContain(sentences, s => s.StartsWith(',') || s.StartsWith("he said"));
    }

    [Theory]
    [InlineData("WASHINGTON (CNN) -- The president spoke on Monday. He left.", "WASHINGTON (CNN) --", "The president spoke on Monday.")]
    [InlineData("(CNN)Share, and your gift will be multiplied. That may sound odd.", "(CNN)", "Share, and your gift will be multiplied.")]
    [InlineData("New Delhi, India (CNN)A mob stormed a prison. Police fled.", "New Delhi, India (CNN)", "A mob stormed a prison.")]
    [InlineData("-lrb- cnn -rrb- -- the president spoke on monday . he left .", "-lrb- cnn -rrb- --", "the president spoke on monday .")]
    [InlineData("london ( reuters ) - shares fell on monday . traders sold .", "london ( reuters ) -", "shares fell on monday .")]
    public void A_dateline_is_a_header_apart_from_the_first_sentence(string text, string dateline, string first)
    {
        var (sentences, header) = Split(text);
        Assert.Equal(1, header);
        Assert.Equal(dateline, sentences[0]);
        Assert.Equal(first, sentences[1]);
    }

    [Theory]
    [InlineData("Apple (AAPL) shares rose 5% on Monday. Analysts cheered.")]
    [InlineData("The senator (a Democrat) -- who spoke first -- left. Others stayed.")]
    [InlineData("By Tuesday, the storm had passed. Crews cleaned up.")]
    [InlineData("by tuesday , the storm had passed . crews cleaned up .")]
    [InlineData("Updated guidelines were released on Friday. Doctors welcomed them.")]
    public void Text_that_only_looks_like_a_header_stays_body(string text) => Assert.Equal(0, Split(text).Header);

    [Theory]
    [InlineData("By . Daily Mail Reporter . PUBLISHED: . 12:01 EST, 3 May 2014 . | . UPDATED: . 12:01 EST, 3 May 2014 . A man was arrested after a chase. Police said he was armed.",
        "A man was arrested after a chase.")]
    [InlineData("by . daily mail reporter . published : . 12:01 est , 3 may 2014 . | . updated : . 12:01 est , 3 may 2014 . a man was arrested after a chase . police said he was armed .",
        "a man was arrested after a chase .")]
    [InlineData("By . Sam Webb and Tom Kelly for MailOnline . Last updated at 5:26 PM on 12th October 2011 . The body was found on Monday. Police are investigating.",
        "The body was found on Monday.")]
    [InlineData("PUBLISHED: . 10:22 EST, 4 June 2013 . | . UPDATED: . 10:22 EST, 4 June 2013 . The bishop resigned. He apologized.",
        "The bishop resigned.")]
    [InlineData("By John Smith, CNN\nThe bishop resigned on Friday. He apologized.", "The bishop resigned on Friday.")]
    public void A_byline_block_is_one_header_sentence(string text, string first)
    {
        var (sentences, header) = Split(text);
        Assert.Equal(1, header);
        Assert.Equal(first, sentences[1]);
    }

    [Fact]
    public void Lines_without_final_punctuation_end_at_the_line() =>
        Assert.Equal(["Breaking news", "The storm hit the coast.", "Thousands fled."], Body("Breaking news\nThe storm hit the coast. Thousands fled."));

    [Fact]
    public void Tokenized_text_with_treebank_quotes_splits_like_raw_text() =>
        Assert.Equal(["`` We will win , '' he said .", "`` It is certain . ''", "The crowd cheered ."],
            Body("`` We will win , '' he said . `` It is certain . '' The crowd cheered ."));

    [Fact]
    public void Tokenized_lower_cased_text_keeps_abbreviations_inside_sentences() =>
        Assert.Equal(["mr. smith met gov. jones in the u.s. on sept. 5 .", "they talked about no. 2 ."],
            Body("mr. smith met gov. jones in the u.s. on sept. 5 . they talked about no. 2 ."));

    [Fact]
    public void Tokenized_single_quotes_close_the_sentence_they_end() =>
        Assert.Equal(["' it was awful , ' she said .", "' we were so scared . '", "the police arrived ."],
            Body("' it was awful , ' she said . ' we were so scared . ' the police arrived ."));

    [Fact]
    public void A_possessive_apostrophe_is_not_a_quote() =>
        Assert.Equal(["the players ' union said no .", "it was over ."], Body("the players ' union said no . it was over ."));

    [Fact]
    public void A_hashtag_after_a_question_mark_stays_in_the_quote() =>
        Assert.Single(Body("' did you miss the coach ? # rubberdub , ' merson put on twitter ."));

    [Fact]
    public void A_sentence_end_without_a_space_is_still_an_end() =>
        Assert.Equal(["He took painkillers.", "This helped."], Body("He took painkillers.This helped."));

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    [InlineData(". . . , , '' `` -- | .")]
    [InlineData("By . | . PUBLISHED: .")]
    [InlineData("(CNN)")]
    [InlineData("-lrb- -rrb- -lrb-")]
    [InlineData("\"\"\"''''' ` ` ' ' ' !!! ??? ... …")]
    public void Every_token_is_in_exactly_one_sentence(string text)
    {
        var document = TextDocument.Analyze(text);
        int next = 0;
        foreach (var s in document.Sentences)
        {
            Assert.Equal(next, s.FirstToken);
            Assert.True(s.TokenCount > 0);
            next = s.EndToken;
        }
        Assert.Equal(document.Tokens.Length, next);
        Assert.InRange(document.HeaderSentences, 0, document.Sentences.Length);
    }
}

using Pipeline.Articles;
using Pipeline.Entities;
using Pipeline.Quotes;
using Pipeline.Tests.Infrastructure;
using Pipeline.Text;

namespace Pipeline.Tests.Quotes;

/// <summary>Text that lost its paragraph breaks is read by the quote model in paragraphs of news size.</summary>
public sealed class NewsParagraphsTests
{
    private static string Sentences(int count, int from = 1) =>
        string.Join(" ", Enumerable.Range(from, count).Select(i => $"The council met for the {i}th time on Friday."));

    /// <summary>The model for text with marks has no break stage: it breaks before every sentence outside a quotation.</summary>
    private static readonly LinearModel EveryBreak = new(1, 0);

    private static TextDocument Split(TextDocument document, LinearModel breaks)
    {
        var x = new AttributionText();
        x.Load(document, EntityExtraction.Empty, QuotationMarks.Find(document));
        return NewsParagraphs.Split(x, breaks, new FeatureKeys());
    }

    [Fact]
    public void A_document_of_news_sized_paragraphs_is_read_as_it_is()
    {
        var document = TextDocument.Analyze(Sentences(NewsParagraphs.MaxSentences) + "\n" + Sentences(3));
        Assert.Same(document, Split(document, EveryBreak));
        Assert.Same(document, Split(document, QuoteModels.Model.Stripped.Breaks));
    }

    [Fact]
    public void A_paragraph_of_more_sentences_than_news_holds_is_split_before_each_sentence_without_a_break_stage()
    {
        var document = TextDocument.Analyze("Town news\n" + Sentences(NewsParagraphs.MaxSentences + 3));
        var split = Split(document, EveryBreak);

        Assert.Same(document.Tokens, split.Tokens);
        Assert.Equal(document.Sentences.Length, split.Sentences.Length);
        Assert.Equal(1 + NewsParagraphs.MaxSentences + 3, split.Paragraphs.Length);
        Assert.Equal(document.Paragraphs[0], split.Paragraphs[0]);
        for (int s = 0; s < split.Sentences.Length; s++)
        {
            var sentence = split.Sentences[s];
            Assert.Equal(s, sentence.Paragraph);
            Assert.Equal(sentence.FirstToken, split.ParagraphTokenStarts[s]);
            Assert.Equal(document.Sentences[s] with { Paragraph = s }, sentence);
        }
        Assert.Equal(document.Paragraphs[^1].End, split.Paragraphs[^1].End);
    }

    [Fact]
    public void A_quotation_that_runs_across_sentences_stays_in_one_paragraph()
    {
        string text = Sentences(7) + " \"We will win. We always do. Nobody doubts it,\" the mayor said. " + Sentences(7, 8);
        var split = Split(TextDocument.Analyze(text), EveryBreak);

        var quoted = split.Sentences.Where(s => text[s.Start..s.End].Contains("We will win") || text[s.Start..s.End].Contains("We always do")
                                                || text[s.Start..s.End].Contains("Nobody doubts")).ToList();
        Assert.Equal(3, quoted.Count);
        Assert.Single(quoted.Select(s => s.Paragraph).Distinct());
        Assert.Equal(split.Sentences.Length - 2, split.Paragraphs.Length);
    }

    /// <remarks>
    /// The learned break stage of the model for text without marks keeps a trailing attribution's sentences together
    /// (<c>A. And B, X said.</c>) and puts breaks between the narration's sentences.
    /// </remarks>
    [Fact]
    public void Without_marks_the_learned_breaks_keep_an_attribution_with_the_sentences_it_closes()
    {
        string quoted = "The bridge is not safe and we cannot wait for another winter. And the council has known it for years, Anna Reyes said.";
        string text = Sentences(6) + " " + quoted + " " + Sentences(7, 7);
        var split = Split(TextDocument.Analyze(text), QuoteModels.Model.Stripped.Breaks);

        var sentences = split.Sentences.Where(s => quoted.Contains(text[s.Start..s.End], StringComparison.Ordinal)).ToList();
        Assert.Equal(2, sentences.Count);
        Assert.Equal(sentences[0].Paragraph, sentences[1].Paragraph);
        Assert.InRange(split.Paragraphs.Length, 3, split.Sentences.Length - 1);
    }

    /// <remarks>
    /// Read as one paragraph, an article's quotations became one quote: the first ran on past its closing mark through
    /// the narration and the quotations after it.
    /// </remarks>
    [Fact]
    public void Quotations_of_an_article_without_breaks_stay_apart_and_keep_its_one_paragraph()
    {
        string body = string.Join(" ",
            "King Abdullah spoke to reporters in Amman on Sunday about the attack.",
            "\"If you look at our history, we are a country that is used to being outnumbered. We have always punched above our weight.\"",
            "The killing of the pilot \"just made people rally around the flag,\" he said.",
            "The militants released a video of the killing last week. The government responded with air strikes.",
            "\"They are trying to scare people. They will fail,\" Abdullah told CNN.",
            "The country hosts more than a million refugees. Many of them live in camps near the border. Aid groups say the camps are full.",
            "The United Nations has asked for more money. Donors have pledged less than half of what is needed.",
            "The king will travel to Washington next week.");
        var quotes = Seed.Extractor.Extract(ArticleParser.Parse("king", "king.txt", "The king speaks\n\n" + body + "\n")).Quotes;

        var rally = Assert.Single(quotes, q => q.Text.Contains("rally around the flag", StringComparison.Ordinal));
        var scare = Assert.Single(quotes, q => q.Text.Contains("They are trying to scare people", StringComparison.Ordinal));
        Assert.NotSame(rally, scare);
        Assert.StartsWith("They are trying to scare people", scare.Text);
        Assert.Equal("Abdullah", scare.Speaker);
        Assert.DoesNotContain(quotes, q => q.Text.Contains("air strikes", StringComparison.Ordinal));
        Assert.All(quotes, q => Assert.Equal(0, q.Paragraph));
    }
}

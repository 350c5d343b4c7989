using Pipeline.Articles;
using Pipeline.Evaluation.Summaries;
using Pipeline.Summaries;
using Pipeline.Text;

namespace Pipeline.Tests.Summaries;

public sealed class FeatureSummarizerTests
{
    private static readonly ArticleMetadata NoTitle = new("", null, null, null, null);

    private const string Story =
        "WASHINGTON (CNN) -- The Senate passed a sweeping climate bill on Tuesday after months of talks between the parties. " +
        "The bill sets aside $300 billion for clean energy projects and tax credits for electric cars. " +
        "\"This is a historic day for our country,\" the majority leader said. " +
        ", he said. " +
        "Critics said the climate bill would raise energy prices for families across the country. " +
        "The House is expected to vote on the bill next week, and the president has promised to sign it. " +
        "Scroll down for video. " +
        "Energy companies have spent millions lobbying against the clean energy measures in the bill. " +
        "CNN's Jane Doe contributed to this report.";

    private static List<SummarySentence> Summarize(string text, int count = 3, ISummarizer? summarizer = null)
    {
        var document = TextDocument.Analyze(text);
        return Summary.Take((summarizer ?? new FeatureSummarizer()).Rank(document, NoTitle, Summary.MaxSentences), count, s => s.Index);
    }

    [Fact]
    public void Ranks_best_first_and_take_gives_document_order()
    {
        var document = TextDocument.Analyze(Story);
        var ranked = new FeatureSummarizer().Rank(document, NoTitle, Summary.MaxSentences);
        Assert.True(ranked.Count >= 3);
        for (int i = 0; i < ranked.Count; i++)
        {
            Assert.Equal(i, ranked[i].Rank);
            Assert.Equal(ranked[i].Text, Story[ranked[i].Span.Start..ranked[i].Span.End]);
            if (i > 0)
            {
                Assert.True(ranked[i - 1].Score >= ranked[i].Score);
            }
        }
        var taken = Summary.Take(ranked, 3, s => s.Index);
        Assert.True(taken[0].Index < taken[1].Index && taken[1].Index < taken[2].Index);
    }

    [Fact]
    public void Never_returns_a_dateline_fragment_furniture_or_credit()
    {
        var document = TextDocument.Analyze(Story);
        var ranked = new FeatureSummarizer().Rank(document, NoTitle, Summary.MaxSentences);
        Assert.All(ranked, s =>
        {
            Assert.True(s.Index >= document.HeaderSentences);
            Assert.DoesNotContain("(CNN)", s.Text);
            Assert.False(s.Text.StartsWith(','), s.Text);
            Assert.DoesNotContain("Scroll down", s.Text);
            Assert.DoesNotContain("contributed to this report", s.Text);
        });
        Assert.StartsWith("The Senate passed", Summarize(Story)[0].Text);
    }

    [Fact]
    public void Tokenized_lower_cased_copy_gets_the_same_sentences()
    {
        var raw = Summarize(Story);
        var tokenized = Summarize(TokenizedCorpusSimulator.Convert(Story));
        Assert.Equal(raw.Select(s => s.Index), tokenized.Select(s => s.Index));
    }

    [Fact]
    public void A_dailymail_byline_is_skipped()
    {
        var text = "By . Daily Mail Reporter . PUBLISHED: . 12:01 EST, 3 May 2014 . | . UPDATED: . 12:01 EST, 3 May 2014 . " + Story[20..];
        var summary = Summarize(text);
        Assert.DoesNotContain(summary, s => s.Text.Contains("PUBLISHED") || s.Text.Contains("Daily Mail Reporter"));
        Assert.Equal(3, summary.Count);
    }

    [Theory]
    [InlineData("", 0)]
    [InlineData("   ", 0)]
    [InlineData("(CNN)", 0)]
    [InlineData("One sentence only, and it is a fairly long one.", 1)]
    [InlineData("no punctuation at all just words and more words", 1)]
    [InlineData(", he said.", 0)]
    [InlineData("Short. Tiny. Small.", 0)]
    public void Small_or_odd_articles_give_a_sensible_result(string text, int expected) =>
        Assert.Equal(expected, Summarize(text).Count);

    [Fact]
    public void Ten_thousand_sentences_are_summarized()
    {
        var text = string.Join(" ", Enumerable.Range(0, 10_000).Select(i =>
            $"Report a{i % 101} b{i % 103} c{i % 107} d{i % 109} e{i % 113} f{i % 127}."));
        var summary = Summarize(text);
        Assert.Equal(3, summary.Count);
    }

    [Fact]
    public void A_huge_sentence_without_punctuation_is_handled() =>
        Assert.InRange(Summarize(string.Join(" ", Enumerable.Repeat("word another thing", 20_000))).Count, 1, 3);

    [Fact]
    public void Lead_baseline_takes_the_first_body_sentences()
    {
        var lead = Summarize(Story, 3, new LeadSummarizer());
        Assert.StartsWith("The Senate passed", lead[0].Text);
        Assert.StartsWith("The bill sets aside", lead[1].Text);
    }

    [Fact]
    public void The_shipped_model_is_trained_not_the_fallback() =>
        Assert.DoesNotContain("hand-set", SentenceScorerModel.Default.Description, StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void A_model_file_round_trips()
    {
        var model = SentenceScorerModel.Default;
        var writer = new StringWriter();
        model.Save(writer);
        var again = SentenceScorerModel.Load(new StringReader(writer.ToString()));
        Assert.Equal(model.Bias, again.Bias);
        Assert.Equal(model.Redundancy, again.Redundancy);
        Assert.Throws<FormatException>(() => SentenceScorerModel.Load(new StringReader("no_such_feature 1")));
    }
}

using System.Text.Json;
using Pipeline.Evaluation.Quotes;
using Pipeline.Evaluation.Quotes.Training;
using Pipeline.Quotes;

namespace Pipeline.Tests.Quotes;

/// <summary>
/// Unlabelled news as training for the model for text without marks (<c>train quotes --unlabelled</c>): which articles
/// are read, which of their paragraphs are kept, what the model for text with marks labels in them, and that training
/// with them stays deterministic.
/// </summary>
public sealed class UnlabelledNewsTests : IDisposable
{
    private const string Quoted = "“We will build the bridge. It will open next year,” Anna Reyes said on Monday. " +
                                  "The vote is in May. Paul Grant said the plan was too expensive. “It costs too much,” he said.";

    private readonly string folder = Directory.CreateTempSubdirectory("unlabelled-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Jsonl(params string[] articles)
    {
        string path = Path.Combine(folder, "news.jsonl");
        File.WriteAllLines(path, articles.Select((a, i) => JsonSerializer.Serialize(new { id = $"n{i}", article = a, highlights = "" })));
        return path;
    }

    [Fact]
    public void Only_articles_with_double_quotation_marks_are_read()
    {
        Assert.Equal([Quoted], UnlabelledNews.Read(Jsonl("Paul Grant said the plan was too expensive. The vote is in May.", Quoted, "   ")));

        File.WriteAllText(Path.Combine(folder, "a.txt"), "Town news\n\n“We will build it,” Anna Reyes said.\n");
        File.WriteAllText(Path.Combine(folder, "b.txt"), "Town news\n\nNobody said anything.\n");
        Assert.Equal(["Town news\n\n“We will build it,” Anna Reyes said.\n"], UnlabelledNews.Read(folder));

        string jsonl = Jsonl(Quoted);
        Assert.Equal([Quoted, "Town news\n\n“We will build it,” Anna Reyes said.\n"], UnlabelledNews.Read(jsonl, folder));
    }

    [Fact]
    public void A_missing_path_is_refused_with_what_to_give()
    {
        var error = Assert.Throws<FileNotFoundException>(() => UnlabelledNews.Read(Path.Combine(folder, "nothing.jsonl")));
        Assert.Contains("a folder of .txt articles or a CoNLL-2003 file", error.Message);
    }

    [Fact]
    public void The_model_for_text_with_marks_labels_the_quotation_its_cue_and_its_source()
    {
        var article = Assert.Single(UnlabelledNews.Label([Quoted], QuoteModels.Model.Marked, QuoteModels.Model.Stripped.Breaks));

        // A paragraph of news size stays whole, under a title line.
        Assert.Equal("Article\n\n" + Quoted + "\n", article.Text);
        // Spans as the model learned them from PolNeAR: a content opens with its mark and stops before the comma.
        Assert.Equal(
            [("“We will build the bridge. It will open next year", "said", "Anna Reyes"), ("the plan was too expensive", "said", "Paul Grant"), ("“It costs too much", "said", "he")],
            article.Attributions.Select(a => Parts(article.Text, a)));
    }

    [Fact]
    public void Text_without_breaks_is_read_in_paragraphs_where_the_break_stage_puts_them_and_those_without_marks_are_left_out()
    {
        // An empty break stage breaks a long paragraph before every sentence outside a quotation (NewsParagraphs).
        var breakEverySentence = StageBuilder.Empty(1);
        string narration = string.Concat(Enumerable.Range(1, 14).Select(i => $"The council met for the {i}th time this year. "));
        string text = narration + "“We will build the bridge. It will open next year,” Anna Reyes said on Monday. " + narration;

        var article = Assert.Single(UnlabelledNews.Label([text], QuoteModels.Model.Marked, breakEverySentence));

        Assert.Equal("Article\n\n“We will build the bridge. It will open next year,” Anna Reyes said on Monday.\n", article.Text);
        Assert.Contains(article.Attributions, a => Parts(article.Text, a) == ("“We will build the bridge. It will open next year", "said", "Anna Reyes"));
        Assert.Empty(UnlabelledNews.Label([narration], QuoteModels.Model.Marked, breakEverySentence));
    }

    private static (string Content, string Cue, string Source) Parts(string text, GoldAttribution a) =>
        (Slice(text, Assert.Single(a.Content)), Slice(text, Assert.Single(a.Cue)), Slice(text, Assert.Single(a.Source)));

    [Fact]
    public void Training_with_unlabelled_news_is_deterministic_and_says_so_in_the_model()
    {
        var texts = UnlabelledNews.Read(Jsonl(Quoted, Quoted.Replace("Anna Reyes", "Maria Lopez", StringComparison.Ordinal)));
        var options = new QuoteTrainingOptions { CueEpochs = 2, ContentEpochs = 2, LinkEpochs = 2, SourceEpochs = 2, Unlabelled = texts };

        var first = QuoteTraining.Train(QuoteModelTrainingTests.Articles, options, TextWriter.Null);
        var second = QuoteTraining.Train(QuoteModelTrainingTests.Articles, options, TextWriter.Null);
        var without = QuoteTraining.Train(QuoteModelTrainingTests.Articles, options with { Unlabelled = [] }, TextWriter.Null);

        Assert.Equal(QuoteModelTrainingTests.Bytes(first), QuoteModelTrainingTests.Bytes(second));
        Assert.NotEqual(QuoteModelTrainingTests.Bytes(without), QuoteModelTrainingTests.Bytes(first));
        Assert.StartsWith("2 articles", first.Metadata["unlabelled"]);
        Assert.False(without.Metadata.ContainsKey("unlabelled"));
    }

    private static string Slice(string text, Pipeline.Text.TextSpan span) => text[span.Start..span.End];
}

using Pipeline.Evaluation.Quotes;
using Pipeline.Quotes;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Evaluation;

/// <summary>Annotators scored against the first annotator, on a made-up split folder in PolNeAR's layout.</summary>
public sealed class AnnotatorAgreementTests : IDisposable
{
    private const string Text = "Town news\n\n“We will build the new bridge across the river next year,” Anna Reyes said on Monday.\n\n" +
                                "The mayor believes the council will approve it.\n";

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "agreement-" + Guid.NewGuid().ToString("N"));

    public AnnotatorAgreementTests()
    {
        Directory.CreateDirectory(Path.Combine(_directory, "text"));
        Directory.CreateDirectory(Path.Combine(_directory, "attributions"));
        File.WriteAllText(Path.Combine(_directory, "text", "town.txt"), Text);
        File.WriteAllText(Path.Combine(_directory, "text", "once.txt"), Text);
        int open = Text.IndexOf('“') + 1, close = Text.IndexOf('”'), said = Text.IndexOf(" said", StringComparison.Ordinal) + 1;
        int anna = Text.IndexOf("Anna", StringComparison.Ordinal), mayor = Text.IndexOf("The mayor", StringComparison.Ordinal);
        int believes = Text.IndexOf("believes", StringComparison.Ordinal), council = Text.IndexOf("the council", StringComparison.Ordinal);
        string quote = $"T1\tSource {anna} {anna + 10}\tAnna Reyes\nT2\tCue {said} {said + 4}\tsaid\nT3\tContent {open - 1} {close + 1}\tx\n" +
                       "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n";
        string belief = $"T4\tSource {mayor} {mayor + 9}\tThe mayor\nT5\tCue {believes} {believes + 8}\tbelieves\n" +
                        $"T6\tContent {council} {Text.IndexOf(" it.", StringComparison.Ordinal) + 3}\tx\nE2\tAttribution:T5 Content:T6 Cue:T5 Source:T4\n";
        // The first annotator marks the quote and the belief; the second only the quote, a word shorter and without its marks.
        File.WriteAllText(Path.Combine(_directory, "attributions", "town_0a1b.ann"), quote + belief);
        File.WriteAllText(Path.Combine(_directory, "attributions", "town_9f00.ann"),
            $"T1\tSource {anna} {anna + 4}\tAnna\nT3\tContent {open} {close - 6}\tx\nE1\tAttribution:T1 Content:T3 Source:T1\n");
        File.WriteAllText(Path.Combine(_directory, "attributions", "once_0a1b.ann"), quote);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Later_annotations_are_scored_against_the_first_and_the_model_against_it_once_per_pair()
    {
        var annotated = PolnearCorpus.ReadMultiplyAnnotated(_directory);

        var only = Assert.Single(annotated);
        Assert.Equal("town", only.Article.Name);
        Assert.Equal(2, only.Article.Attributions.Count); // the first file (by name) is the gold, as eval quotes reads it
        Assert.Single(Assert.Single(only.Others));
        Assert.Equal(2, PolnearCorpus.Read(_directory).Count);

        var report = AnnotatorAgreement.Run(annotated, new QuoteEvaluation(Seed.Extractor));

        Assert.Equal((1, 1), (report.Articles, report.Pairs));
        // The second annotator's quote has lost its marks: not a direct quote, so direct recall is 0; among all attributions it matches.
        Assert.Equal((0, 1, 0), (report.AnnotatorsDirect.Predicted, report.AnnotatorsDirect.Gold, report.AnnotatorsDirect.Matched));
        Assert.Equal((1, 2, 1), (report.AnnotatorsAll.Predicted, report.AnnotatorsAll.Gold, report.AnnotatorsAll.Matched));
        Assert.Equal((1, 1), (report.AnnotatorsAll.SpeakerChecked, report.AnnotatorsAll.SpeakerCorrect));
        Assert.Equal((1, 1), (report.ModelDirect.Gold, report.ModelDirect.Matched)); // the shipped model finds Anna Reyes's quote
        // Without marks any attribution counts: the annotator's unmarked quote matches the first's direct one.
        Assert.Equal((1, 1, 1), (report.AnnotatorsDirectStripped.Predicted, report.AnnotatorsDirectStripped.Gold, report.AnnotatorsDirectStripped.Matched));
        Assert.Equal(1, report.ModelDirectStripped.Gold);
        Assert.Equal((1, 1), report.AnnotatorsByCue["said"]);
        Assert.Equal((1, 0), report.AnnotatorsByCue["believes"]); // the second annotator left the belief out
        Assert.Equal(2, report.ModelByCue.Gold);
        var printed = new StringWriter();
        AnnotatorAgreement.Print(report, printed);
        AnnotatorAgreement.PrintByCue(report, printed, 5);
        Assert.Contains("| all attributions | annotators | 1 | 2 | 1 | 1.000 | 0.500 | 0.667 |", printed.ToString());
        Assert.Contains("| direct quotes, marks stripped | annotators (any attribution they marked, reading the marks) | 1 | 1 | 1 | 1.000 | 1.000 | 1.000 |", printed.ToString());
        Assert.Contains("| believes | 1 | 0 | 0.00 |", printed.ToString());
    }

    [Fact]
    public void An_article_whose_name_begins_with_another_articles_name_keeps_its_annotations_to_itself()
    {
        File.WriteAllText(Path.Combine(_directory, "text", "town_hall.txt"), Text);
        File.WriteAllText(Path.Combine(_directory, "attributions", "town_hall_0000.ann"), "");

        var annotated = PolnearCorpus.ReadMultiplyAnnotated(_directory);

        Assert.Single(Assert.Single(annotated).Others); // town's two files only, not town_hall's
        Assert.Equal(3, PolnearCorpus.Read(_directory).Count);
        Assert.Empty(PolnearCorpus.Read(_directory).Single(a => a.Name == "town_hall").Attributions);
    }

    [Fact]
    public void An_annotation_becomes_a_quote_with_its_parts_in_order_and_its_first_source_as_speaker()
    {
        const string text = "“Yes,” he said, “and no.” Later, Anna Reyes agreed.";
        var first = new Pipeline.Text.TextSpan(text.IndexOf("“and", StringComparison.Ordinal), text.IndexOf(" Later", StringComparison.Ordinal));
        var second = new Pipeline.Text.TextSpan(0, text.IndexOf(" he", StringComparison.Ordinal));
        var he = new Pipeline.Text.TextSpan(text.IndexOf("he", StringComparison.Ordinal), text.IndexOf("he", StringComparison.Ordinal) + 2);

        var quote = AnnotatorAgreement.AsQuote(text, new GoldAttribution([first, second], [he], []));

        Assert.Equal(new[] { second, first }, quote.Parts);
        Assert.Equal((0, first.End), (quote.Span.Start, quote.Span.End));
        Assert.Equal(QuoteType.Direct, quote.Type);
        Assert.Equal(("he", he), (quote.Speaker, quote.SpeakerMention));
        Assert.Null(quote.Cue);
    }
}

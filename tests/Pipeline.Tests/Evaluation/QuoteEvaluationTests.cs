using Pipeline.Evaluation.Quotes;
using Pipeline.Tests.Infrastructure;
using Pipeline.Text;

namespace Pipeline.Tests.Evaluation;

/// <summary>The quote evaluation's counts, on a made-up article scored with the shipped extractor.</summary>
public sealed class QuoteEvaluationTests
{
    [Fact]
    public void Misses_and_extras_are_told_apart_by_whether_anything_overlaps_them()
    {
        const string text = "Town news\n\n“We will build the new bridge across the river next year,” Anna Reyes said on Monday.\n\n" +
                            "The council met in the old hall.\n";
        int open = text.IndexOf('“') + 1;
        int hall = text.IndexOf("the old hall", StringComparison.Ordinal);
        int said = text.IndexOf(" said", StringComparison.Ordinal) + 1;
        int speaker = text.IndexOf("Anna Reyes", StringComparison.Ordinal);
        var article = new PolnearArticle("town", text,
        [
            // Two words of the quote: the quote found covers it, but too little of it to match.
            new GoldAttribution([new TextSpan(open, open + "We will".Length)], [new TextSpan(speaker, speaker + 10)], [new TextSpan(said, said + 4)]),
            // Nothing found anywhere near.
            new GoldAttribution([new TextSpan(hall, hall + "the old hall".Length)], [], []),
        ]);

        var report = new QuoteEvaluation(Seed.Extractor).Run([article]);

        var all = report.All;
        Assert.Equal((1, 2, 0), (all.Predicted, all.Gold, all.Matched));
        Assert.Equal(1, all.MissedNear); // the two words; the hall overlaps nothing found
        Assert.Equal(1, all.ExtraNear); // the whole quote overlaps the two words
        var printed = new StringWriter();
        QuoteEvaluation.Print(report, printed);
        Assert.Contains("| 2 (1) | 1 (1) |", printed.ToString());
    }
}

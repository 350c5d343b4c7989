using Pipeline.Evaluation.Quotes;
using Pipeline.Tests.Infrastructure;
using Pipeline.Text;

namespace Pipeline.Tests.Evaluation;

/// <summary>The quote evaluation's counts, on a made-up article scored with the shipped extractor.</summary>
public sealed class QuoteEvaluationTests
{
    /// <summary>A headline and a quotation in marks by Anna Reyes; each test adds a paragraph.</summary>
    private const string Quotation = "Town news\n\n“We will build the new bridge across the river next year,” Anna Reyes said on Monday.\n\n";

    /// <summary>Where the quotation's words open and close (inside its marks), and where its cue <c>said</c> stands.</summary>
    private static (int Open, int Close, int Said) Positions(string text) =>
        (text.IndexOf('“') + 1, text.IndexOf('”'), text.IndexOf(" said", StringComparison.Ordinal) + 1);

    [Fact]
    public void Misses_and_extras_are_told_apart_by_whether_anything_overlaps_them()
    {
        const string text = Quotation + "The council met in the old hall.\n";
        var (open, _, said) = Positions(text);
        int hall = text.IndexOf("the old hall", StringComparison.Ordinal);
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

    [Fact]
    public void Without_paragraph_breaks_the_body_is_one_line_and_the_gold_offsets_still_hold()
    {
        const string text = Quotation + "The council met in the old hall.\r\nIt voted on Friday.\n";
        int hall = text.IndexOf("the old hall", StringComparison.Ordinal);
        var gold = new GoldAttribution([new TextSpan(hall, hall + "the old hall".Length)], [], []);

        var flat = new PolnearArticle("town", text, [gold]).WithoutParagraphBreaks();

        Assert.Equal(text.Length, flat.Text.Length);
        Assert.StartsWith("Town news\n\n“We will build", flat.Text);
        Assert.Equal(2, flat.Text.Count(c => c == '\n')); // the title's
        Assert.Contains("Monday.  The council met in the old hall.  It voted on Friday. ", flat.Text);
        Assert.Equal("the old hall", gold.Content[0].Slice(flat.Text).ToString());
    }

    [Fact]
    public void Without_marks_the_typed_reading_counts_only_the_quotes_typed_as_quotations()
    {
        const string text = Quotation + "The mayor said that the bridge would cost more than the council had planned.\n";
        var (open, close, said) = Positions(text);
        // Only the quotation (with its marks, as PolNeAR marks it) is gold: the reported speech found without marks is an
        // extra of the untyped reading.
        var article = new PolnearArticle("town", text, [new GoldAttribution([new TextSpan(open - 1, close + 1)], [], [new TextSpan(said, said + 4)])]);

        var report = new QuoteEvaluation(Seed.Extractor).Run([article]);

        Assert.Equal((2, 1, 1), (report.DirectStripped.Predicted, report.DirectStripped.Gold, report.DirectStripped.Matched));
        Assert.Equal((1, 1, 1), (report.DirectStrippedTyped.Predicted, report.DirectStrippedTyped.Gold, report.DirectStrippedTyped.Matched));
        var printed = new StringWriter();
        QuoteEvaluation.Print(report, printed);
        Assert.Contains("only the quotes typed as quotations (Unmarked): F1 1.000", printed.ToString());
    }

    [Fact]
    public void Recall_by_cue_word_counts_every_gold_attribution_under_its_cues_first_word()
    {
        const string text = Quotation + "The council, according to its minutes, met in the old hall.\n";
        var (open, close, said) = Positions(text);
        int according = text.IndexOf("According", StringComparison.OrdinalIgnoreCase);
        int met = text.IndexOf("met in", StringComparison.Ordinal);
        var article = new PolnearArticle("town", text,
        [
            new GoldAttribution([new TextSpan(open, close - 1)], [], [new TextSpan(said, said + 4)]),
            new GoldAttribution([new TextSpan(met, met + "met in the old hall".Length)], [], [new TextSpan(according, according + "according to".Length)]),
            new GoldAttribution([new TextSpan(met, met + 3)], [], []),
        ]);

        var byCue = new QuoteEvaluation(Seed.Extractor).Run([article]).ByCue;

        Assert.Equal((1, 1), byCue["said"]);
        Assert.Equal(1, byCue["according"].Gold);
        Assert.Equal(1, byCue[CueRecall.NoCue].Gold);
        Assert.Equal((3, byCue["said"].Matched + byCue["according"].Matched + byCue[CueRecall.NoCue].Matched), (byCue.Gold, byCue.Matched));
        var pooled = new CueRecall();
        pooled.Add(byCue);
        pooled.Add(byCue);
        Assert.Equal((2, 2), pooled["said"]);
        var printed = new StringWriter();
        pooled.Print(printed, 1);
        var rows = printed.ToString().Split('\n').Where(l => l.StartsWith("| ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count); // the header and the one word that misses the most
        Assert.DoesNotContain("| said |", rows[1]);
    }
}

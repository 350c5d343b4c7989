using Pipeline.Results;
using Pipeline.Articles;
using Pipeline.Extraction;
using Pipeline.Tests.Infrastructure;
using Pipeline.Text;

namespace Pipeline.Tests.Text;

public sealed class CodePointOffsetsTests
{
    [Fact]
    public void Positions_after_characters_outside_the_BMP_move_back_by_one_per_character()
    {
        const string text = "a😀b😀😀c";
        var at = new CodePointOffsets(text);
        Assert.Equal(0, at[0]);
        Assert.Equal(1, at[1]);             // 😀 starts
        Assert.Equal(2, at[3]);             // b
        Assert.Equal(5, at[text.IndexOf('c')]);
        Assert.Equal(6, at[text.Length]);   // the end
        Assert.Equal(text.EnumerateRunes().Count(), at[text.Length]);
    }

    [Fact]
    public void Text_without_surrogate_pairs_keeps_its_positions()
    {
        var at = new CodePointOffsets("Café, naïve — “quoted”");
        Assert.Equal(7, at[7]);
        Assert.Equal(22, at[22]);
    }

    [Fact]
    public void A_report_in_code_points_slices_the_same_text_out_of_a_code_point_string()
    {
        const string text = "Emoji title\nThe 😀 mayor Anna Berg said the 😀 bridge will open on Monday, Anna Berg said.\n";
        var extractor = Seed.Extractor;
        var article = ArticleParser.Parse("emoji", "emoji.txt", text);
        var utf16 = ExtractionReport.From(extractor.Extract(article));
        var points = utf16.InCodePoints(article.Text);
        var runes = article.Text.EnumerateRunes().Select(r => r.ToString()).ToArray();
        string Slice(int start, int end) => string.Concat(runes[start..end]);

        var berg = Assert.Single(points.Entities, e => e.Name == "Anna Berg");
        Assert.All(berg.Mentions, m => Assert.Equal("Anna Berg", Slice(m.Start, m.End)));
        Assert.NotEmpty(points.Quotes);
        for (int i = 0; i < points.Quotes.Count; i++)
        {
            var q16 = utf16.Quotes[i];
            Assert.Equal(article.Text[q16.Start..q16.End], Slice(points.Quotes[i].Start, points.Quotes[i].End));
        }
    }
}

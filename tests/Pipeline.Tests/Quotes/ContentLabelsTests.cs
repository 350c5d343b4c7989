using Pipeline.Quotes;

namespace Pipeline.Tests.Quotes;

/// <summary>The content stage's labels and decoder: begin, inside, last with marks; begin, inside without.</summary>
public sealed class ContentLabelsTests
{
    private const int L = ContentLabels.Count;

    /// <summary>Three tokens whose own scores favour begin, inside and outside, with every transition 0.</summary>
    private static byte[] Decode(bool lastLabels)
    {
        var emissions = new int[3 * L];
        emissions[0 * L + ContentLabels.BeginVerbatim] = 10;
        emissions[1 * L + ContentLabels.InsideVerbatim] = 10;
        emissions[1 * L + ContentLabels.LastVerbatim] = 8;
        emissions[2 * L + ContentLabels.Outside] = 10;
        var labels = new byte[3];
        ContentDecoder.Decode(emissions, new int[(L + 1) * L], 3, labels, new byte[3 * L], lastLabels);
        return labels;
    }

    [Fact]
    public void With_last_labels_a_content_ends_on_its_last_label()
    {
        Assert.Equal([ContentLabels.BeginVerbatim, ContentLabels.LastVerbatim, ContentLabels.Outside], Decode(lastLabels: true));
    }

    [Fact]
    public void Without_last_labels_a_content_ends_on_its_inside_label_and_never_uses_a_last_one()
    {
        Assert.Equal([ContentLabels.BeginVerbatim, ContentLabels.InsideVerbatim, ContentLabels.Outside], Decode(lastLabels: false));
    }

    [Fact]
    public void A_last_label_closes_its_span_and_a_begin_opens_the_next()
    {
        byte[] labels =
        [
            ContentLabels.BeginVerbatim, ContentLabels.InsideVerbatim, ContentLabels.LastVerbatim,
            ContentLabels.BeginReported, ContentLabels.LastReported, ContentLabels.Outside, ContentLabels.BeginReported,
        ];
        var spans = new List<ContentSpan>();
        AttributionTagger.CollectSpans(labels, 10, spans);
        Assert.Equal([new ContentSpan(10, 13, true), new ContentSpan(13, 15, false), new ContentSpan(16, 17, false)], spans);
    }

    [Theory]
    [InlineData(true, 7)]
    [InlineData(false, 5)]
    public void Each_model_has_the_labels_of_its_scheme(bool lastLabels, int count)
    {
        Assert.Equal(count, ContentLabels.CountFor(lastLabels));
        Assert.Equal(!lastLabels, ContentLabels.Allowed(ContentLabels.InsideVerbatim, ContentLabels.Outside, lastLabels));
    }
}

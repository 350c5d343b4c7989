using Pipeline.Quotes;

namespace Pipeline.Tests.Quotes;

/// <summary>The quote model embedded in the library: it loads once, and a file of another format version is refused by name.</summary>
public sealed class ShippedQuoteModelTests
{
    private static byte[] EmbeddedBytes()
    {
        using var stream = typeof(QuoteModel).Assembly.GetManifestResourceStream(QuoteModels.ResourceName);
        Assert.NotNull(stream);
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    [Fact]
    public void The_embedded_model_loads_once_and_has_the_current_format_version()
    {
        var bytes = EmbeddedBytes();
        Assert.Equal("QUOT"u8.ToArray(), bytes[..4]);
        Assert.Equal(QuoteModel.FormatVersion, BitConverter.ToInt32(bytes, 4));
        Assert.Same(QuoteModels.Model, QuoteModels.Model);
        Assert.Same(QuoteModels.Extractor, QuoteModels.Extractor);
        Assert.True(int.Parse(QuoteModels.Model.Metadata["articles"], System.Globalization.CultureInfo.InvariantCulture) > 800);
    }

    [Fact]
    public void A_model_file_of_another_version_gives_a_clear_error()
    {
        var bytes = EmbeddedBytes();
        BitConverter.TryWriteBytes(bytes.AsSpan(4, 4), QuoteModel.FormatVersion + 1);
        var error = Assert.Throws<InvalidDataException>(() => QuoteModel.Load(new MemoryStream(bytes)));
        Assert.Contains($"version {QuoteModel.FormatVersion + 1} is not supported", error.Message);
    }
}

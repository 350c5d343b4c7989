using System.Text;
using Pipeline.Articles;

namespace Pipeline.Tests.Articles;

public sealed class ArticleDecoderTests
{
    [Fact]
    public void Utf8_with_and_without_bom_decodes_to_the_same_text()
    {
        var bytes = Encoding.UTF8.GetBytes("Café – “quoted”");
        Assert.Equal("Café – “quoted”", ArticleDecoder.Decode(bytes));
        Assert.Equal("Café – “quoted”", ArticleDecoder.Decode([0xEF, 0xBB, 0xBF, .. bytes]));
    }

    [Fact]
    public void Utf16_with_a_bom_is_valid_text() =>
        Assert.Equal("Hello, world", ArticleDecoder.Decode([0xFF, 0xFE, .. Encoding.Unicode.GetBytes("Hello, world")]));

    public static TheoryData<byte[], string> Rejected => new()
    {
        { [], "empty" },
        { "  \n\t \r\n"u8.ToArray(), "whitespace" },
        { [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "PNG" },
        { [0x50, 0x4B, 0x03, 0x04, 0x14, 0x00], "ZIP" },
        { "text\0with NUL"u8.ToArray(), "NUL" },
        { [0x48, 0x69, 0xC3, 0x28, 0x20], "not valid UTF-8" },
        { Encoding.Unicode.GetBytes("UTF-16 without BOM"), "NUL" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Bad_content_is_rejected_with_a_reason(byte[] bytes, string reason)
    {
        var error = Assert.Throws<ArticleRejectedException>(() => ArticleDecoder.Decode(bytes));
        Assert.Contains(reason, error.Message, StringComparison.OrdinalIgnoreCase);
    }
}

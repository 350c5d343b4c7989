using Pipeline.LocalHost;
using Pipeline.Recovery;
using Pipeline.Processing;

namespace Pipeline.Tests.Functions;

/// <summary>Receipt names as the WebJobs blob extension writes them, read back as blob versions.</summary>
public sealed class ScanTriggerReceiptsTests
{
    [Theory]
    [InlineData("bench/article-00000.txt")]
    [InlineData("names/with spaces in it.txt")]
    [InlineData("names/ünïcødé-名前.txt")]
    [InlineData("top.txt")]
    public void A_receipt_names_the_blob_version_it_stands_for(string blobName) =>
        Assert.Equal(TriggerReceipts.Key(blobName, "0x24C434D6F0F7520"),
            ScanTriggerReceipts.Parse(ScanTriggerReceipts.Prefix + "\"0x24C434D6F0F7520\"/articles/" + blobName));

    [Theory]
    [InlineData("\"0x1\"/other/a.txt")]
    [InlineData("0x1/articles/a.txt")]
    [InlineData("\"0x1/articles/a.txt")]
    [InlineData("\"\"/articles/a.txt")]
    [InlineData("")]
    public void Other_names_stand_for_no_article(string rest) =>
        Assert.Null(ScanTriggerReceipts.Parse(ScanTriggerReceipts.Prefix + rest));
}

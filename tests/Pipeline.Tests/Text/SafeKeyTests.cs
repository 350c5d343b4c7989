using Pipeline.Articles;
using Pipeline.Storage;
using Pipeline.Text;

namespace Pipeline.Tests.Text;

public sealed class SafeKeyTests
{
    [Theory]
    [InlineData("000_09b943ff63819a7c.txt", "000_09b943ff63819a7c.txt")]
    [InlineData("world/news #1.txt", "world~2Fnews~20~231.txt")]
    [InlineData("a?b%c\\d", "a~3Fb~25c~5Cd")]
    [InlineData("café", "caf~C3~A9")]
    [InlineData("~", "~7E")]
    public void Encodes_what_keys_and_urls_cannot_hold(string blobName, string expected)
    {
        Assert.Equal(expected, ArticleId.FromBlobName(blobName));
        Assert.True(ArticleId.IsWellFormed(expected));
    }

    [Fact]
    public void Different_names_never_share_an_id()
    {
        var names = new[] { "a b", "a~20b", "a_b", "a/b", "a\\b", "A b", "a  b", "a\tb" };
        Assert.Equal(names.Length, names.Select(ArticleId.FromBlobName).Distinct().Count());
    }

    [Fact]
    public void Long_names_keep_a_prefix_and_a_digest()
    {
        var name = new string('x', 500) + "/" + new string('é', 400);
        var other = new string('x', 500) + "/" + new string('é', 399);
        var id = ArticleId.FromBlobName(name);
        Assert.True(id.Length <= SafeKey.MaxLength);
        Assert.Contains("~~", id);
        Assert.True(ArticleId.IsWellFormed(id));
        Assert.NotEqual(id, ArticleId.FromBlobName(other));
    }

    [Theory]
    [InlineData("")]
    [InlineData("a b")]
    [InlineData("a/b")]
    [InlineData("a~zz")]
    [InlineData("a~~short")]
    public void Malformed_ids_are_recognized(string id) => Assert.False(ArticleId.IsWellFormed(id));
}

using Microsoft.Extensions.Options;
using Pipeline.Queries;
using Pipeline.Storage;

namespace Pipeline.Tests.Queries;

public sealed class ContinuationTokensTests
{
    private readonly ContinuationTokens tokens = new(Options.Create(new PipelineOptions()));

    [Fact]
    public void A_token_reads_back_for_its_own_query()
    {
        var token = tokens.Create("speaker|jake-sullivan", new PagePosition("jake-sullivan", "article~2F1.txt"));
        Assert.True(tokens.TryRead(token, "speaker|jake-sullivan", out var position));
        Assert.Equal(new PagePosition("jake-sullivan", "article~2F1.txt"), position);
    }

    [Fact]
    public void A_token_is_refused_by_another_query_or_when_edited()
    {
        var token = tokens.Create("speaker|a", new PagePosition("a", "x"));
        Assert.False(tokens.TryRead(token, "speaker|b", out _));
        var flipped = token[..5] + (token[5] == 'A' ? 'B' : 'A') + token[6..];
        Assert.False(tokens.TryRead(flipped, "speaker|a", out _));
    }

    [Fact]
    public void A_token_signed_with_another_key_is_refused()
    {
        var other = new ContinuationTokens(Options.Create(new PipelineOptions { ContinuationTokenKey = "another-key-of-enough-length" }));
        Assert.False(tokens.TryRead(other.Create("s", new PagePosition("a", "b")), "s", out _));
    }

    [Theory]
    [InlineData("x")]
    [InlineData(".")]
    [InlineData("abc.def")]
    [InlineData("!!!.???")]
    [InlineData("' or PartitionKey ne '")]
    public void Garbage_is_refused_without_throwing(string token) => Assert.False(tokens.TryRead(token, "s", out _));

    [Fact]
    public void An_oversized_token_is_refused() =>
        Assert.False(tokens.TryRead(new string('A', ContinuationTokens.MaxLength + 1), "s", out _));
}

using Azure;
using Pipeline.Storage;

namespace Pipeline.Tests.Storage;

public sealed class StorageErrorsTests
{
    [Theory]
    [InlineData(400, "EntityTooLarge")]
    [InlineData(400, "PropertyValueTooLarge")]
    [InlineData(400, "InvalidInput")]
    [InlineData(400, "OutOfRangeInput")]
    [InlineData(413, "RequestBodyTooLarge")]
    public void A_refusal_every_attempt_would_meet_is_permanent(int status, string code)
    {
        var e = new RequestFailedException(status, "refused", code, null);
        Assert.True(StorageErrors.IsPermanent(e));
        Assert.False(StorageErrors.IsTransient(e));
        Assert.True(StorageErrors.IsPermanent(new InvalidOperationException("wrapped", e)));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(408)]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    public void Timeouts_throttling_server_errors_and_lost_connections_are_transient(int status)
    {
        var e = new RequestFailedException(status, "try again");
        Assert.True(StorageErrors.IsTransient(e));
        Assert.False(StorageErrors.IsPermanent(e));
    }

    [Theory]
    [InlineData(404)]
    [InlineData(409)]
    [InlineData(412)]
    public void Races_and_missing_tables_are_neither_permanent_nor_an_outage(int status) =>
        Assert.False(StorageErrors.IsPermanent(new RequestFailedException(status, "race")));

    [Fact]
    public void A_connection_failure_is_transient() =>
        Assert.True(StorageErrors.IsTransient(new AggregateException(new HttpRequestException("refused"), new RequestFailedException(0, "no answer"))));

    [Fact]
    public void The_reason_is_storages_own_answer_in_one_line() =>
        Assert.Equal("400 EntityTooLarge: The entity is larger than the maximum allowed size (1MB).",
            StorageErrors.Describe(new RequestFailedException(400, "0:The entity is larger than the maximum allowed size (1MB).\nRequestId:1\nTime:2", "EntityTooLarge", null)));
}

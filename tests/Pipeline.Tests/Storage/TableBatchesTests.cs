using Azure.Data.Tables;
using Pipeline.Storage;

namespace Pipeline.Tests.Storage;

public sealed class TableBatchesTests
{
    private static TableTransactionAction Upsert(string partition, int row) =>
        new(TableTransactionActionType.UpsertReplace, new TableEntity(partition, row.ToString("D5")));

    [Fact]
    public void Batches_hold_one_partition_and_at_most_100_actions()
    {
        var actions = Enumerable.Range(0, 250).Select(i => Upsert("a", i))
            .Concat(Enumerable.Range(0, 30).Select(i => Upsert("b", i)))
            .Concat(Enumerable.Range(250, 5).Select(i => Upsert("a", i)))
            .ToList();
        var batches = TableBatches.Plan(actions);
        Assert.Equal([100, 100, 55, 30], batches.Select(b => b.Count));
        Assert.All(batches, b => Assert.Single(b.Select(a => a.Entity.PartitionKey).Distinct()));
        Assert.Equal(actions.Count, batches.Sum(b => b.Count));
    }

    [Fact]
    public void A_batch_across_partitions_is_refused_before_it_reaches_Azure() =>
        Assert.Throws<InvalidOperationException>(() => TableBatches.EnsureValid([Upsert("a", 1), Upsert("b", 1)]));

    [Fact]
    public void A_batch_over_100_actions_is_refused() =>
        Assert.Throws<InvalidOperationException>(() => TableBatches.EnsureValid(Enumerable.Range(0, 101).Select(i => Upsert("a", i)).ToList()));

    [Fact]
    public void Large_rows_are_split_so_that_no_batch_passes_4_MiB()
    {
        // The largest quote row we write: 8,000 characters of text, 1,000 parts, a long speaker; non-ASCII, so every
        // character may travel as a six-byte escape.
        var actions = Enumerable.Range(0, 100).Select(i => new TableTransactionAction(TableTransactionActionType.UpsertReplace,
            new TableEntity("a", i.ToString("D5"))
            {
                ["Text"] = new string('é', TableLimits.MaxQuoteChars),
                ["Parts"] = string.Join(';', Enumerable.Repeat("1234567-1234599", TableLimits.MaxStoredMentions)),
                ["Speaker"] = new string('ß', TableLimits.MaxNameChars),
            })).ToList();
        var batches = TableBatches.Plan(actions);
        Assert.True(batches.Count > 1);
        Assert.Equal(100, batches.Sum(b => b.Count));
        Assert.All(batches, b => Assert.InRange(b.Sum(a => TableLimits.EstimatedPayloadBytes(a.Entity)), 1, 4L * 1024 * 1024 - 64 * 1024));
    }

    [Fact]
    public void The_payload_estimate_bounds_the_JSON_a_row_travels_as()
    {
        var entity = new TableEntity("p", "r") { ["Text"] = "\u0001\"é😀 plain", ["Count"] = 12 };
        var json = System.Text.Json.JsonSerializer.Serialize(entity.ToDictionary(p => p.Key, p => p.Value));
        Assert.True(TableLimits.EstimatedPayloadBytes(entity) >= System.Text.Encoding.UTF8.GetByteCount(json));
    }
}

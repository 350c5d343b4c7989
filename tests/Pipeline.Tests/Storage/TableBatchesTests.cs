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
}

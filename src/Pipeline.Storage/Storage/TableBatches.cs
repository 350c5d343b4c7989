using Azure.Data.Tables;

namespace Pipeline.Storage;

/// <summary>Batched writes that respect Table storage's rules: one partition, at most 100 actions and 4 MiB per batch.</summary>
public static class TableBatches
{
    /// <summary>Submits <paramref name="actions"/> as transactions of one partition, at most 100 actions and <see cref="TableLimits.MaxBatchPayloadBytes"/> each.</summary>
    public static async Task SubmitAsync(TableClient table, IReadOnlyList<TableTransactionAction> actions, CancellationToken cancellationToken)
    {
        foreach (var batch in Plan(actions))
        {
            await table.SubmitTransactionAsync(batch, cancellationToken);
        }
    }

    /// <summary>Splits actions into valid batches, keeping each partition's actions in their original order.</summary>
    public static List<List<TableTransactionAction>> Plan(IReadOnlyList<TableTransactionAction> actions)
    {
        var byPartition = new Dictionary<string, List<TableTransactionAction>>(StringComparer.Ordinal);
        var order = new List<string>();
        foreach (var action in actions)
        {
            var partition = action.Entity.PartitionKey;
            if (!byPartition.TryGetValue(partition, out var list))
            {
                byPartition[partition] = list = [];
                order.Add(partition);
            }
            list.Add(action);
        }

        var batches = new List<List<TableTransactionAction>>();
        foreach (var partition in order)
        {
            var batch = new List<TableTransactionAction>();
            long bytes = 0;
            foreach (var action in byPartition[partition])
            {
                long size = TableLimits.EstimatedPayloadBytes(action.Entity);
                if (batch.Count == TableLimits.MaxBatchActions || (batch.Count > 0 && bytes + size > TableLimits.MaxBatchPayloadBytes))
                {
                    batches.Add(batch);
                    batch = [];
                    bytes = 0;
                }
                batch.Add(action);
                bytes += size;
            }
            if (batch.Count > 0)
            {
                batches.Add(batch);
            }
        }
        batches.ForEach(EnsureValid);
        return batches;
    }

    /// <summary>Azure rejects a batch over 100 actions or across partitions; Azurite accepts the latter, so we check here.</summary>
    public static void EnsureValid(IReadOnlyList<TableTransactionAction> batch)
    {
        if (batch.Count > TableLimits.MaxBatchActions)
        {
            throw new InvalidOperationException($"A table batch holds at most {TableLimits.MaxBatchActions} actions, not {batch.Count}.");
        }
        for (int i = 1; i < batch.Count; i++)
        {
            if (!string.Equals(batch[i].Entity.PartitionKey, batch[0].Entity.PartitionKey, StringComparison.Ordinal))
            {
                throw new InvalidOperationException("A table batch must stay within one partition.");
            }
        }
    }
}

using Azure.Data.Tables;

namespace Pipeline.Storage;

/// <summary>Batched writes that respect Table storage's rules: at most 100 actions, all in one partition.</summary>
public static class TableBatches
{
    /// <summary>Submits <paramref name="actions"/> as transactions of one partition and at most 100 actions each.</summary>
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
            var list = byPartition[partition];
            for (int i = 0; i < list.Count; i += TableLimits.MaxBatchActions)
            {
                var batch = list.GetRange(i, Math.Min(TableLimits.MaxBatchActions, list.Count - i));
                EnsureValid(batch);
                batches.Add(batch);
            }
        }
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

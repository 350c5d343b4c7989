using Azure.Data.Tables;

namespace Pipeline.Queries;

/// <summary>Keyset paging over a table query: read one row more than asked to know whether there is a next page.</summary>
internal static class KeysetPages
{
    public static async Task<(List<T> Rows, PagePosition? Next)> ReadAsync<T>(
        TableClient table, string? filter, int top, IEnumerable<string>? select, CancellationToken cancellationToken)
        where T : class, ITableEntity
    {
        var rows = new List<T>(Math.Min(top + 1, 1_001));
        await foreach (var row in table.QueryAsync<T>(filter, Math.Min(top + 1, 1_000), select, cancellationToken))
        {
            rows.Add(row);
            if (rows.Count > top)
            {
                break;
            }
        }
        if (rows.Count <= top)
        {
            return (rows, null);
        }
        rows.RemoveAt(top);
        return (rows, new PagePosition(rows[^1].PartitionKey, rows[^1].RowKey));
    }
}

using Azure.Data.Tables;

namespace Pipeline.Storage;

/// <summary>
/// The version of a partition for cached pages: the ETag of its marker row (<see cref="IndexKeys.MarkerRowKey"/>), which
/// every batch that changes the partition rewrites.
/// </summary>
/// <remarks>
/// A partition with no marker under its own RowKey has not been written by this version of the code: it is empty, or
/// holds what an earlier version left in it (rows without a marker, or with the legacy one every partition shared).
/// Those rows stay as they are until this version writes the partition, which writes the marker in the same batch, so
/// such a partition has one version too, <see cref="Unmarked"/>: a missing partition costs one point read, not one for
/// each RowKey a marker ever had. This holds while no host of an earlier version writes beside this one, as the lazy
/// move of legacy counts (<see cref="EntityCatalog"/>) already assumes.
/// </remarks>
public static class PartitionMarkers
{
    /// <summary>The version of a partition that has no marker row of this version.</summary>
    public const string Unmarked = "unmarked";

    /// <summary>The ETag of the partition's marker row, or <see cref="Unmarked"/>.</summary>
    public static async Task<string> VersionAsync(TableClient table, string partition, string markerRowKey, CancellationToken cancellationToken)
    {
        var row = await table.GetEntityIfExistsAsync<TableEntity>(partition, markerRowKey, ["RowKey"], cancellationToken);
        return row.HasValue ? row.Value!.ETag.ToString() : Unmarked;
    }

    /// <summary>A batch action that rewrites the partition's marker row, so that its new ETag tells cached pages of the partition they are old.</summary>
    public static TableTransactionAction Touch(string partition, string markerRowKey) =>
        new(TableTransactionActionType.UpsertReplace, new TableEntity(partition, markerRowKey));
}

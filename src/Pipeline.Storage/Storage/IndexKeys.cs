using Pipeline.Text;

namespace Pipeline.Storage;

/// <summary>PartitionKeys of the index tables, built the same way on write and on query.</summary>
public static class IndexKeys
{
    /// <summary>Partition of <c>entityarticles</c> for an entity key (<c>person:joe-biden</c>).</summary>
    public static string Entity(string entityKey) => SafeKey.Encode(entityKey);

    /// <summary>
    /// RowKey of the marker row of a <c>speakerquotes</c> partition, rewritten in the batch of every write to the
    /// partition so that its ETag versions the partition's rows (<see cref="MarkerRowKey"/>).
    /// </summary>
    public static string SpeakerVersionRowKey(string partition) => MarkerRowKey(SpeakerRowsEnd, partition);

    /// <summary>Speaker quote rows end before this RowKey, which starts every marker RowKey (ids never hold "~v").</summary>
    public const string SpeakerRowsEnd = "~version";

    /// <summary>
    /// RowKey of the marker row of an <c>entitynames</c> partition (a group), rewritten in the batch of every change to the
    /// group's names so that its ETag versions them.
    /// </summary>
    public static string NamesVersionRowKey(string partition) => MarkerRowKey(NamesRowsEnd, partition);

    /// <summary>Name rows (encoded identity keys, which start with their type) end before this RowKey, which starts the marker's.</summary>
    public const string NamesRowsEnd = "~version";

    /// <summary>
    /// The speaker marker's RowKey before it held its partition (the same in every partition). Left where it is: a partition
    /// without a marker of its own is versioned as <see cref="PartitionMarkers.Unmarked"/> until its next write.
    /// </summary>
    public const string LegacySpeakerVersionRowKey = "~version";

    /// <summary>
    /// RowKey of a partition's marker row (<paramref name="marker"/> <c>~count</c> or <c>~version</c>): the marker, then
    /// the partition key, so that no two partitions' markers share a RowKey. Azurite finds a point read's row by its
    /// RowKey first and then looks for the PartitionKey among the rows found, so a RowKey shared by every partition made
    /// each marker read look through one row per entity (<c>node bench/azurite/point-reads.js</c>). It sorts after
    /// every article id and after <paramref name="marker"/> itself, so index queries that end before the marker still do.
    /// </summary>
    public static string MarkerRowKey(string marker, string partition) => marker + "|" + partition;
}

using Pipeline.Entities;

namespace Pipeline.Storage;

/// <summary>PartitionKeys of the index tables, built the same way on write and on query.</summary>
public static class IndexKeys
{
    /// <summary>Partition of <c>entityarticles</c> for an entity key (<c>person:joe-biden</c>).</summary>
    public static string Entity(string entityKey) => TableKey.Encode(entityKey);

    /// <summary>
    /// Partition of <c>speakerquotes</c> for a speaker: the slug of the name, so <c>Jake Sullivan</c>,
    /// <c>jake sullivan</c> and the entity key <c>person:jake-sullivan</c> all find the same quotes.
    /// </summary>
    public static string Speaker(string speaker)
    {
        int colon = speaker.IndexOf(':');
        if (colon > 0 && EntityKey.TryParseType(speaker.AsSpan(0, colon), out _))
        {
            speaker = speaker[(colon + 1)..];
        }
        return TableKey.Encode(EntityKey.Slug(speaker));
    }

    /// <summary>
    /// RowKey of the marker row of a <c>speakerquotes</c> partition, rewritten in the batch of every write to the
    /// partition so that its ETag versions the partition's rows. After every article id (ids never hold "~v"), so
    /// quote queries end before it.
    /// </summary>
    public const string SpeakerVersionRowKey = "~version";

    /// <summary>Pronouns that could not be resolved say nothing across articles and are not indexed.</summary>
    public static bool IsIndexableSpeaker(string? speaker) =>
        !string.IsNullOrWhiteSpace(speaker) && speaker is not ("he" or "she" or "they") && EntityKey.Slug(speaker).Length > 0;
}

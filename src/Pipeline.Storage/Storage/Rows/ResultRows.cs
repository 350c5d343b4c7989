using Azure;
using Azure.Data.Tables;

namespace Pipeline.Storage.Rows;

/// <summary>
/// A canonical entity of one article. Table <c>articleentities</c>, PartitionKey = article id,
/// RowKey = <c>{generation}|{rank:D5}</c> (most salient first).
/// </summary>
public sealed class ArticleEntityRow : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public string Type { get; set; } = "";
    public int MentionCount { get; set; }
    public double Salience { get; set; }

    /// <summary>
    /// The corpus-wide identity key the entity is indexed under (<c>person:joe-biden</c> for <c>Joe R. Biden</c>); null in
    /// rows written before identities, which were indexed under <see cref="Key"/>.
    /// </summary>
    public string? Identity { get; set; }

    /// <summary>Mention offsets as <c>start-end</c> pairs separated by <c>;</c> (the first <see cref="TableLimits.MaxStoredMentions"/>).</summary>
    public string Mentions { get; set; } = "";
}

/// <summary>
/// A quote of one article. Table <c>articlequotes</c>, PartitionKey = article id, RowKey = <c>{generation}|{index:D5}</c>.
/// </summary>
public sealed class ArticleQuoteRow : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Text { get; set; } = "";
    public bool TextTruncated { get; set; }
    public string Type { get; set; } = "";
    public string? Speaker { get; set; }
    public string? SpeakerEntity { get; set; }
    public int? SpeakerStart { get; set; }
    public int? SpeakerEnd { get; set; }
    public string? Cue { get; set; }
    public int Start { get; set; }
    public int End { get; set; }

    /// <summary>For a quote in several parts, their offsets as <c>start-end</c> pairs separated by <c>;</c>; null for one part.</summary>
    public string? Parts { get; set; }

    /// <summary>
    /// The <c>speakerquotes</c> partition the quote is indexed under (the speaker's identity); null when it is not indexed,
    /// and in rows written before identities, which were indexed under the slug of <see cref="Speaker"/>.
    /// </summary>
    public string? SpeakerIndex { get; set; }

    public int Paragraph { get; set; }
}

/// <summary>
/// Index: an article that mentions an entity. Table <c>entityarticles</c>, PartitionKey = encoded entity key,
/// RowKey = article id. One row per (entity, article), replaced whole when the article is reprocessed.
/// </summary>
public sealed class EntityArticleRow : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Generation { get; set; } = "";

    /// <summary>The identity's key (<c>person:joe-biden</c>), which names the partition.</summary>
    public string EntityKey { get; set; } = "";

    /// <summary>How this article writes it (<c>Joe R. Biden</c>).</summary>
    public string Name { get; set; } = "";
    public string Type { get; set; } = "";
    public string? Title { get; set; }
    public string? Published { get; set; }
    public int MentionCount { get; set; }
    public double Salience { get; set; }

    /// <summary>The identity's name (<c>Joe Biden</c>), listed in the catalog.</summary>
    public string? IdentityName { get; set; }

    /// <summary>The group the identity may link in (<c>person|biden</c>), listed in <c>entitynames</c>; null when none.</summary>
    public string? Group { get; set; }

    /// <summary>The identity's kind (<c>FullName</c>, <c>Surname</c>, …) and a full name's given name, for linking.</summary>
    public string? Kind { get; set; }

    public string? Given { get; set; }
}

/// <summary>
/// Index: every quote of one speaker in one article. Table <c>speakerquotes</c>, PartitionKey = encoded speaker
/// slug, RowKey = article id. One row per (speaker, article), so a reprocessed article replaces its quotes at once.
/// </summary>
public sealed class SpeakerQuotesRow : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Generation { get; set; } = "";
    public string Speaker { get; set; } = "";
    public string? SpeakerEntity { get; set; }
    public string? Title { get; set; }
    public string? Published { get; set; }
    public int QuoteCount { get; set; }

    /// <summary>The quotes as a JSON array, cut to fit one property (<see cref="QuoteCount"/> says how many there are).</summary>
    public string QuotesJson { get; set; } = "[]";
}

/// <summary>
/// The entity catalog, for browsing by type and name: each identity once. Table <c>entities</c>,
/// PartitionKey = type (<c>person</c>), RowKey = encoded slug. Article counts live with the index rows
/// (see <see cref="EntityCatalog"/>).
/// </summary>
public sealed class EntityCatalogRow : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Key { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>The group the identity may link in, as on <see cref="EntityArticleRow.Group"/>; null for none (and for entries listed before identities).</summary>
    public string? Group { get; set; }
}

/// <summary>
/// An identity the corpus holds, filed by the group it may link in. Table <c>entitynames</c>, PartitionKey = encoded group
/// (<c>person|biden</c>, <c>organization|fbi</c>), RowKey = encoded identity key. Written and removed with the catalog
/// entry, so it lists what some article mentions now.
/// </summary>
public sealed class EntityNameRow : ITableEntity
{
    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = "";
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public string Kind { get; set; } = "";
    public string? Given { get; set; }
}

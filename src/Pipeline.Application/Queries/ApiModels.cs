namespace Pipeline.Queries;

// The HTTP API's response shapes (serialized camelCase). Separate from the table rows on purpose.

/// <summary>A page of results and the token for the next one (null on the last page).</summary>
public interface IPage<out T>
{
    IReadOnlyList<T> Items { get; }

    string? ContinuationToken { get; }
}

/// <inheritdoc cref="IPage{T}"/>
public sealed record Page<T>(IReadOnlyList<T> Items, string? ContinuationToken) : IPage<T>;

/// <summary>The parameters of <c>GET /api/articles</c>, as sent; validated by the query.</summary>
/// <param name="From">Published on or after this date (yyyy-MM-dd).</param>
/// <param name="To">Published on or before this date (yyyy-MM-dd).</param>
/// <param name="Search">Words the title contains (case-insensitive).</param>
public sealed record ArticleListQuery(
    string? Top = null, string? ContinuationToken = null, string? Status = null, string? Section = null,
    string? From = null, string? To = null, string? Search = null);

public sealed record ArticleListItem(
    string Id, string? Title, string? Published, string? Section, string? Source, string? Dateline,
    string Status, string? Error, int EntityCount, int QuoteCount);

public sealed record ArticleDetail(
    string Id, string BlobName, string? Title, string? Published, string? Section, string? Source, string? Dateline, string? Author,
    string Status, string? Error, int Attempts, string? ContentHash, string? BlobETag, long ContentLength,
    string? ExtractorVersion, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? ProcessedAt,
    int EntityCount, int QuoteCount,
    IReadOnlyList<SummarySentenceDto> Summary, IReadOnlyList<KeyPhraseDto> KeyPhrases,
    IReadOnlyList<EntityDto> Entities, IReadOnlyList<QuoteDto> Quotes);

public sealed record KeyPhraseDto(string Text, double Score, int Count);

/// <param name="TextTruncated">The text was cut to its first 2,000 characters; <c>start</c> and <c>end</c> cover the whole sentence.</param>
public sealed record SummarySentenceDto(int Index, int Rank, int Start, int End, string Text, bool TextTruncated = false);

public sealed record SummaryDto(string ArticleId, IReadOnlyList<SummarySentenceDto> Sentences);

public sealed record MentionDto(int Start, int End);

/// <param name="Key">The entity's key in this article, from its name as written here (<c>person:joe-r-biden</c>).</param>
/// <param name="MentionsTruncated">Only the first 1,000 mentions' offsets are kept; <c>mentionCount</c> counts them all.</param>
/// <param name="Identity">The corpus-wide identity it is indexed under (<c>person:joe-biden</c>): what the cross-article queries answer for.</param>
public sealed record EntityDto(string Key, string Name, string Type, int MentionCount, double Salience, IReadOnlyList<MentionDto> Mentions,
    bool MentionsTruncated = false, string? Identity = null);

/// <param name="Parts">Offsets of each piece of quoted text (one, or several when the quote was split by its attribution).</param>
public sealed record QuoteDto(
    string Text, bool TextTruncated, string Type, string? Speaker, string? SpeakerEntity, MentionDto? SpeakerMention,
    string? Cue, int Start, int End, IReadOnlyList<MentionDto> Parts, int Paragraph);

/// <param name="MoreInArticle">
/// Quotes of this speaker in this article beyond those listed: the index keeps what fits in one row (hundreds of quotes);
/// <c>/api/articles/{id}/quotes</c> lists them all. Nearly always 0.
/// </param>
public sealed record SpeakerQuoteDto(string ArticleId, string? ArticleTitle, string? Published, QuoteDto Quote, int MoreInArticle = 0);

/// <param name="Key">The identity's key (<c>person:joe-biden</c>).</param>
/// <param name="ArticleCount">Articles mentioning it under any of its spellings.</param>
/// <param name="Variants">The other identities the corpus links to it ("also written as": <c>Biden</c>), empty for most.</param>
public sealed record CatalogEntityDto(string Key, string Name, string Type, int ArticleCount, IReadOnlyList<VariantDto>? Variants = null);

/// <param name="Name">How this article writes the entity (<c>Joe R. Biden</c>, <c>Biden</c>).</param>
public sealed record EntityArticleDto(string Id, string? Title, string? Published, int MentionCount, double Salience, string? Name = null);

/// <summary>An identity key and how it is written.</summary>
public sealed record VariantDto(string Key, string Name);

/// <summary>
/// The identity a cross-article query answered for: the one the name asked for stands for (<c>Biden</c>, <c>President
/// Biden</c> → <c>Joe Biden</c>), and every identity key it covers (its own first).
/// </summary>
public sealed record IdentityDto(string Key, string Name, string Type, IReadOnlyList<VariantDto> Variants);

/// <summary>A page of a cross-article query, with the identity it answered for.</summary>
public sealed record IdentityPage<T>(IdentityDto Identity, IReadOnlyList<T> Items, string? ContinuationToken) : IPage<T>;

public sealed record HealthDto(string Status, string Storage);

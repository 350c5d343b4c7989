using Azure;
using Azure.Data.Tables;

namespace Pipeline.Storage.Rows;

/// <summary>
/// One article: metadata, processing status and the pointer (<see cref="Generation"/>) to its current results.
/// Table <c>articles</c>, PartitionKey = article id, RowKey = <see cref="RowKeyValue"/>.
/// </summary>
public sealed class ArticleRow : ITableEntity
{
    public const string RowKeyValue = "article";

    public string PartitionKey { get; set; } = "";
    public string RowKey { get; set; } = RowKeyValue;
    public DateTimeOffset? Timestamp { get; set; }
    public ETag ETag { get; set; }

    public string BlobName { get; set; } = "";
    public string? Title { get; set; }
    public string? Published { get; set; }
    public string? Section { get; set; }
    public string? Dateline { get; set; }
    public string? Source { get; set; }
    public string? Author { get; set; }

    public string Status { get; set; } = ArticleStatus.Pending;
    public string? Error { get; set; }

    /// <summary>True when the failure was transient (the trigger gave up after its retries): a retry may succeed.</summary>
    public bool Retriable { get; set; }
    public int Attempts { get; set; }
    public string? ContentHash { get; set; }
    public string? BlobETag { get; set; }

    /// <summary>Last-modified time of the blob version whose results are current: an older version never replaces them.</summary>
    public DateTimeOffset? BlobLastModified { get; set; }
    public long ContentLength { get; set; }
    public string? ExtractorVersion { get; set; }

    /// <summary>Which result rows are current; see <c>Results.ArticleStore</c>.</summary>
    public string? Generation { get; set; }

    public int EntityCount { get; set; }
    public int QuoteCount { get; set; }

    /// <summary>Ranked summary sentences as JSON (at most <c>Summary.MaxSentences</c> of the summarizer).</summary>
    public string? SummaryJson { get; set; }

    /// <summary>Key phrases as JSON, best first.</summary>
    public string? KeyPhrasesJson { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
}

/// <summary>The states of an article.</summary>
public static class ArticleStatus
{
    public const string Pending = "pending";
    public const string Processing = "processing";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";

    /// <summary>The blob was deleted and the article's results are being removed; the row goes last.</summary>
    public const string Deleting = "deleting";

    /// <summary>Every state, as the API and the command line list them.</summary>
    public const string Names = Pending + ", " + Processing + ", " + Succeeded + ", " + Failed + ", " + Deleting;

    public static bool IsKnown(string? status) => status is Pending or Processing or Succeeded or Failed or Deleting;
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Pipeline.Entities;
using Pipeline.Entities.Identity;
using Pipeline.Queries;
using Pipeline.Quotes;
using Pipeline.Storage;
using Pipeline.Storage.Rows;
using Pipeline.Summaries;
using Pipeline.Text;

namespace Pipeline.Results;

/// <summary>Maps extraction results to table rows and rows to API shapes.</summary>
public static class RowMapping
{
    public static string TypeName(EntityType type) => type.ToString();

    public static string TypeName(QuoteType type) => type switch
    {
        QuoteType.Direct => "direct",
        QuoteType.Unmarked => "unmarked",
        _ => "indirect",
    };

    public static ArticleEntityRow ToRow(this CanonicalEntity entity, string articleId, string generation, int rank) => new()
    {
        PartitionKey = articleId,
        RowKey = ResultRowKey(generation, rank),
        Key = entity.Key,
        Name = TableLimits.Cut(entity.Name, TableLimits.MaxNameChars),
        Type = TypeName(entity.Type),
        MentionCount = entity.MentionCount,
        Salience = entity.Salience,
        Mentions = FormatSpans(entity.Mentions),
        Identity = IndexIdentity(entity)?.Key,
    };

    /// <summary>The corpus-wide identity an entity is indexed under; null for dates, which stay with their article.</summary>
    public static EntityIdentity? IndexIdentity(CanonicalEntity entity) =>
        entity.Type == EntityType.Date ? null : EntityIdentity.Of(entity.Type, entity.Name);

    public static ArticleQuoteRow ToRow(this Quote quote, string articleId, string generation, int index)
    {
        var text = TableLimits.Cut(quote.Text, TableLimits.MaxQuoteChars, out bool truncated);
        return new ArticleQuoteRow
        {
            PartitionKey = articleId,
            RowKey = ResultRowKey(generation, index),
            Text = text,
            TextTruncated = truncated,
            Type = TypeName(quote.Type),
            Speaker = TableLimits.CutOrNull(quote.Speaker),
            SpeakerEntity = quote.SpeakerEntity,
            SpeakerStart = quote.SpeakerMention?.Start,
            SpeakerEnd = quote.SpeakerMention?.End,
            Cue = TableLimits.CutOrNull(quote.Cue, TableLimits.MaxPhraseChars),
            Start = quote.Span.Start,
            End = quote.Span.End,
            Parts = quote.Parts.Length > 1 ? FormatSpans(quote.Parts) : null,
            Paragraph = quote.Paragraph,
            SpeakerIndex = Results.SpeakerIndex.Of(quote),
        };
    }

    public static EntityDto ToDto(this ArticleEntityRow row)
    {
        var mentions = ParseMentions(row.Mentions);
        return new(row.Key, row.Name, row.Type, row.MentionCount, row.Salience, mentions, mentions.Length < row.MentionCount, row.Identity ?? row.Key);
    }

    public static QuoteDto ToDto(this ArticleQuoteRow row) =>
        new(row.Text, row.TextTruncated, row.Type, row.Speaker, row.SpeakerEntity,
            row.SpeakerStart is int s && row.SpeakerEnd is int e ? new MentionDto(s, e) : null,
            row.Cue, row.Start, row.End, row.Parts is null ? [new MentionDto(row.Start, row.End)] : ParseMentions(row.Parts), row.Paragraph);

    public static ArticleListItem ToListItem(this ArticleRow row) =>
        new(row.PartitionKey, row.Title, PublishedOrNull(row.Published), row.Section, row.Source, row.Dateline, row.Status, row.Error, row.EntityCount, row.QuoteCount);

    /// <summary>RowKey of a result row: generation first, so one generation is one RowKey range.</summary>
    public static string ResultRowKey(string generation, int index) =>
        string.Concat(generation, "|", index.ToString("D6", CultureInfo.InvariantCulture));

    /// <summary>
    /// The publication date as stored: <c>yyyy-MM-dd</c>, or empty when the article has none (an empty string sorts
    /// first and keeps the date filters' ranges simple).
    /// </summary>
    public static string FormatPublished(DateOnly? published) =>
        published?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    /// <summary>The publication date as the API gives it: null when the article has none, as every absent value.</summary>
    public static string? PublishedOrNull(string? stored) => string.IsNullOrEmpty(stored) ? null : stored;

    /// <summary>The ranked summary sentences, best first, as many as fit (texts cut, offsets exact).</summary>
    public static string SerializeSummary(IReadOnlyList<SummarySentence> ranked)
    {
        var dtos = new SummarySentenceDto[ranked.Count];
        for (int i = 0; i < dtos.Length; i++)
        {
            var s = ranked[i];
            var text = TableLimits.Cut(s.Text, TableLimits.MaxListedTextChars, out bool truncated);
            dtos[i] = new SummarySentenceDto(s.Index, s.Rank, s.Span.Start, s.Span.End, text, truncated);
        }
        return TableLimits.SerializeFitting(dtos, StorageJson.Default.SummarySentenceDto, out _);
    }

    public static SummarySentenceDto[] DeserializeSummary(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize(json, StorageJson.Default.SummarySentenceDtoArray) ?? [];

    public static KeyPhraseDto[] ToDtos(IReadOnlyList<KeyPhrase> phrases)
    {
        var dtos = new KeyPhraseDto[phrases.Count];
        for (int i = 0; i < dtos.Length; i++)
        {
            dtos[i] = new KeyPhraseDto(TableLimits.Cut(phrases[i].Text, TableLimits.MaxPhraseChars), Math.Round(phrases[i].Score, 4), phrases[i].Count);
        }
        return dtos;
    }

    /// <summary>The key phrases, best first, as many as fit.</summary>
    public static string SerializeKeyPhrases(IReadOnlyList<KeyPhrase> phrases) =>
        TableLimits.SerializeFitting(ToDtos(phrases), StorageJson.Default.KeyPhraseDto, out _);

    public static KeyPhraseDto[] DeserializeKeyPhrases(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize(json, StorageJson.Default.KeyPhraseDtoArray) ?? [];

    /// <summary>As many quotes, from the first, as fit in one property (texts cut); <paramref name="stored"/> says how many.</summary>
    public static string SerializeQuotes(IReadOnlyList<QuoteDto> quotes, out int stored)
    {
        var cut = new QuoteDto[quotes.Count];
        for (int i = 0; i < cut.Length; i++)
        {
            var quote = quotes[i];
            cut[i] = quote.Text.Length > TableLimits.MaxListedTextChars
                ? quote with { Text = TableLimits.Cut(quote.Text, TableLimits.MaxListedTextChars), TextTruncated = true }
                : quote;
        }
        return TableLimits.SerializeFitting(cut, StorageJson.Default.QuoteDto, out stored);
    }

    public static QuoteDto[] DeserializeQuotes(string? json) =>
        string.IsNullOrEmpty(json) ? [] : JsonSerializer.Deserialize(json, StorageJson.Default.QuoteDtoArray) ?? [];

    private static string FormatSpans(TextSpan[] mentions)
    {
        var sb = new StringBuilder(Math.Min(mentions.Length, TableLimits.MaxStoredMentions) * 10);
        for (int i = 0; i < mentions.Length && i < TableLimits.MaxStoredMentions; i++)
        {
            if (i > 0)
            {
                sb.Append(';');
            }
            sb.Append(mentions[i].Start).Append('-').Append(mentions[i].End);
        }
        return sb.ToString();
    }

    private static MentionDto[] ParseMentions(string value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return [];
        }
        var parts = value.Split(';');
        var result = new List<MentionDto>(parts.Length);
        foreach (var part in parts)
        {
            int dash = part.IndexOf('-');
            if (dash > 0 && int.TryParse(part.AsSpan(0, dash), CultureInfo.InvariantCulture, out int s)
                && int.TryParse(part.AsSpan(dash + 1), CultureInfo.InvariantCulture, out int e))
            {
                result.Add(new MentionDto(s, e));
            }
        }
        return [.. result];
    }
}

/// <summary>JSON stored inside table properties: camelCase, like the API.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SummarySentenceDto[]))]
[JsonSerializable(typeof(SummarySentenceDto))]
[JsonSerializable(typeof(QuoteDto[]))]
[JsonSerializable(typeof(QuoteDto))]
[JsonSerializable(typeof(KeyPhraseDto[]))]
[JsonSerializable(typeof(KeyPhraseDto))]
internal sealed partial class StorageJson : JsonSerializerContext;

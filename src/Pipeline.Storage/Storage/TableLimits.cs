using System.Collections.Concurrent;
using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Azure.Data.Tables;

namespace Pipeline.Storage;

/// <summary>
/// Table storage limits and how every row stays inside them whatever an article holds: 64 KiB per string property
/// (32K characters; Azurite refuses more), 1 MiB per entity, 255 properties, at most 100 actions of one partition and
/// 4 MiB per batch. What can grow is cut or capped here when a row is built, never left for storage to refuse.
/// </summary>
public static class TableLimits
{
    /// <summary>Longest string we write into one property, in characters; under the 32K characters of 64 KiB.</summary>
    public const int MaxPropertyChars = 30_000;

    /// <summary>Longest quote text stored in a row; the offsets always cover the whole quote.</summary>
    public const int MaxQuoteChars = 8_000;

    /// <summary>Longest text of a quote or summary sentence inside a JSON list property; the offsets stay exact.</summary>
    public const int MaxListedTextChars = 2_000;

    /// <summary>Longest title, name, speaker or other metadata value stored.</summary>
    public const int MaxNameChars = 1_000;

    /// <summary>Longest cue (the verb or phrase of an attribution) or key phrase stored.</summary>
    public const int MaxPhraseChars = 200;

    /// <summary>Mention (or quote part) offsets kept per row; the count stays exact.</summary>
    public const int MaxStoredMentions = 1_000;

    public const int MaxBatchActions = 100;

    /// <summary>
    /// Payload of one batch we allow ourselves: under the service's 4 MiB with room for the multipart framing, counted
    /// with <see cref="EstimatedPayloadBytes"/>, an upper bound.
    /// </summary>
    public const int MaxBatchPayloadBytes = 3 * 1024 * 1024;

    /// <summary>Cuts <paramref name="value"/> to <paramref name="max"/> characters without splitting a surrogate pair.</summary>
    public static string Cut(string value, int max, out bool truncated)
    {
        truncated = value.Length > max;
        if (!truncated)
        {
            return value;
        }
        int length = char.IsHighSurrogate(value[max - 1]) ? max - 1 : max;
        return value[..length];
    }

    public static string Cut(string value, int max = MaxPropertyChars) => Cut(value, max, out _);

    /// <summary><see cref="Cut(string, int)"/> that keeps null as null.</summary>
    public static string? CutOrNull(string? value, int max = MaxNameChars) => value is null ? null : Cut(value, max);

    /// <summary>
    /// A JSON array of as many of <paramref name="items"/>, from the first, as fit in one string property (lists are
    /// stored best first, so what is left out is what matters least). <paramref name="count"/> says how many.
    /// </summary>
    public static string SerializeFitting<T>(IReadOnlyList<T> items, JsonTypeInfo<T> item, out int count)
    {
        var json = new StringBuilder("[");
        count = 0;
        foreach (var value in items)
        {
            string one = JsonSerializer.Serialize(value, item);
            if (json.Length + one.Length + 2 > MaxPropertyChars)
            {
                break;
            }
            if (count++ > 0)
            {
                json.Append(',');
            }
            json.Append(one);
        }
        return json.Append(']').ToString();
    }

    /// <summary>
    /// An upper bound of the bytes an entity takes in a batch's JSON body: every character of a string counted as the
    /// six bytes of its longest escape (<c>\uXXXX</c>), every other value as 40.
    /// </summary>
    public static long EstimatedPayloadBytes(ITableEntity entity)
    {
        long bytes = 64 + 6L * (entity.PartitionKey.Length + entity.RowKey.Length);
        if (entity is IDictionary<string, object> properties)
        {
            foreach (var (name, value) in properties)
            {
                bytes += Estimate(name, value);
            }
            return bytes;
        }
        foreach (var property in Properties.GetOrAdd(entity.GetType(), Readable))
        {
            bytes += Estimate(property.Name, property.GetValue(entity));
        }
        return bytes;
    }

    private static long Estimate(string name, object? value) =>
        name.Length + 8 + (value is string s ? 6L * s.Length + 2 : 40);

    private static readonly ConcurrentDictionary<Type, PropertyInfo[]> Properties = new();

    private static PropertyInfo[] Readable(Type type) =>
        Array.FindAll(type.GetProperties(BindingFlags.Public | BindingFlags.Instance), p => p.CanRead && p.GetIndexParameters().Length == 0);
}

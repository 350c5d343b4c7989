namespace Pipeline.Storage;

/// <summary>
/// Table storage limits and how we stay inside them: 64 KiB per string property (Azurite refuses more than
/// 32K characters), 1 MiB per entity, at most 100 actions in one partition per batch.
/// </summary>
public static class TableLimits
{
    /// <summary>Longest string we write into one property, in characters; under Azurite's 32K.</summary>
    public const int MaxPropertyChars = 30_000;

    /// <summary>Longest quote text stored in a row; the offsets always cover the whole quote.</summary>
    public const int MaxQuoteChars = 8_000;

    /// <summary>Mention offsets kept per entity; the count stays exact.</summary>
    public const int MaxStoredMentions = 1_000;

    public const int MaxBatchActions = 100;

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
}

using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using Pipeline.Storage;

namespace Pipeline.Queries;

/// <summary>A position in a keyset-paged query: the last PartitionKey and RowKey returned.</summary>
public readonly record struct PagePosition(string PartitionKey, string RowKey);

/// <summary>
/// Opaque, signed continuation tokens. A token carries the last keys returned and the query it belongs to,
/// signed with HMAC-SHA256, so an edited token, or a token from another query, is refused rather than obeyed.
/// </summary>
public sealed class ContinuationTokens(IOptions<PipelineOptions> options)
{
    public const int MaxLength = 2_048;
    private const int MacBytes = 16;
    private readonly byte[] key = SHA256.HashData(Encoding.UTF8.GetBytes(options.Value.ContinuationTokenKey));

    public string Create(string scope, PagePosition position)
    {
        var payload = Encoding.UTF8.GetBytes(string.Join('\n', scope, position.PartitionKey, position.RowKey));
        return Base64Url.EncodeToString(payload) + "." + Base64Url.EncodeToString(Mac(payload));
    }

    /// <summary>
    /// The RowKey a page goes on from: null without a token; false for a token that is not one of this
    /// <paramref name="scope"/>'s.
    /// </summary>
    public bool TryReadRowKey(string? token, string scope, out string? rowKey)
    {
        rowKey = null;
        if (string.IsNullOrEmpty(token))
        {
            return true;
        }
        if (!TryRead(token, scope, out var position))
        {
            return false;
        }
        rowKey = position.RowKey;
        return true;
    }

    /// <summary>Reads a token made by <see cref="Create"/> for the same <paramref name="scope"/>.</summary>
    public bool TryRead(string token, string scope, out PagePosition position)
    {
        position = default;
        if (token.Length is 0 or > MaxLength)
        {
            return false;
        }
        int dot = token.IndexOf('.');
        if (dot <= 0)
        {
            return false;
        }
        byte[] payload, mac;
        try
        {
            payload = Base64Url.DecodeFromChars(token.AsSpan(0, dot));
            mac = Base64Url.DecodeFromChars(token.AsSpan(dot + 1));
        }
        catch (FormatException)
        {
            return false;
        }
        if (!CryptographicOperations.FixedTimeEquals(mac, Mac(payload)))
        {
            return false;
        }
        var parts = Encoding.UTF8.GetString(payload).Split('\n');
        if (parts.Length != 3 || parts[0] != scope)
        {
            return false;
        }
        position = new PagePosition(parts[1], parts[2]);
        return true;
    }

    private byte[] Mac(byte[] payload) => HMACSHA256.HashData(key, payload)[..MacBytes];
}

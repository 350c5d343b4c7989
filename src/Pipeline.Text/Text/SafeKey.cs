using System.Security.Cryptography;
using System.Text;

namespace Pipeline.Text;

/// <summary>
/// Turns arbitrary strings (blob names, entity names) into keys safe for Table storage and in a URL path: article
/// ids, and the keys of every table.
/// </summary>
/// <remarks>
/// Keys may not contain <c>/ \ # ?</c> or control characters, and URLs treat <c>%</c> and spaces
/// specially, so everything outside <c>[A-Za-z0-9._-]</c> is written as <c>~XX</c> per UTF-8 byte.
/// Because <c>~</c> itself is encoded, two different inputs never produce the same key. Inputs whose
/// encoding would pass <see cref="MaxLength"/> keep a readable prefix and end in <c>~~</c> plus a
/// SHA-256 digest of the whole input (<c>~~</c> cannot occur in a plain encoding).
/// </remarks>
public static class SafeKey
{
    /// <summary>Longest key produced; well under the 1 KiB key limit and friendly to URLs.</summary>
    public const int MaxLength = 200;
    private const int DigestChars = 32;
    private const int PrefixChars = MaxLength - DigestChars - 2;

    public static string Encode(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var sb = new StringBuilder(value.Length + 8);
        Span<byte> utf8 = stackalloc byte[4];
        for (int i = 0; i < value.Length; i++)
        {
            char c = value[i];
            if (IsPlain(c))
            {
                sb.Append(c);
                continue;
            }
            // Blob names arrive as valid UTF-8, so a lone surrogate (replaced by U+FFFD) cannot occur in practice.
            int pairLength = char.IsHighSurrogate(c) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]) ? 2 : 1;
            int length = Encoding.UTF8.GetBytes(value.AsSpan(i, pairLength), utf8);
            i += pairLength - 1;
            for (int b = 0; b < length; b++)
            {
                sb.Append('~').Append(HexDigit(utf8[b] >> 4)).Append(HexDigit(utf8[b] & 0xF));
            }
        }

        if (sb.Length <= MaxLength)
        {
            return sb.ToString();
        }

        // Cut on an escape boundary so no "~XX" is split.
        int cut = PrefixChars;
        if (sb[cut - 1] == '~')
        {
            cut -= 1;
        }
        else if (sb[cut - 2] == '~')
        {
            cut -= 2;
        }
        var digest = SHA256.HashData(Encoding.UTF8.GetBytes(value));
        return string.Concat(sb.ToString(0, cut), "~~", Convert.ToHexStringLower(digest)[..DigestChars]);
    }

    /// <summary>True when <paramref name="key"/> could have been produced by <see cref="Encode"/>.</summary>
    public static bool IsWellFormed(ReadOnlySpan<char> key)
    {
        if (key.IsEmpty || key.Length > MaxLength)
        {
            return false;
        }
        for (int i = 0; i < key.Length; i++)
        {
            char c = key[i];
            if (IsPlain(c))
            {
                continue;
            }
            if (c != '~')
            {
                return false;
            }
            if (i + 1 < key.Length && key[i + 1] == '~')
            {
                // Digest suffix: exactly DigestChars lower-case hex digits to the end.
                var digest = key[(i + 2)..];
                return digest.Length == DigestChars && IsLowerHex(digest);
            }
            if (i + 2 >= key.Length || !Uri.IsHexDigit(key[i + 1]) || !Uri.IsHexDigit(key[i + 2]))
            {
                return false;
            }
            i += 2;
        }
        return true;
    }

    private static bool IsPlain(char c) =>
        char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '-';

    private static bool IsLowerHex(ReadOnlySpan<char> s)
    {
        foreach (char c in s)
        {
            if (!char.IsAsciiDigit(c) && c is < 'a' or > 'f')
            {
                return false;
            }
        }
        return true;
    }

    private static char HexDigit(int value) => (char)(value < 10 ? '0' + value : 'A' + value - 10);
}

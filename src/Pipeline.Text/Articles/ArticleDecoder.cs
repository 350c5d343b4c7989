using System.Buffers;
using System.Text;
using System.Text.Unicode;

namespace Pipeline.Articles;

/// <summary>Turns the bytes of an uploaded file into text, or rejects them with a reason a user can act on.</summary>
public static class ArticleDecoder
{
    private static readonly (byte[] Magic, string Kind)[] BinarySignatures =
    [
        ([0x89, 0x50, 0x4E, 0x47], "a PNG image"),
        ([0xFF, 0xD8, 0xFF], "a JPEG image"),
        ([0x47, 0x49, 0x46, 0x38], "a GIF image"),
        ([0x50, 0x4B, 0x03, 0x04], "a ZIP archive (or an Office document)"),
        ([0x1F, 0x8B], "a gzip archive"),
        ([0x25, 0x50, 0x44, 0x46], "a PDF document"),
        ([0x7F, 0x45, 0x4C, 0x46], "an executable"),
    ];

    /// <summary>Decodes UTF-8 (with or without BOM) and UTF-16/UTF-32 with a BOM.</summary>
    /// <exception cref="ArticleRejectedException">The bytes are not text this pipeline can read.</exception>
    public static string Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.IsEmpty)
        {
            throw new ArticleRejectedException("The file is empty.");
        }
        foreach (var (magic, kind) in BinarySignatures)
        {
            if (bytes.StartsWith(magic))
            {
                throw new ArticleRejectedException($"The file is {kind}, not text.");
            }
        }

        string text = DecodeByBom(bytes);
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new ArticleRejectedException("The file holds only whitespace.");
        }
        RejectControlCharacters(text);
        return text;
    }

    private static string DecodeByBom(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return DecodeUtf8(bytes[3..], offsetBase: 3);
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return DecodeStrict(new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), bytes[4..], "UTF-32");
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return DecodeStrict(new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true), bytes[4..], "UTF-32");
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return DecodeStrict(new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), bytes[2..], "UTF-16");
        }
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return DecodeStrict(new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), bytes[2..], "UTF-16");
        }
        if (bytes.IndexOf((byte)0) >= 0)
        {
            throw new ArticleRejectedException(
                "The file contains NUL bytes: it is binary, or UTF-16 without a byte order mark. Save it as UTF-8.");
        }
        return DecodeUtf8(bytes, offsetBase: 0);
    }

    private static string DecodeUtf8(ReadOnlySpan<byte> bytes, int offsetBase)
    {
        char[] buffer = ArrayPool<char>.Shared.Rent(bytes.Length);
        try
        {
            var status = Utf8.ToUtf16(bytes, buffer, out int read, out int written, replaceInvalidSequences: false);
            if (status != OperationStatus.Done)
            {
                throw new ArticleRejectedException(
                    $"The file is not valid UTF-8 (invalid byte 0x{bytes[read]:X2} at offset {offsetBase + read}). Save it as UTF-8.");
            }
            return new string(buffer, 0, written);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }
    }

    private static string DecodeStrict(Encoding encoding, ReadOnlySpan<byte> bytes, string name)
    {
        try
        {
            return encoding.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw new ArticleRejectedException($"The file starts with a {name} byte order mark but is not valid {name}.");
        }
    }

    /// <summary>Text has tabs and line breaks; a file full of other control characters is binary.</summary>
    private static void RejectControlCharacters(string text)
    {
        int controls = 0;
        foreach (char c in text)
        {
            if (c == '\0')
            {
                throw new ArticleRejectedException("The file contains NUL characters: it is binary, not text.");
            }
            if (c < ' ' && c is not ('\t' or '\n' or '\r' or '\f' or '\v'))
            {
                controls++;
            }
        }
        if (controls > 16 && controls * 100L > text.Length)
        {
            throw new ArticleRejectedException($"The file holds {controls} control characters: it is binary, not text.");
        }
    }
}

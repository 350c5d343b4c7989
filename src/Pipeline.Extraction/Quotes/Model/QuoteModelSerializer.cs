using System.IO.Compression;
using Pipeline.Entities.Tagging;
using Pipeline.Text;

namespace Pipeline.Quotes;

/// <summary>
/// The quote model file: 4 magic bytes <c>QUOT</c>, a little-endian int32 format version, then a Brotli stream of
/// the metadata and, for the marked and the stripped model in turn, the cue words and the nine stages. A stage is its
/// label count, its keys sorted and delta-coded, then its weights zigzag-coded, all as 7-bit varints (like data next
/// to like data compresses best). Sorting makes the file depend only on the model, so training twice gives the same bytes.
/// </summary>
internal static class QuoteModelSerializer
{
    private static ReadOnlySpan<byte> Magic => "QUOT"u8;

    public static void Write(QuoteModel model, Stream stream)
    {
        stream.Write(Magic);
        Span<byte> version = stackalloc byte[4];
        BitConverter.TryWriteBytes(version, QuoteModel.FormatVersion);
        stream.Write(version);
        using var brotli = new BrotliStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        using var writer = new BinaryWriter(brotli);
        var metadata = model.Metadata.OrderBy(m => m.Key, StringComparer.Ordinal).ToList();
        writer.Write7BitEncodedInt(metadata.Count);
        foreach (var (key, value) in metadata)
        {
            writer.Write(key);
            writer.Write(value);
        }
        foreach (var variant in new[] { model.Marked, model.Stripped })
        {
            var words = Sorted(variant.CueWords);
            WriteKeys(writer, words);
            var (cue, cueSecond) = variant.CueStages();
            foreach (var stage in new[] { cue, cueSecond, variant.Content, variant.Link, variant.Source, variant.Verbatim, variant.Extension, variant.Part, variant.Breaks })
            {
                WriteStage(writer, stage);
            }
        }
    }

    public static QuoteModel Read(Stream stream)
    {
        Span<byte> header = stackalloc byte[8];
        if (stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false) < header.Length || !header[..4].SequenceEqual(Magic))
        {
            throw new InvalidDataException("Not a quote model (no QUOT header).");
        }
        int version = BitConverter.ToInt32(header[4..]);
        if (version != QuoteModel.FormatVersion)
        {
            throw new InvalidDataException($"Quote model version {version} is not supported (expected {QuoteModel.FormatVersion}).");
        }
        // Decompressed at once: read byte by byte, the Brotli stream costs a call into the decoder per varint byte.
        using var decompressed = new MemoryStream();
        using (var brotli = new BrotliStream(stream, CompressionMode.Decompress, leaveOpen: true))
        {
            brotli.CopyTo(decompressed);
        }
        decompressed.Position = 0;
        using var reader = new BinaryReader(decompressed);
        try
        {
            var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
            int count = reader.Read7BitEncodedInt();
            for (int i = 0; i < count; i++)
            {
                string key = reader.ReadString();
                metadata[key] = reader.ReadString();
            }
            var marked = ReadVariant(reader, lastLabels: true);
            var stripped = ReadVariant(reader, lastLabels: false);
            return new QuoteModel(marked, stripped, metadata);
        }
        catch (EndOfStreamException e)
        {
            throw new InvalidDataException("Quote model is truncated.", e);
        }
    }

    private static AttributionModel ReadVariant(BinaryReader reader, bool lastLabels)
    {
        var keys = ReadKeys(reader);
        var words = new HashIndex(keys.Length);
        foreach (var key in keys)
        {
            words.Set(key, 1);
        }
        // The two cue passes go into one table as they are read (AttributionModel.Cues).
        var (firstLabels, firstKeys, firstWeights) = ReadRows(reader);
        var (secondLabels, secondKeys, secondWeights) = ReadRows(reader);
        var cues = LinearModel.Concat(firstLabels, firstKeys, firstWeights, secondLabels, secondKeys, secondWeights);
        return new AttributionModel(words, cues, ReadStage(reader), ReadStage(reader), ReadStage(reader), ReadStage(reader), ReadStage(reader), ReadStage(reader), ReadStage(reader), lastLabels);
    }

    private static void WriteStage(BinaryWriter writer, LinearModel stage)
    {
        writer.Write7BitEncodedInt(stage.Labels);
        var (keys, weights) = stage.Rows();
        WriteKeys(writer, keys);
        foreach (int w in weights)
        {
            writer.Write7BitEncodedInt((w << 1) ^ (w >> 31));
        }
    }

    private static LinearModel ReadStage(BinaryReader reader)
    {
        var (labels, keys, weights) = ReadRows(reader);
        return LinearModel.From(labels, keys, weights);
    }

    /// <summary>A stage as written: its label count, its keys in ascending order, and their rows of weights.</summary>
    private static (int Labels, ulong[] Keys, short[] Weights) ReadRows(BinaryReader reader)
    {
        int labels = reader.Read7BitEncodedInt();
        if (labels is < 1 or > 64)
        {
            throw new InvalidDataException("Quote model has an impossible label count.");
        }
        var keys = ReadKeys(reader);
        var weights = new short[keys.Length * labels];
        for (int i = 0; i < weights.Length; i++)
        {
            uint zigzag = (uint)reader.Read7BitEncodedInt();
            weights[i] = (short)((int)(zigzag >> 1) ^ -(int)(zigzag & 1));
        }
        return (labels, keys, weights);
    }

    private static ulong[] Sorted(HashIndex index)
    {
        var entries = new List<KeyValuePair<ulong, int>>(index.Count);
        index.CopyTo(entries);
        var keys = entries.ConvertAll(e => e.Key).ToArray();
        Array.Sort(keys);
        return keys;
    }

    private static void WriteKeys(BinaryWriter writer, ulong[] sortedKeys)
    {
        writer.Write7BitEncodedInt(sortedKeys.Length);
        ulong previous = 0;
        foreach (var key in sortedKeys)
        {
            writer.Write7BitEncodedInt64((long)(key - previous));
            previous = key;
        }
    }

    private static ulong[] ReadKeys(BinaryReader reader)
    {
        int count = reader.Read7BitEncodedInt();
        if (count < 0)
        {
            throw new InvalidDataException("Quote model has a negative count.");
        }
        var keys = new ulong[count];
        ulong key = 0;
        for (int i = 0; i < count; i++)
        {
            key += (ulong)reader.Read7BitEncodedInt64();
            keys[i] = key;
        }
        return keys;
    }
}

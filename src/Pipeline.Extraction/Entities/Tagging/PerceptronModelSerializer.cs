using System.IO.Compression;
using System.Text;
using Pipeline.Text;

namespace Pipeline.Entities.Tagging;

/// <summary>
/// The model file: 4 magic bytes <c>NERP</c>, a little-endian int32 format version, then a Brotli stream holding
/// label count and stride, metadata, the feature table (sorted keys, delta-coded) with sparse weights, and the
/// gazetteer, case profile and cluster tables. Columns are written one after another (all keys, then all masks,
/// then all values) because like data next to like data compresses far better.
/// </summary>
internal static class PerceptronModelSerializer
{
    private static ReadOnlySpan<byte> Magic => "NERP"u8;

    public static void Write(PerceptronTaggerModel model, Stream stream)
    {
        stream.Write(Magic);
        Span<byte> version = stackalloc byte[4];
        BitConverter.TryWriteBytes(version, PerceptronTaggerModel.FormatVersion);
        stream.Write(version);

        var payload = new VarintWriter();
        payload.WriteInt(BilouLabels.Count);
        payload.WriteInt(PerceptronTaggerModel.Stride);
        payload.WriteInt(model.Metadata.Count);
        foreach (var (key, value) in model.Metadata)
        {
            payload.WriteString(key);
            payload.WriteString(value);
        }
        WriteFeatures(payload, model);
        WriteIndex(payload, model.Gazetteer.Entries);
        WriteIndex(payload, model.CaseProfile.Buckets);
        WriteIndex(payload, model.Clusters.Classes);
        WriteIndex(payload, model.NameLists.Entries);

        using var brotli = new BrotliStream(stream, CompressionLevel.SmallestSize, leaveOpen: true);
        brotli.Write(payload.Buffer, 0, payload.Length);
    }

    public static PerceptronTaggerModel Read(Stream stream)
    {
        Span<byte> header = stackalloc byte[8];
        stream.ReadExactly(header);
        if (!header[..4].SequenceEqual(Magic))
        {
            throw new InvalidDataException("Not an entity tagger model (bad magic).");
        }
        int version = BitConverter.ToInt32(header[4..]);
        if (version is < PerceptronTaggerModel.OldestReadableVersion or > PerceptronTaggerModel.FormatVersion)
        {
            throw new InvalidDataException($"Entity tagger model version {version} is not supported (expected {PerceptronTaggerModel.OldestReadableVersion} to {PerceptronTaggerModel.FormatVersion}).");
        }
        using var decompressed = new MemoryStream();
        using (var brotli = new BrotliStream(stream, CompressionMode.Decompress, leaveOpen: true))
        {
            brotli.CopyTo(decompressed);
        }
        var reader = new VarintReader(decompressed.GetBuffer(), (int)decompressed.Length);
        if (reader.ReadInt() != BilouLabels.Count || reader.ReadInt() != PerceptronTaggerModel.Stride)
        {
            throw new InvalidDataException("Entity tagger model has another label set.");
        }
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        int metadataCount = reader.ReadInt();
        for (int i = 0; i < metadataCount; i++)
        {
            string key = reader.ReadString();
            metadata[key] = reader.ReadString();
        }
        var (features, weights) = ReadFeatures(reader);
        var gazetteer = new Gazetteer(ReadIndex(reader));
        var caseProfile = new CaseProfile(ReadIndex(reader));
        var clusters = new WordClusters(ReadIndex(reader));
        // Version 1 predates the name lists: its features never read them.
        var nameLists = version >= 2 ? new Gazetteer(ReadIndex(reader)) : Gazetteer.Empty;
        return new PerceptronTaggerModel(features, weights, gazetteer, nameLists, clusters, caseProfile, metadata);
    }

    private static void WriteFeatures(VarintWriter writer, PerceptronTaggerModel model)
    {
        var entries = SortedEntries(model.Features);
        WriteKeys(writer, entries);
        const int stride = PerceptronTaggerModel.Stride;
        foreach (var (_, row) in entries)
        {
            ulong mask = 0;
            for (int l = 0; l < stride; l++)
            {
                if (model.Weights[row * stride + l] != 0)
                {
                    mask |= 1UL << l;
                }
            }
            writer.Write(mask);
        }
        foreach (var (_, row) in entries)
        {
            for (int l = 0; l < stride; l++)
            {
                short w = model.Weights[row * stride + l];
                if (w != 0)
                {
                    writer.Write((ulong)((w << 1) ^ (w >> 31)) & 0xFFFFFFFF);
                }
            }
        }
    }

    private static (HashIndex Features, short[] Weights) ReadFeatures(VarintReader reader)
    {
        const int stride = PerceptronTaggerModel.Stride;
        var keys = ReadKeys(reader);
        int count = keys.Length;
        var masks = new ulong[count];
        for (int i = 0; i < count; i++)
        {
            masks[i] = reader.Read();
        }
        var weights = new short[count * stride];
        var index = new HashIndex(count);
        for (int row = 0; row < count; row++)
        {
            for (int l = 0; l < stride; l++)
            {
                if ((masks[row] & (1UL << l)) != 0)
                {
                    uint zigzag = (uint)reader.Read();
                    weights[row * stride + l] = (short)((int)(zigzag >> 1) ^ -(int)(zigzag & 1));
                }
            }
            index.Set(keys[row], row);
        }
        return (index, weights);
    }

    private static void WriteIndex(VarintWriter writer, HashIndex index)
    {
        var entries = SortedEntries(index);
        WriteKeys(writer, entries);
        foreach (var (_, value) in entries)
        {
            writer.Write((uint)value);
        }
    }

    private static HashIndex ReadIndex(VarintReader reader)
    {
        var keys = ReadKeys(reader);
        int count = keys.Length;
        var index = new HashIndex(count);
        for (int i = 0; i < count; i++)
        {
            index.Set(keys[i], (int)(uint)reader.Read());
        }
        return index;
    }

    /// <summary>The keys of ascending <paramref name="entries"/>: their count, then each as its difference from the one before.</summary>
    private static void WriteKeys(VarintWriter writer, List<KeyValuePair<ulong, int>> entries)
    {
        writer.WriteInt(entries.Count);
        ulong previous = 0;
        foreach (var (key, _) in entries)
        {
            writer.Write(key - previous);
            previous = key;
        }
    }

    /// <summary>The keys <see cref="WriteKeys"/> wrote, ascending.</summary>
    private static ulong[] ReadKeys(VarintReader reader)
    {
        var keys = new ulong[reader.ReadInt()];
        ulong key = 0;
        for (int i = 0; i < keys.Length; i++)
        {
            key += reader.Read();
            keys[i] = key;
        }
        return keys;
    }

    private static List<KeyValuePair<ulong, int>> SortedEntries(HashIndex index)
    {
        var entries = new List<KeyValuePair<ulong, int>>(index.Count);
        index.CopyTo(entries);
        entries.Sort(static (a, b) => a.Key.CompareTo(b.Key));
        return entries;
    }

    /// <summary>LEB128 unsigned varints into a growable buffer.</summary>
    private sealed class VarintWriter
    {
        public byte[] Buffer = new byte[1 << 20];
        public int Length;

        public void Write(ulong value)
        {
            if (Length + 10 > Buffer.Length)
            {
                Array.Resize(ref Buffer, Buffer.Length * 2);
            }
            while (value >= 0x80)
            {
                Buffer[Length++] = (byte)(value | 0x80);
                value >>= 7;
            }
            Buffer[Length++] = (byte)value;
        }

        public void WriteInt(int value) => Write((uint)value);

        public void WriteString(string value)
        {
            var bytes = Encoding.UTF8.GetBytes(value);
            WriteInt(bytes.Length);
            foreach (var b in bytes)
            {
                Write(b);
            }
        }
    }

    private sealed class VarintReader(byte[] buffer, int length)
    {
        private int _position;

        public ulong Read()
        {
            ulong value = 0;
            int shift = 0;
            while (true)
            {
                if (_position >= length || shift > 63)
                {
                    throw new InvalidDataException("Entity tagger model is truncated or corrupt.");
                }
                byte b = buffer[_position++];
                value |= (ulong)(b & 0x7F) << shift;
                if (b < 0x80)
                {
                    return value;
                }
                shift += 7;
            }
        }

        public int ReadInt()
        {
            ulong value = Read();
            if (value > int.MaxValue)
            {
                throw new InvalidDataException("Entity tagger model has an out-of-range count.");
            }
            return (int)value;
        }

        public string ReadString()
        {
            int count = ReadInt();
            var bytes = new byte[count];
            for (int i = 0; i < count; i++)
            {
                bytes[i] = (byte)Read();
            }
            return Encoding.UTF8.GetString(bytes);
        }
    }
}

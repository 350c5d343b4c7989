using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Pipeline.Entities.Tagging;

namespace Pipeline.Quotes;

/// <summary>A feature template whose values are few: one value below <see cref="A"/>, or two below <see cref="A"/> and <see cref="B"/>.</summary>
internal readonly record struct DenseTemplate(int Template, int A, int B = 0);

/// <summary>
/// A stage's weights of the keys of templates with few values (<see cref="DenseTemplate"/>), read from tables by value
/// instead of hashed and looked up: the same weights as <see cref="LinearModel"/>'s, so a score adds up to the same.
/// A value outside a template's table is hashed as usual (<see cref="FeatureKeys.Add(int, ulong)"/>). Immutable, so
/// shared between threads. Each row is <see cref="Width"/> wide (zeros past <see cref="Labels"/>), so that adding one is a
/// single vector addition.
/// </summary>
internal sealed class DenseRows
{
    /// <summary>The width of a row, and the least length of the scores a row is added to.</summary>
    public const int Width = 8;

    private readonly int[]?[] _tables;
    private readonly int[] _a;
    private readonly int[] _b;

    public DenseRows(LinearModel model, ReadOnlySpan<DenseTemplate> templates)
        : this([model], templates)
    {
    }

    /// <summary>The rows of several stages side by side (<see cref="Labels"/> is the sum of theirs), for keys they share.</summary>
    public DenseRows(LinearModel[] models, ReadOnlySpan<DenseTemplate> templates)
    {
        Labels = models.Sum(m => m.Labels);
        if (Labels > Width)
        {
            throw new ArgumentException($"At most {Width} labels side by side.", nameof(models));
        }
        int size = 0;
        foreach (var t in templates)
        {
            size = Math.Max(size, t.Template + 1);
        }
        _tables = new int[]?[size];
        _a = new int[size];
        _b = new int[size];
        Span<int> row = stackalloc int[Labels];
        foreach (var t in templates)
        {
            int b = Math.Max(t.B, 1);
            var table = new int[t.A * b * Width];
            for (int x = 0; x < t.A; x++)
            {
                for (int y = 0; y < b; y++)
                {
                    ulong key = t.B == 0 ? FeatureHash.Key(t.Template, (ulong)x) : FeatureHash.Key(t.Template, (ulong)x, (ulong)y);
                    int offset = 0;
                    foreach (var model in models)
                    {
                        model.Row(key, row.Slice(offset, model.Labels));
                        offset += model.Labels;
                    }
                    row.CopyTo(table.AsSpan((x * b + y) * Width, Labels));
                }
            }
            _tables[t.Template] = table;
            _a[t.Template] = t.A;
            _b[t.Template] = t.B;
        }
    }

    public int Labels { get; }

    /// <summary>Adds the weights of the one-valued key <c>(template, value)</c> to <paramref name="scores"/> (at least <see cref="Width"/> long), when it has a table.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryAdd(int template, ulong value, int[] scores)
    {
        var tables = _tables;
        if ((uint)template >= (uint)tables.Length || tables[template] is not { } table || _b[template] != 0 || value >= (ulong)_a[template])
        {
            return false;
        }
        AddRow(table, (int)value, scores);
        return true;
    }

    /// <summary>Adds the weights of the two-valued key <c>(template, a, b)</c> to <paramref name="scores"/> (at least <see cref="Width"/> long), when it has a table.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryAdd(int template, ulong a, ulong b, int[] scores)
    {
        var tables = _tables;
        if ((uint)template >= (uint)tables.Length || tables[template] is not { } table)
        {
            return false;
        }
        int bCount = _b[template];
        if (bCount == 0 || a >= (ulong)_a[template] || b >= (ulong)bCount)
        {
            return false;
        }
        AddRow(table, (int)a * bCount + (int)b, scores);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void AddRow(int[] table, int index, int[] scores)
    {
        // Stored, not copied: CopyTo is a call with a vector argument, which ReadyToRun cannot compile, so every method
        // this is inlined into would wait for the JIT (docs/performance.md). Creating the vector checked the length.
        var row = Vector256.Create(table.AsSpan(index * Width, Width));
        (Vector256.Create(scores.AsSpan(0, Width)) + row).StoreUnsafe(ref MemoryMarshal.GetArrayDataReference(scores));
    }
}

using Pipeline.Text;
using Pipeline.Entities;
using Pipeline.Entities.Tagging;

namespace Pipeline.Evaluation.Entities.Training;

/// <summary>
/// Learns word clusters from unlabelled text with the predictive exchange algorithm (Uszkoreit &amp; Brants 2008):
/// words move between classes to maximize the likelihood of a class bigram model
/// <c>P(w | v) = P(w | class(w)) · P(class(w) | v)</c>. The objective's change for moving a word only involves its
/// predecessors, so an iteration is cheap. It runs at several granularities (coarse to fine) and each word's class
/// ids at all of them become features, standing in for the prefixes of a Brown cluster path.
/// </summary>
internal sealed class ClusterBuilder
{
    /// <summary>Words seen fewer times get no cluster: their contexts are too few to place them.</summary>
    public const int MinimumCount = 3;

    private const int Boundary = 0;

    private readonly Dictionary<ulong, int> _ids = new() { [0] = Boundary };
    private readonly List<ulong> _hashes = [0];
    private readonly List<int> _counts = [0];
    private readonly List<int> _stream = [Boundary];

    public void Add(TextDocument document)
    {
        foreach (var sentence in document.Sentences)
        {
            if (!FeatureExtractor.Bounds(sentence, document.Tokens.Length, out int first, out int end))
            {
                continue;
            }
            for (int t = first; t < end; t++)
            {
                ulong hash = FeatureHash.LowerChars(FeatureExtractor.Slice(document, document.Tokens[t]));
                if (!_ids.TryGetValue(hash, out int id))
                {
                    id = _hashes.Count;
                    _ids.Add(hash, id);
                    _hashes.Add(hash);
                    _counts.Add(0);
                }
                _counts[id]++;
                _stream.Add(id);
            }
            _stream.Add(Boundary);
        }
    }

    /// <summary>Clusters the collected text at each granularity in <see cref="WordClusters.Granularities"/>.</summary>
    public WordClusters Build(Action<string> log)
    {
        // Clustered words, most frequent first; every other word is one "rare" predecessor.
        var words = new List<int>();
        for (int id = 1; id < _counts.Count; id++)
        {
            if (_counts[id] >= MinimumCount)
            {
                words.Add(id);
            }
        }
        words.Sort((a, b) => _counts[b] != _counts[a] ? _counts[b].CompareTo(_counts[a]) : _hashes[a].CompareTo(_hashes[b]));
        var index = new int[_counts.Count]; // id → clustered index, or -1
        Array.Fill(index, -1);
        for (int i = 0; i < words.Count; i++)
        {
            index[words[i]] = i;
        }
        int rare = words.Count, boundary = words.Count + 1, predecessorCount = words.Count + 2;

        var predecessors = Predecessors(index, words.Count, rare, boundary);
        var wordCounts = new int[words.Count];
        for (int i = 0; i < words.Count; i++)
        {
            wordCounts[i] = _counts[words[i]];
        }
        var granularities = WordClusters.Granularities;
        var classes = new int[granularities.Length][];
        for (int g = 0; g < granularities.Length; g++)
        {
            classes[g] = Exchange(predecessors, wordCounts, predecessorCount, Math.Min(granularities[g], words.Count), log);
        }
        var paths = new HashIndex(words.Count);
        for (int i = 0; i < words.Count; i++)
        {
            int packed = 0;
            for (int g = 0; g < granularities.Length; g++)
            {
                packed |= classes[g][i] << WordClusters.Shift(g);
            }
            paths.Set(_hashes[words[i]], packed);
        }
        log($"clusters: {words.Count} words (seen ≥ {MinimumCount} times in {_stream.Count} tokens) at {string.Join('/', granularities.ToArray())} classes");
        return new WordClusters(paths);
    }

    /// <summary>For each clustered word, its distinct predecessors (clustered index, rare or boundary) with bigram counts.</summary>
    private (int Predecessor, int Count)[][] Predecessors(int[] index, int wordCount, int rare, int boundary)
    {
        var pairs = new Dictionary<long, int>();
        for (int i = 1; i < _stream.Count; i++)
        {
            int w = index[_stream[i]];
            if (w < 0)
            {
                continue;
            }
            int previous = _stream[i - 1];
            int v = previous == Boundary ? boundary : index[previous] >= 0 ? index[previous] : rare;
            long key = (long)w * (wordCount + 2) + v;
            pairs[key] = pairs.GetValueOrDefault(key) + 1;
        }
        var lists = new List<(int, int)>[wordCount];
        for (int w = 0; w < wordCount; w++)
        {
            lists[w] = [];
        }
        foreach (var (key, count) in pairs)
        {
            lists[(int)(key / (wordCount + 2))].Add(((int)(key % (wordCount + 2)), count));
        }
        var result = new (int, int)[wordCount][];
        for (int w = 0; w < wordCount; w++)
        {
            lists[w].Sort();
            result[w] = lists[w].ToArray();
        }
        return result;
    }

    private static int[] Exchange((int Predecessor, int Count)[][] predecessors, int[] counts, int predecessorCount, int k, Action<string> log)
    {
        int words = counts.Length;
        var classOf = new int[words];
        for (int w = 0; w < words; w++)
        {
            classOf[w] = w % k;
        }
        var pairCounts = new int[(long)predecessorCount * k > int.MaxValue ? throw new InvalidOperationException("Too many clusters.") : predecessorCount * k];
        var classCounts = new long[k];
        for (int w = 0; w < words; w++)
        {
            classCounts[classOf[w]] += counts[w];
            foreach (var (v, n) in predecessors[w])
            {
                pairCounts[v * k + classOf[w]] += n;
            }
        }
        var gain = new double[k];
        for (int iteration = 1; iteration <= 15; iteration++)
        {
            int moves = 0;
            for (int w = 0; w < words; w++)
            {
                int from = classOf[w];
                foreach (var (v, n) in predecessors[w])
                {
                    pairCounts[v * k + from] -= n;
                }
                classCounts[from] -= counts[w];
                for (int c = 0; c < k; c++)
                {
                    gain[c] = XLogX(classCounts[c]) - XLogX(classCounts[c] + counts[w]);
                }
                foreach (var (v, n) in predecessors[w])
                {
                    var row = pairCounts.AsSpan(v * k, k);
                    for (int c = 0; c < k; c++)
                    {
                        int m = row[c];
                        gain[c] += XLogX(m + n) - XLogX(m);
                    }
                }
                int best = from;
                for (int c = 0; c < k; c++)
                {
                    if (gain[c] > gain[best] + 1e-9)
                    {
                        best = c;
                    }
                }
                if (best != from)
                {
                    moves++;
                }
                classOf[w] = best;
                foreach (var (v, n) in predecessors[w])
                {
                    pairCounts[v * k + best] += n;
                }
                classCounts[best] += counts[w];
            }
            log($"  exchange k={k} iteration {iteration}: {moves} moves");
            if (moves * 1000 < words)
            {
                break;
            }
        }
        return classOf;
    }

    private static readonly double[] XLogXTable = BuildTable();

    private static double XLogX(long x) => x < XLogXTable.Length ? XLogXTable[x] : x * Math.Log(x);

    private static double[] BuildTable()
    {
        var table = new double[1 << 16];
        for (int i = 1; i < table.Length; i++)
        {
            table[i] = i * Math.Log(i);
        }
        return table;
    }
}

using System.Collections.Frozen;
using Pipeline.Text;

namespace Pipeline.Summaries;

/// <summary>
/// The features a sentence is scored on. All of them read normalized words, quote marks and positions only, never
/// capital letters or how punctuation is spaced, so a raw article and its tokenized, lower-cased copy get the same
/// numbers. Positions count body sentences (after any dateline or byline).
/// </summary>
internal static class SentenceFeatures
{
    /// <summary>Feature names, in vector order; the model file refers to features by these names.</summary>
    public static readonly string[] Names =
    [
        "pos0", "pos1", "pos2", "pos3", "pos4", "pos_relative", "pos_log",
        "length", "length_sq", "short", "long",
        "centrality", "doc_similarity", "lead_similarity", "term_salience", "content_ratio",
        "quoted_fraction", "has_quote", "attribution", "has_number", "question", "first_person", "second_person",
        "starts_connective", "near_end", "pos0_short", "pos0_length",
        "pos5", "pos6_9", "length_relative", "bigram_centrality", "topic_words", "centrality_early", "length_log_pos",
    ];

    public static int Count => Names.Length;

    /// <summary>Words that open a sentence leaning on the one before (a pronoun or connective).</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Connectives = WordLists.Set(typeof(SentenceFeatures).Assembly, "Pipeline.Summaries.Lexicons.connectives.txt", StringComparer.Ordinal);

    /// <summary>
    /// Fills <paramref name="features"/> (row-major, <see cref="Count"/> per sentence) for sentences
    /// <c>[document.HeaderSentences, candidates)</c>; other rows are left as they are.
    /// </summary>
    public static void Compute(TextDocument document, DocumentTerms terms, int candidates, Span<float> features)
    {
        int body = document.HeaderSentences;
        int n = candidates - body;
        if (n <= 0)
        {
            return;
        }
        var vectors = terms.Vectors;
        var documentVector = new float[terms.TermCount];
        for (int s = body; s < candidates; s++)
        {
            foreach (int id in terms.Content[s])
            {
                documentVector[id]++;
            }
        }
        double documentNorm = 0;
        foreach (float v in documentVector)
        {
            documentNorm += v * v;
        }

        var centrality = Centrality(vectors, body, candidates, terms.TermCount);

        double meanWords = 0;
        for (int s = body; s < candidates; s++)
        {
            meanWords += terms.Words[s];
        }
        meanWords /= n;
        var bigramSentences = BigramSentences(terms, body, candidates);

        var text = document.Text;
        for (int s = body; s < candidates; s++)
        {
            var row = features.Slice(s * Count, Count);
            int k = s - body;
            int words = terms.Words[s];
            var content = terms.Content[s];
            row[0] = k == 0 ? 1 : 0;
            row[1] = k == 1 ? 1 : 0;
            row[2] = k == 2 ? 1 : 0;
            row[3] = k == 3 ? 1 : 0;
            row[4] = k == 4 ? 1 : 0;
            row[5] = n > 1 ? (float)k / (n - 1) : 0;
            row[6] = MathF.Log(1 + k);
            float length = words / 25f;
            row[7] = length;
            row[8] = length * length;
            row[9] = words < 12 ? 1 : 0;
            row[10] = words > 40 ? 1 : 0;
            row[11] = n > 1 ? (float)(centrality[s] / (n - 1)) : 0;
            row[12] = (float)DocumentSimilarity(vectors[s], documentVector, documentNorm);
            row[13] = k > 0 ? (float)SparseVector.Cosine(vectors[s], vectors[body]) : 0;
            row[14] = (float)Salience(content, terms);
            row[15] = words > 0 ? (float)content.Length / words : 0;
            row[16] = words > 0 ? (float)terms.QuotedWords[s] / words : 0;
            var scan = ScanTokens(document, document.Sentences[s], text);
            row[17] = terms.HasQuoteMark[s] ? 1 : 0;
            row[18] = scan.Attribution ? 1 : 0;
            row[19] = scan.HasNumber ? 1 : 0;
            row[20] = scan.Question ? 1 : 0;
            row[21] = terms.FirstPerson[s] ? 1 : 0;
            row[22] = terms.SecondPerson[s] ? 1 : 0;
            row[23] = scan.StartsConnective ? 1 : 0;
            row[24] = k >= n - 2 && n > 3 ? 1 : 0;
            row[25] = k == 0 && words < 12 ? 1 : 0;
            row[26] = k == 0 ? length : 0;
            row[27] = k == 5 ? 1 : 0;
            row[28] = k is >= 6 and <= 9 ? 1 : 0;
            row[29] = meanWords > 0 ? (float)(words / meanWords) : 0;
            row[30] = (float)BigramShare(content, bigramSentences);
            row[31] = (float)TopicShare(content, terms);
            row[32] = k < 5 ? row[11] : 0;
            row[33] = length * row[6];
        }
    }

    /// <summary>
    /// Per sentence, the sum of its cosine similarities with every other sentence, in one pass over the words rather than
    /// one per pair: Σ_b cos(a, b) = (a / |a|) · Σ_b (b / |b|), less the sentence's similarity with itself (1).
    /// </summary>
    private static double[] Centrality(SparseVector[] vectors, int body, int candidates, int termCount)
    {
        var centrality = new double[candidates];
        var unitSum = new double[termCount];
        for (int s = body; s < candidates; s++)
        {
            var v = vectors[s];
            if (v.NormSquared == 0)
            {
                continue;
            }
            double inverse = 1 / Math.Sqrt(v.NormSquared);
            for (int i = 0; i < v.Ids.Length; i++)
            {
                unitSum[v.Ids[i]] += v.Counts[i] * inverse;
            }
        }
        for (int s = body; s < candidates; s++)
        {
            var v = vectors[s];
            if (v.NormSquared == 0)
            {
                continue;
            }
            double dot = 0;
            for (int i = 0; i < v.Ids.Length; i++)
            {
                dot += v.Counts[i] * unitSum[v.Ids[i]];
            }
            centrality[s] = Math.Max(0, dot / Math.Sqrt(v.NormSquared) - 1);
        }
        return centrality;
    }

    private static long Bigram(int a, int b) => ((long)a << 32) | (uint)b;

    /// <summary>For each pair of consecutive content words, how many sentences hold it.</summary>
    private static Dictionary<long, int> BigramSentences(DocumentTerms terms, int body, int candidates)
    {
        int pairs = 0;
        for (int s = body; s < candidates; s++)
        {
            pairs += Math.Max(0, terms.Content[s].Length - 1);
        }
        var counts = new Dictionary<long, int>(pairs); // sized once: no rehashing as it fills
        var seen = new HashSet<long>();
        for (int s = body; s < candidates; s++)
        {
            seen.Clear();
            var c = terms.Content[s];
            for (int i = 1; i < c.Length; i++)
            {
                long key = Bigram(c[i - 1], c[i]);
                if (seen.Add(key))
                {
                    System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(counts, key, out _)++;
                }
            }
        }
        return counts;
    }

    /// <summary>Share of the sentence's content-word pairs that recur in another sentence: repeated phrases are the story.</summary>
    private static double BigramShare(int[] content, Dictionary<long, int> bigramSentences)
    {
        if (content.Length < 2)
        {
            return 0;
        }
        int shared = 0;
        for (int i = 1; i < content.Length; i++)
        {
            if (bigramSentences.GetValueOrDefault(Bigram(content[i - 1], content[i])) > 1)
            {
                shared++;
            }
        }
        return (double)shared / (content.Length - 1);
    }

    /// <summary>Share of the sentence's content words that appear in at least three sentences (the topic words).</summary>
    private static double TopicShare(int[] content, DocumentTerms terms)
    {
        if (content.Length == 0)
        {
            return 0;
        }
        int topic = 0;
        foreach (int id in content)
        {
            if (terms.TermSentences[id] >= 3)
            {
                topic++;
            }
        }
        return (double)topic / content.Length;
    }

    /// <summary>Cosine with the document's term counts less the sentence's own.</summary>
    private static double DocumentSimilarity(SparseVector sentence, float[] documentVector, double documentNorm)
    {
        if (sentence.Ids.Length == 0)
        {
            return 0;
        }
        double dot = 0, restNorm = documentNorm;
        for (int i = 0; i < sentence.Ids.Length; i++)
        {
            float d = documentVector[sentence.Ids[i]];
            float own = sentence.Counts[i];
            float rest = d - own;
            dot += own * rest;
            restNorm += rest * rest - d * d;
        }
        return restNorm > 0 ? dot / Math.Sqrt(restNorm * sentence.NormSquared) : 0;
    }

    /// <summary>Mean log-frequency of the sentence's content words elsewhere in the document.</summary>
    private static double Salience(int[] content, DocumentTerms terms)
    {
        if (content.Length == 0)
        {
            return 0;
        }
        double sum = 0;
        foreach (int id in content)
        {
            sum += Math.Log(terms.TermTotal[id]); // 0 for a word used once
        }
        return sum / content.Length;
    }

    private readonly record struct TokenScan(bool Attribution, bool HasNumber, bool Question, bool StartsConnective);

    private static TokenScan ScanTokens(TextDocument document, Sentence sentence, string text)
    {
        bool attribution = false, number = false, question = false, connective = false, seenWord = false;
        Span<char> lower = stackalloc char[16];
        for (int t = sentence.FirstToken; t < sentence.EndToken; t++)
        {
            var token = document.Tokens[t];
            var s = token.Slice(text);
            if (token.Kind == TokenKind.Punctuation)
            {
                question |= s.Length > 0 && s[0] is '?' or '!';
                continue;
            }
            if (token.Kind == TokenKind.Number)
            {
                number = true;
            }
            if (token.Kind != TokenKind.Word || s.Length > lower.Length)
            {
                continue;
            }
            var w = lower[..s.Length];
            s.ToLowerInvariant(w);
            if (!seenWord)
            {
                seenWord = true;
                connective = Connectives.Contains(w);
            }
            attribution |= w is "said" or "says" or "told" or "according" or "added" or "explained";
        }
        return new TokenScan(attribution, number, question, connective);
    }
}

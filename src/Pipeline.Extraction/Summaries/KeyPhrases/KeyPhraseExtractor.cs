using Pipeline.Articles;
using Pipeline.Text;

namespace Pipeline.Summaries;

/// <summary>
/// The top key phrases of an article, ranked and deduplicated: names and noun phrases (see
/// <see cref="PhraseCandidates"/>) scored by how often they occur, how early they first occur, whether the
/// title uses them, and length (a repeated two-word phrase says more than either word). A shorter form of a name
/// counts for its fullest form (<c>Netanyahu</c> for <c>Benjamin Netanyahu</c>); a word that mostly occurs inside
/// a longer phrase gives way to it. Works on lower-cased text too, with noun phrases only. Stateless, thread-safe.
/// </summary>
public sealed class KeyPhraseExtractor
{
    public const int DefaultCount = 10;

    /// <summary>Only the first sentences are read: what an article is about shows early, and this bounds the cost.</summary>
    public const int MaxSentences = 300;

    public IReadOnlyList<KeyPhrase> Extract(TextDocument document, ArticleMetadata? metadata = null, int count = DefaultCount)
    {
        if (count <= 0 || document.Sentences.Length <= document.HeaderSentences)
        {
            return [];
        }
        var phrases = PhraseTable.Rent();
        try
        {
            return Extract(document, metadata, count, phrases);
        }
        finally
        {
            PhraseTable.Return(phrases);
        }
    }

    private static List<KeyPhrase> Extract(TextDocument document, ArticleMetadata? metadata, int count, PhraseTable phrases)
    {
        bool caseless = TextStyle.Detect(document.Text, document.Tokens).Caseless;
        PhraseCandidates.Collect(document, caseless, MaxSentences, phrases);
        var title = TitleStems(metadata?.Title, phrases.TitleStems);
        MergeNames(phrases);

        var containing = LongestCounts(phrases);
        var scored = phrases.Scored;
        for (int i = 0; i < phrases.Count; i++)
        {
            var stats = phrases[i];
            double score = Score(stats, title, containing);
            if (score > 0)
            {
                scored.Add((stats, score));
            }
        }
        scored.Sort((a, b) => b.Score != a.Score ? b.Score.CompareTo(a.Score) : a.Stats.FirstSentence.CompareTo(b.Stats.FirstSentence));

        var result = new List<KeyPhrase>(count);
        var chosen = new List<PhraseStats>(count);
        foreach (var (stats, score) in scored)
        {
            if (result.Count == count)
            {
                break;
            }
            if (Overlaps(stats.Stems, chosen))
            {
                continue; // "aid" after "humanitarian aid", or the reverse
            }
            chosen.Add(stats);
            result.Add(new KeyPhrase(stats.Text(document), Math.Round(score, 4), stats.Count));
        }
        return result;
    }

    private static double Score(PhraseStats stats, HashSet<int> title, Dictionary<int, int> containing)
    {
        if (stats.Count == 0)
        {
            return 0; // merged into a fuller name
        }
        bool inTitle = title.Count > 0 && AllIn(stats.Stems, title);
        int words = stats.Stems.Length;
        if (!stats.Proper && stats.Count < 2 && !inTitle)
        {
            return 0; // a lower-case phrase said once is not what the article is about
        }
        if (stats.Proper && stats.Count < 2 && !inTitle && stats.FirstSentence > 3)
        {
            return 0;
        }
        double count = stats.Count;
        if (words == 1 && !stats.Proper)
        {
            // A word mostly used inside one longer phrase ("aid" in "humanitarian aid") is that phrase.
            count -= 0.75 * containing.GetValueOrDefault(stats.Stems[0]);
            if (count <= 1)
            {
                return 0;
            }
        }
        double frequency = 1 + Math.Log(count);
        double position = 1 + 1.0 / (1 + stats.FirstSentence / 3.0);
        double length = words switch { 1 => 1.0, 2 => 1.35, _ => 1.45 };
        // Names and multiword phrases are more specific than a single common noun.
        double kind = stats.Proper ? 1.15 : words == 1 ? 0.85 : 1.0;
        return frequency * position * length * kind * (inTitle ? 1.5 : 1.0);
    }

    /// <summary>For each word, the highest count of a longer phrase holding it.</summary>
    private static Dictionary<int, int> LongestCounts(PhraseTable phrases)
    {
        var max = phrases.LongestCounts;
        for (int i = 0; i < phrases.Count; i++)
        {
            var phrase = phrases[i];
            if (phrase.Stems.Length > 1)
            {
                foreach (int stem in phrase.Stems)
                {
                    if (phrase.Count > max.GetValueOrDefault(stem))
                    {
                        max[stem] = phrase.Count;
                    }
                }
            }
        }
        return max;
    }

    /// <summary>
    /// Folds a name into the fullest name that contains it (<c>Netanyahu</c> into <c>Benjamin Netanyahu</c>); when
    /// several contain it, into the most frequent. Lower-case phrases are left alone.
    /// </summary>
    private static void MergeNames(PhraseTable phrases)
    {
        var names = phrases.Names;
        for (int i = 0; i < phrases.Count; i++)
        {
            var p = phrases[i];
            if (p.Proper)
            {
                names.Add(p);
            }
        }
        names.Sort((a, b) => a.Stems.Length.CompareTo(b.Stems.Length));
        foreach (var shorter in names)
        {
            PhraseStats? target = null;
            foreach (var longer in names)
            {
                if (longer.Stems.Length > shorter.Stems.Length && longer.Count > 0 && Contains(longer.Stems, shorter.Stems)
                    && (target is null || longer.Count > target.Count))
                {
                    target = longer;
                }
            }
            if (target is not null)
            {
                target.Count += shorter.Count;
                target.FirstSentence = Math.Min(target.FirstSentence, shorter.FirstSentence);
                shorter.Count = 0;
            }
        }
    }

    private static bool Contains(ReadOnlySpan<int> longer, ReadOnlySpan<int> shorter)
    {
        for (int start = 0; start + shorter.Length <= longer.Length; start++)
        {
            if (longer.Slice(start, shorter.Length).SequenceEqual(shorter))
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>Shares a word with a chosen phrase: key phrases should not repeat one another.</summary>
    private static bool Overlaps(ReadOnlySpan<int> stems, List<PhraseStats> chosen)
    {
        foreach (var other in chosen)
        {
            foreach (int id in stems)
            {
                if (other.Stems.Contains(id))
                {
                    return true;
                }
            }
        }
        return false;
    }

    private static bool AllIn(ReadOnlySpan<int> stems, HashSet<int> title)
    {
        foreach (int id in stems)
        {
            if (!title.Contains(id))
            {
                return false;
            }
        }
        return true;
    }

    private static HashSet<int> TitleStems(string? title, HashSet<int> stems)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return stems;
        }
        foreach (var token in Tokenizer.Tokenize(title))
        {
            if (token.Kind == TokenKind.Word && TermVocabulary.IdOfSurface(token.Slice(title)) is >= 0 and var id)
            {
                stems.Add(id);
            }
        }
        return stems;
    }
}

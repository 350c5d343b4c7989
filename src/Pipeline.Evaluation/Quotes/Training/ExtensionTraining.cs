using Pipeline.Quotes;

namespace Pipeline.Evaluation.Quotes.Training;

/// <summary>
/// The sentence-extension instances of the training articles: for each gold attribution, the whole sentences of its
/// content on either side of the sentence nearest its cue (go on), and the first free sentence past its content (stop).
/// </summary>
internal static class ExtensionTraining
{
    public static RankingSet Instances(IReadOnlyList<TrainingArticle> articles)
    {
        var set = new RankingSet();
        var keys = new FeatureKeys();
        var cues = new CueContext();
        foreach (var article in articles)
        {
            var x = article.Text;
            var sentences = x.Document.Sentences;
            cues.Load(x, article.PredictedCues.AsSpan(0, x.Count));
            var owner = new int[x.Count];
            Array.Fill(owner, -1);
            for (int r = 0; r < article.Relations.Count; r++)
            {
                foreach (var (start, end) in article.Relations[r].Parts)
                {
                    owner.AsSpan(start, end - start).Fill(r);
                }
            }
            for (int r = 0; r < article.Relations.Count; r++)
            {
                var relation = article.Relations[r];
                int core = x.SentenceOf[relation.Cue.Start];
                int paragraph = sentences[core].Paragraph;
                int first = x.SentenceOf[relation.Parts[0].Start], last = x.SentenceOf[relation.Parts[^1].End - 1];
                if (first > core + 1 || last < core - 1 || sentences[first].Paragraph != paragraph || sentences[last].Paragraph != paragraph)
                {
                    continue; // content away from its cue's sentence: not the shape extension grows
                }
                int anchor = Math.Clamp(core, first, last);
                for (int s = anchor - 1; s >= anchor - ExtensionFeatures.MaxSentences && s >= 0; s--)
                {
                    bool inside = s >= first && Covered(x, owner, r, s) && !(s == first && relation.Parts[0].Start > sentences[s].FirstToken + 1);
                    if (!inside && !Free(x, cues, owner, r, s, paragraph))
                    {
                        break;
                    }
                    Add(set, x, keys, s, core, relation.Cue.Start, backward: true, inside);
                    if (!inside)
                    {
                        break;
                    }
                }
                for (int s = anchor + 1; s <= anchor + ExtensionFeatures.MaxSentences && s < sentences.Length; s++)
                {
                    bool inside = s <= last && Covered(x, owner, r, s);
                    if (!inside && !Free(x, cues, owner, r, s, paragraph))
                    {
                        break;
                    }
                    Add(set, x, keys, s, core, relation.Cue.Start, backward: false, inside);
                    if (!inside)
                    {
                        break;
                    }
                }
            }
        }
        return set;
    }

    private static void Add(RankingSet set, AttributionText x, FeatureKeys keys, int sentence, int core, int cueStart, bool backward, bool inside)
    {
        ExtensionFeatures.EmitStop(keys);
        set.AddCandidate(keys, !inside);
        ExtensionFeatures.Emit(x, sentence, core, cueStart, backward, keys);
        set.AddCandidate(keys, inside);
        set.EndInstance();
    }

    /// <summary>Most of the sentence's tokens are relation <paramref name="relation"/>'s content.</summary>
    private static bool Covered(AttributionText x, int[] owner, int relation, int sentence)
    {
        var s = x.Document.Sentences[sentence];
        int own = 0;
        for (int t = s.FirstToken; t < s.EndToken; t++)
        {
            own += owner[t] == relation ? 1 : 0;
        }
        return 2 * own > s.TokenCount;
    }

    /// <summary>As <see cref="ExtensionFeatures.IsFree"/>, with the relation's own content counting as free.</summary>
    private static bool Free(AttributionText x, CueContext cues, int[] owner, int relation, int sentence, int paragraph)
    {
        var sentences = x.Document.Sentences;
        if (sentences[sentence].Paragraph != paragraph || cues.SentenceCues[sentence] > 0)
        {
            return false;
        }
        for (int t = sentences[sentence].FirstToken; t < sentences[sentence].EndToken; t++)
        {
            if (owner[t] >= 0 && owner[t] != relation)
            {
                return false;
            }
        }
        return true;
    }
}

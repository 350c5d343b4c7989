using Pipeline.Entities.Tagging;

namespace Pipeline.Quotes;

/// <summary>
/// A word that may be a cue's source, with what lies between it and the cue: commas, quotation marks, content,
/// other cues, and how many other possible sources (names, pronouns, source nouns) are nearer.
/// </summary>
internal readonly record struct SourceCandidate(int Token, int Distance, bool After, bool Comma, bool Mark, bool Content, bool OtherCue, int NearerSources);

/// <summary>
/// The source chosen by ranking the words around a cue, from the sentence before it (same paragraph) to the end of
/// the cue's sentence, plus "no source": each candidate's word, class, shape and entity, its direction and distance
/// from the cue, whether it sits in content (the cue's own or another's), and what lies between.
/// </summary>
internal static class SourceFeatures
{
    private const int MaxBefore = 40;
    private const int MaxAfter = 30;

    private const int Bias = 1, Where = 2, Word = 3, Class = 4, ShapeEntity = 5, PreviousWord = 6, NextWord = 7, Between = 8,
        InContent = 9, CueWord = 10, EntityWhere = 11, ClassWhere = 12, Nothing = 13, NothingCue = 14, Nearer = 15, WordWhere = 16;

    /// <summary>
    /// The candidates of cue <paramref name="cueIndex"/>; <paramref name="owner"/> holds per token the cue whose content
    /// it is, or -1.
    /// </summary>
    public static void Candidates(AttributionText x, CueContext cues, ReadOnlySpan<int> owner, int cueIndex, List<SourceCandidate> output)
    {
        output.Clear();
        var (cueStart, cueEnd) = cues.Spans[cueIndex];
        var document = x.Document;
        int s = x.SentenceOf[cueStart];
        int paragraph = document.Sentences[s].Paragraph;
        int from = document.Sentences[s].FirstToken;
        if (s > 0 && document.Sentences[s - 1].Paragraph == paragraph)
        {
            from = document.Sentences[s - 1].FirstToken;
        }
        from = Math.Max(from, cueStart - MaxBefore);
        int to = Math.Min(document.Sentences[x.SentenceOf[cueEnd - 1]].EndToken, cueEnd + MaxAfter);
        Walk(x, cues, owner, cueStart - 1, from - 1, -1, false, output);
        Walk(x, cues, owner, cueEnd, to, +1, true, output);
    }

    private static void Walk(AttributionText x, CueContext cues, ReadOnlySpan<int> owner, int start, int stop, int step, bool after, List<SourceCandidate> output)
    {
        bool comma = false, mark = false, inContent = false, otherCue = false;
        int nearer = 0;
        for (int t = start; t != stop; t += step)
        {
            if (x.Document.Tokens[t].Kind == Text.TokenKind.Word && cues.InCue[t] == 0)
            {
                output.Add(new SourceCandidate(t, Math.Abs(t - start) + 1, after, comma, mark, inContent, otherCue, nearer));
            }
            comma |= x.Word(t) is ",";
            mark |= x.Mark[t] is MarkState.Opening or MarkState.Closing;
            inContent |= owner[t] >= 0;
            otherCue |= cues.InCue[t] != 0;
            if (IsPossibleSource(x, t))
            {
                nearer++;
            }
        }
    }

    /// <summary>A name's last word, a pronoun that may stand for a source, or a source noun.</summary>
    internal static bool IsPossibleSource(AttributionText x, int t) =>
        (x.Entity[t] & 16) != 0 || (x.Class[t] & (QuoteLexicon.ThirdPersonPronoun | WordClass.SpeakerNoun)) != 0;

    public static void Emit(AttributionText x, CueContext cues, ReadOnlySpan<int> owner, int cueIndex, SourceCandidate candidate, FeatureKeys keys)
    {
        keys.Clear();
        int t = candidate.Token;
        int n = x.Count;
        var (cueStart, _) = cues.Spans[cueIndex];
        ulong direction = candidate.After ? 1UL : 0;
        ulong distance = FeatureKeys.Distance(candidate.Distance);
        ulong same = x.SentenceOf[t] == x.SentenceOf[cueStart] ? 1UL : 0;
        ulong where = direction * 32 + same * 16 + distance;
        ulong wordClass = (ulong)x.Class[t];
        ulong entity = x.Entity[t];
        keys.Add(Bias, 0);
        keys.Add(Where, where);
        keys.Add(Word, x.Lower[t]);
        keys.Add(WordWhere, x.Lower[t], direction * 2 + (candidate.Distance <= 2 ? 1UL : 0));
        keys.Add(Class, wordClass);
        keys.Add(ShapeEntity, x.Shape[t], entity);
        keys.Add(PreviousWord, t > 0 ? x.Lower[t - 1] : AttributionText.Edge);
        keys.Add(NextWord, t + 1 < n ? x.Lower[t + 1] : AttributionText.Edge);
        ulong between = (candidate.Comma ? 1UL : 0) + (candidate.Mark ? 2UL : 0) + (candidate.Content ? 4UL : 0) + (candidate.OtherCue ? 8UL : 0);
        keys.Add(Between, between, direction);
        keys.Add(InContent, owner[t] < 0 ? 0UL : owner[t] == cueIndex ? 1UL : 2UL, (ulong)x.Mark[t]);
        keys.Add(CueWord, x.Lower[cueStart], direction * 2 + (candidate.Distance <= 2 ? 1UL : 0));
        keys.Add(EntityWhere, entity, where);
        keys.Add(ClassWhere, wordClass, where);
        keys.Add(Nearer, FeatureKeys.Few(candidate.NearerSources), direction * 8 + between);
    }

    /// <summary>
    /// The score of <see cref="Emit"/>'s keys under <paramref name="weights"/>'s model, read mostly from tables rather
    /// than hashed: the keys of few values from <paramref name="weights"/>, the token's own keys (its word, class, shape,
    /// neighbours) once per token into <paramref name="tokenScores"/> (<see cref="int.MinValue"/> until known), and the cue
    /// word's keys once per cue in <paramref name="cueWord"/> (by <c>direction × 2 + near</c>).
    /// </summary>
    public static int Score(SourceWeights weights, AttributionText x, ReadOnlySpan<int> owner, int cueIndex, int cueStart, SourceCandidate candidate,
        ReadOnlySpan<int> cueWord, Span<int> tokenScores)
    {
        var model = weights.Model;
        int t = candidate.Token;
        int n = x.Count;
        int own = tokenScores[t];
        if (own == int.MinValue)
        {
            ulong entityValue = x.Entity[t];
            own = model.Score(FeatureHash.Key(Word, x.Lower[t]))
                  + model.Score(FeatureHash.Key(Class, (ulong)x.Class[t]))
                  + model.Score(FeatureHash.Key(ShapeEntity, x.Shape[t], entityValue))
                  + model.Score(FeatureHash.Key(PreviousWord, t > 0 ? x.Lower[t - 1] : AttributionText.Edge))
                  + model.Score(FeatureHash.Key(NextWord, t + 1 < n ? x.Lower[t + 1] : AttributionText.Edge));
            tokenScores[t] = own;
        }
        ulong direction = candidate.After ? 1UL : 0;
        ulong distance = FeatureKeys.Distance(candidate.Distance);
        ulong same = x.SentenceOf[t] == x.SentenceOf[cueStart] ? 1UL : 0;
        ulong where = direction * 32 + same * 16 + distance;
        ulong entity = x.Entity[t];
        ulong near = direction * 2 + (candidate.Distance <= 2 ? 1UL : 0);
        ulong between = (candidate.Comma ? 1UL : 0) + (candidate.Mark ? 2UL : 0) + (candidate.Content ? 4UL : 0) + (candidate.OtherCue ? 8UL : 0);
        ulong inContent = owner[t] < 0 ? 0UL : owner[t] == cueIndex ? 1UL : 2UL;
        return own + weights.Bias + weights.Where[where]
               + model.Score(FeatureHash.Key(WordWhere, x.Lower[t], near))
               + weights.Between[between * 2 + direction]
               + weights.InContent[inContent * 4 + (ulong)x.Mark[t]]
               + cueWord[(int)near]
               + weights.EntityWhere[entity * 64 + where]
               + model.Score(FeatureHash.Key(ClassWhere, (ulong)x.Class[t], where))
               + weights.Nearer[FeatureKeys.Few(candidate.NearerSources) * 32 + direction * 8 + between];
    }

    /// <summary>Fills <paramref name="cueWord"/> (4 long) with the weight of the cue word's key for each <c>direction × 2 + near</c>.</summary>
    public static void CueWordWeights(SourceWeights weights, AttributionText x, int cueStart, Span<int> cueWord)
    {
        for (int v = 0; v < 4; v++)
        {
            cueWord[v] = weights.Model.Score(FeatureHash.Key(CueWord, x.Lower[cueStart], (ulong)v));
        }
    }

    /// <summary>The source stage's weights of the keys with few values, as <see cref="Score"/> reads them.</summary>
    internal sealed class SourceWeights
    {
        public SourceWeights(LinearModel model)
        {
            Model = model;
            Bias = model.Score(FeatureHash.Key(SourceFeatures.Bias, 0));
            for (ulong where = 0; where < 64; where++)
            {
                Where[where] = model.Score(FeatureHash.Key(SourceFeatures.Where, where));
                for (ulong entity = 0; entity < 32; entity++)
                {
                    EntityWhere[entity * 64 + where] = model.Score(FeatureHash.Key(SourceFeatures.EntityWhere, entity, where));
                }
            }
            for (ulong between = 0; between < 16; between++)
            {
                for (ulong direction = 0; direction < 2; direction++)
                {
                    Between[between * 2 + direction] = model.Score(FeatureHash.Key(SourceFeatures.Between, between, direction));
                }
            }
            for (ulong inContent = 0; inContent < 3; inContent++)
            {
                for (ulong mark = 0; mark < 4; mark++)
                {
                    InContent[inContent * 4 + mark] = model.Score(FeatureHash.Key(SourceFeatures.InContent, inContent, mark));
                }
            }
            for (ulong few = 0; few < 3; few++)
            {
                for (ulong value = 0; value < 32; value++)
                {
                    Nearer[few * 32 + value] = model.Score(FeatureHash.Key(SourceFeatures.Nearer, few, value));
                }
            }
        }

        public LinearModel Model { get; }

        public readonly int Bias;
        public readonly int[] Where = new int[64];
        public readonly int[] EntityWhere = new int[32 * 64];
        public readonly int[] Between = new int[32];
        public readonly int[] InContent = new int[12];
        public readonly int[] Nearer = new int[3 * 32];
    }

    /// <summary>The features of "no source" for cue <paramref name="cueIndex"/>.</summary>
    public static void EmitNothing(AttributionText x, CueContext cues, int cueIndex, int candidates, FeatureKeys keys)
    {
        keys.Clear();
        var (cueStart, _) = cues.Spans[cueIndex];
        keys.Add(Nothing, FeatureKeys.Few(candidates));
        keys.Add(NothingCue, x.Lower[cueStart]);
    }
}

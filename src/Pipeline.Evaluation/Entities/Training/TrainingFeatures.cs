using Pipeline.Entities;
using Pipeline.Entities.Tagging;
using Pipeline.Text;

namespace Pipeline.Evaluation.Entities.Training;

/// <summary>Resolves a training document's feature keys to rows, through the same extractor the tagger uses.</summary>
internal static class TrainingFeatures
{
    /// <summary>First-pass (local) rows of every token, with the document's own fold gazetteer in <paramref name="extractor"/>.</summary>
    public static void CompileLocal(TrainingDocument document, FeatureExtractor extractor, FeatureIndexer indexer, DocumentState state)
    {
        var text = document.Text;
        int n = text.Tokens.Length;
        FeatureExtractor.PrepareDocument(text, state);
        state.Lower.AsSpan(0, n).CopyTo(document.Lower);
        state.Caps.AsSpan(0, n).CopyTo(document.Caps);
        SentenceCase sentenceCase = default;
        (document.LocalStarts, document.LocalRows) = Compile(text, 48, indexer, state,
            (first, end) => sentenceCase = extractor.PrepareSentence(text, first, end, state),
            (t, first, end) => FeatureExtractor.Local(text.Text, state.Sentence.AsSpan(0, end - first), sentenceCase, t - first, state.Keys));
    }

    /// <summary>Second-pass (document) rows of every token, given first-pass labels predicted by a model that did not see this document.</summary>
    public static void CompileDocument(TrainingDocument document, ReadOnlySpan<byte> firstPass, FeatureIndexer indexer, DocumentState state)
    {
        var text = document.Text;
        FeatureExtractor.PrepareDocument(text, state);
        firstPass.CopyTo(state.FirstPass);
        DocumentFeatures.Aggregate(text, state);
        (document.DocumentStarts, document.DocumentRows) = Compile(text, 12, indexer, state,
            static (_, _) => { },
            (t, first, end) => DocumentFeatures.Keys(state, t, first, end, state.Keys));
    }

    /// <summary>
    /// Every token's feature rows, sentence by sentence, as <c>starts</c> (token t's rows are
    /// <c>rows[starts[t]..starts[t + 1]]</c>) and <c>rows</c>; tokens outside a sentence the extractor takes have none.
    /// <paramref name="keys"/> writes token t's keys into <c>state.Keys</c> and returns how many.
    /// </summary>
    private static (int[] Starts, int[] Rows) Compile(TextDocument text, int rowsPerToken, FeatureIndexer indexer, DocumentState state,
        Action<int, int> prepareSentence, Func<int, int, int, int> keys)
    {
        int n = text.Tokens.Length;
        var starts = new int[n + 1];
        var rows = new List<int>(n * rowsPerToken);
        int next = 0;
        foreach (var sentence in text.Sentences)
        {
            if (!FeatureExtractor.Bounds(sentence, n, out int first, out int end))
            {
                continue;
            }
            for (; next < first; next++)
            {
                starts[next + 1] = rows.Count;
            }
            prepareSentence(first, end);
            for (int t = first; t < end; t++)
            {
                int count = keys(t, first, end);
                for (int f = 0; f < count; f++)
                {
                    rows.Add(indexer.GetOrAdd(state.Keys[f]));
                }
                starts[t + 1] = rows.Count;
            }
            next = end;
        }
        for (; next < n; next++)
        {
            starts[next + 1] = rows.Count;
        }
        return (starts, rows.ToArray());
    }
}

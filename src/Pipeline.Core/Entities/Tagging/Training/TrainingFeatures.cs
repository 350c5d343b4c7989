namespace Pipeline.Entities.Tagging;

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
        var starts = new int[n + 1];
        var rows = new List<int>(n * 48);
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
            var sentenceCase = extractor.PrepareSentence(text, first, end, state);
            var infos = state.Sentence.AsSpan(0, end - first);
            for (int k = 0; k < infos.Length; k++)
            {
                int count = FeatureExtractor.Local(text.Text, infos, sentenceCase, k, state.Keys);
                for (int f = 0; f < count; f++)
                {
                    rows.Add(indexer.GetOrAdd(state.Keys[f]));
                }
                starts[first + k + 1] = rows.Count;
            }
            next = end;
        }
        for (; next < n; next++)
        {
            starts[next + 1] = rows.Count;
        }
        document.LocalStarts = starts;
        document.LocalRows = rows.ToArray();
    }

    /// <summary>Second-pass (document) rows of every token, given first-pass labels predicted by a model that did not see this document.</summary>
    public static void CompileDocument(TrainingDocument document, ReadOnlySpan<byte> firstPass, FeatureIndexer indexer, DocumentState state)
    {
        var text = document.Text;
        int n = text.Tokens.Length;
        FeatureExtractor.PrepareDocument(text, state);
        firstPass.CopyTo(state.FirstPass);
        DocumentFeatures.Aggregate(text, state);
        var starts = new int[n + 1];
        var rows = new List<int>(n * 12);
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
            for (int t = first; t < end; t++)
            {
                int count = DocumentFeatures.Keys(state, t, first, end, state.Keys);
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
        document.DocumentStarts = starts;
        document.DocumentRows = rows.ToArray();
    }
}

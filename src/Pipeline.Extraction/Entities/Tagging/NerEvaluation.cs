namespace Pipeline.Entities.Tagging;

/// <summary>
/// Scores a tagger on a CoNLL file. The tagger sees only the tokens: each document is rebuilt with
/// <see cref="ConllDocument.ToTextDocument"/> (one paragraph per sentence) and tagged as a whole, so the document
/// pass works as in production. Optionally writes <c>token gold predicted</c> lines (IOB1) for conlleval.
/// </summary>
public static class NerEvaluation
{
    public static SpanScores Evaluate(PerceptronTagger tagger, IReadOnlyList<ConllDocument> documents, TextWriter? predictions = null) =>
        Evaluate(tagger, documents, predictions, firstPassOnly: false);

    internal static SpanScores Evaluate(PerceptronTagger tagger, IReadOnlyList<ConllDocument> documents, TextWriter? predictions, bool firstPassOnly)
    {
        var scores = new SpanScores();
        var predicted = new List<EntitySpan>();
        var sentenceSpans = new List<EntitySpan>();
        foreach (var document in documents)
        {
            predicted.Clear();
            tagger.Tag(document.ToTextDocument(), predicted, firstPassOnly);
            scores.Add(document.DocumentEntities(), predicted, document.TokenCount);
            if (predictions != null)
            {
                WritePredictions(document, predicted, sentenceSpans, predictions);
            }
        }
        return scores;
    }

    public static SpanScores EvaluateFile(PerceptronTagger tagger, string conllPath, string? predictionsPath = null)
    {
        var documents = ConllReader.ReadFile(conllPath);
        if (predictionsPath == null)
        {
            return Evaluate(tagger, documents);
        }
        using var writer = new StreamWriter(predictionsPath);
        return Evaluate(tagger, documents, writer);
    }

    private static void WritePredictions(ConllDocument document, List<EntitySpan> predicted, List<EntitySpan> sentenceSpans, TextWriter output)
    {
        output.WriteLine("-DOCSTART- O O");
        output.WriteLine();
        int offset = 0;
        int next = 0;
        foreach (var sentence in document.Sentences)
        {
            int end = offset + sentence.Words.Length;
            sentenceSpans.Clear();
            while (next < predicted.Count && predicted[next].Start < end)
            {
                sentenceSpans.Add(predicted[next] with { Start = predicted[next].Start - offset });
                next++;
            }
            var tags = IobCodec.WriteIob1(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(sentenceSpans), sentence.Words.Length);
            for (int i = 0; i < sentence.Words.Length; i++)
            {
                output.Write(sentence.Words[i]);
                output.Write(' ');
                output.Write(sentence.Tags[i]);
                output.Write(' ');
                output.WriteLine(tags[i]);
            }
            output.WriteLine();
            offset = end;
        }
    }
}

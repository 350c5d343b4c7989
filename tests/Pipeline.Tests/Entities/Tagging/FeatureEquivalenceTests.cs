using Pipeline.Entities.Tagging;
using Pipeline.Text;

namespace Pipeline.Tests.Entities.Tagging;

/// <summary>
/// The tagger scores tokens through a fast path (<c>TokenScorer</c>: cached word entries, dense tables) while training
/// resolves hashed keys (<c>FeatureExtractor</c>, <c>DocumentFeatures</c>). A feature added to one path and not the other
/// would silently score a model with features it was not trained on; here both must sum to the same scores.
/// </summary>
public sealed class FeatureEquivalenceTests
{
    private const int L = BilouLabels.Count;
    private const int Stride = PerceptronTaggerModel.Stride;

    public static TheoryData<string> Texts() => new()
    {
        "MINISTER VISITS KORVELAND\n\nThe mayor of Volgograd, Anna Petrova, met bankers from Zorvex Holdings in Chisinau on Monday. "
            + "Petrova said Zorvex would open a branch in the Omsk region.\n\nZorvex shares rose 3 percent in Sao Paulo, where Zorvex "
            + "has traded since 1994. \"We are pleased,\" Petrova told reporters in New York.",
        "Brian Calloway scored twice as Port Vale beat Leeds 2-1 . Calloway , 24 , joined from Grimsby in May .",
        "a line without capitals, then Some Capitals And ALL CAPS WORDS with the U.S. and St. Louis.",
    };

    [Theory]
    [MemberData(nameof(Texts))]
    public void Fast_scores_are_the_weights_of_the_training_features(string text)
    {
        var model = EntityModels.Model;
        var document = TextDocument.Analyze(text);
        var tagger = new PerceptronTagger(model);
        int[] fast = tagger.Scores(document);
        var firstPass = tagger.Labels(document).First;

        var extractor = new FeatureExtractor(model.Gazetteer, model.NameLists, model.Clusters, model.CaseProfile);
        var state = new DocumentState();
        int n = document.Tokens.Length;
        var expected = new int[n * Stride];
        FeatureExtractor.PrepareDocument(document, state);
        foreach (var sentence in document.Sentences)
        {
            Assert.True(FeatureExtractor.Bounds(sentence, n, out int first, out int end));
            var sentenceCase = extractor.PrepareSentence(document, first, end, state);
            var infos = state.Sentence.AsSpan(0, end - first).ToArray();
            for (int k = 0; k < infos.Length; k++)
            {
                int count = FeatureExtractor.Local(document.Text, infos, sentenceCase, k, state.Keys);
                AddWeights(model, state.Keys.AsSpan(0, count), expected.AsSpan((first + k) * Stride, Stride), secondOnly: false);
            }
        }
        firstPass.CopyTo(state.FirstPass, 0);
        DocumentFeatures.Aggregate(document, state);
        foreach (var sentence in document.Sentences)
        {
            FeatureExtractor.Bounds(sentence, n, out int first, out int end);
            for (int t = first; t < end; t++)
            {
                int count = DocumentFeatures.Keys(state, t, first, end, state.Keys);
                AddWeights(model, state.Keys.AsSpan(0, count), expected.AsSpan(t * Stride, Stride), secondOnly: true);
            }
        }

        Assert.Equal(expected, fast);
    }

    private static void AddWeights(PerceptronTaggerModel model, ReadOnlySpan<ulong> keys, Span<int> scores, bool secondOnly)
    {
        foreach (var key in keys)
        {
            int row = model.Features.Get(key, -1);
            for (int l = secondOnly ? L : 0; row >= 0 && l < Stride; l++)
            {
                scores[l] += model.Weights[row * Stride + l];
            }
        }
    }
}

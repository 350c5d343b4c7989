using Pipeline.Text;

namespace Pipeline.Entities.Tagging;

/// <summary>
/// The product-facing recognizer: CoNLL's four types (Person, Organization, Location, Misc) found by the two-pass
/// averaged-perceptron tagger over the whole document. Thread-safe; load the model once and share the instance.
/// </summary>
public sealed class PerceptronEntityRecognizer : IEntityRecognizer
{
    private readonly PerceptronTagger _tagger;

    public PerceptronEntityRecognizer(PerceptronTaggerModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        _tagger = new PerceptronTagger(model);
    }

    /// <summary>Loads a model written by <see cref="PerceptronTaggerModel.Save(Stream)"/> (e.g. an embedded resource).</summary>
    public static PerceptronEntityRecognizer Load(Stream model) => new(PerceptronTaggerModel.Load(model));

    public EntityMention[] Recognize(TextDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var tokens = document.Tokens;
        if (tokens.Length == 0)
        {
            return [];
        }
        var spans = new List<EntitySpan>();
        _tagger.Tag(document, spans);
        var mentions = new EntityMention[spans.Count];
        for (int i = 0; i < spans.Count; i++)
        {
            var span = spans[i];
            // Clamped: a document built with FromTokens may carry tokens outside its text.
            int length = document.Text.Length;
            int start = Math.Clamp(tokens[span.Start].Start, 0, length);
            int end = Math.Clamp(tokens[span.End - 1].End, start, length);
            mentions[i] = new EntityMention(span.Start, span.Length, start, end, span.Type);
        }
        return mentions;
    }
}

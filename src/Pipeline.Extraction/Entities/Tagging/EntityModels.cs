namespace Pipeline.Entities.Tagging;

/// <summary>The entity tagger shipped with the library: trained by <c>pipeline train entities</c>, embedded, loaded once.</summary>
public static class EntityModels
{
    /// <summary>Name of the embedded model resource.</summary>
    public const string ResourceName = "ner-model.bin";

    private static readonly Lazy<PerceptronTaggerModel> SharedModel = new(() =>
    {
        using var stream = typeof(EntityModels).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded entity model '{ResourceName}' is missing from {typeof(EntityModels).Assembly.GetName().Name}.");
        return PerceptronTaggerModel.Load(stream);
    });

    private static readonly Lazy<PerceptronEntityRecognizer> SharedRecognizer = new(() => new PerceptronEntityRecognizer(SharedModel.Value));

    /// <summary>The shipped model, loaded once.</summary>
    public static PerceptronTaggerModel Model => SharedModel.Value;

    /// <summary>The process-wide recognizer; thread-safe.</summary>
    public static PerceptronEntityRecognizer Recognizer => SharedRecognizer.Value;
}

namespace Pipeline.Quotes;

/// <summary>The quote model shipped with the library: trained by <c>pipeline train quotes</c>, embedded, loaded once.</summary>
public static class QuoteModels
{
    /// <summary>Name of the embedded model resource.</summary>
    public const string ResourceName = QuoteModel.FileName;

    private static readonly Lazy<QuoteModel> SharedModel = new(() =>
    {
        using var stream = typeof(QuoteModels).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"The embedded quote model '{ResourceName}' is missing from {typeof(QuoteModels).Assembly.GetName().Name}.");
        return QuoteModel.Load(stream);
    });

    private static readonly Lazy<LearnedQuoteExtractor> SharedExtractor = new(() => new LearnedQuoteExtractor(SharedModel.Value));

    /// <summary>The shipped model, loaded once.</summary>
    public static QuoteModel Model => SharedModel.Value;

    /// <summary>The process-wide quote extractor; thread-safe.</summary>
    public static LearnedQuoteExtractor Extractor => SharedExtractor.Value;
}

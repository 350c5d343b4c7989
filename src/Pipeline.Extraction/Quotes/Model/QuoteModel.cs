namespace Pipeline.Quotes;

/// <summary>
/// The trained quote attribution model as data: one <see cref="AttributionModel"/> for text with quotation marks and
/// one for text whose marks were stripped, and facts about training. Immutable once built, so one instance serves
/// every thread. Behaviour lives in <see cref="AttributionTagger"/> and <see cref="LearnedQuoteExtractor"/>; the file format in <see cref="QuoteModelSerializer"/>.
/// </summary>
public sealed class QuoteModel
{
    /// <summary>Version of the binary format and of the feature templates; a model of another version is refused.</summary>
    public const int FormatVersion = 5;

    /// <summary>The file name of the model inside a model folder (<c>pipeline train quotes --out</c>).</summary>
    public const string FileName = "quote-model.bin";

    internal QuoteModel(AttributionModel marked, AttributionModel stripped, IReadOnlyDictionary<string, string> metadata)
    {
        Marked = marked;
        Stripped = stripped;
        Metadata = metadata;
    }

    /// <summary>For text with double quotation marks.</summary>
    internal AttributionModel Marked { get; }

    /// <summary>For text without any (trained on copies of the training articles with every mark removed).</summary>
    internal AttributionModel Stripped { get; }

    /// <summary>Free-form facts about training (corpus, epochs), written into the file.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }

    public static QuoteModel Load(Stream stream) => QuoteModelSerializer.Read(stream);

    /// <summary>Loads <paramref name="path"/>, a model file or a folder holding <see cref="FileName"/>.</summary>
    public static QuoteModel Load(string path)
    {
        if (Directory.Exists(path))
        {
            path = Path.Combine(path, FileName);
        }
        using var stream = File.OpenRead(path);
        return Load(stream);
    }

    public void Save(Stream stream) => QuoteModelSerializer.Write(this, stream);

    public void Save(string path)
    {
        using var stream = File.Create(path);
        Save(stream);
    }
}

using System.Globalization;
using System.Reflection;

namespace Pipeline.Summaries;

/// <summary>
/// The data of the sentence scorer: one weight per feature of <see cref="SentenceFeatures"/> (by name), a bias,
/// and the redundancy limit used when sentences are picked. A plain text file, <c>name value</c> per line, so a
/// retrained model is a reviewable diff. Immutable once loaded, so one instance serves every thread.
/// </summary>
public sealed class SentenceScorerModel
{
    /// <summary>The embedded model shipped with the library (trained by <c>SumLab train</c>).</summary>
    public const string ResourceName = "Pipeline.Summaries.Models.sentence-scorer.txt";

    private static readonly Lazy<SentenceScorerModel> Shipped = new(LoadShipped);

    internal SentenceScorerModel(float[] weights, float bias, float redundancy, string description)
    {
        if (weights.Length != SentenceFeatures.Count)
        {
            throw new ArgumentException($"Expected {SentenceFeatures.Count} weights, got {weights.Length}.", nameof(weights));
        }
        Weights = weights;
        Bias = bias;
        Redundancy = redundancy;
        Description = description;
    }

    /// <summary>Weights in <see cref="SentenceFeatures.Names"/> order.</summary>
    internal float[] Weights { get; }

    public float Bias { get; }

    /// <summary>A sentence whose content words are this much contained in an already chosen one is skipped.</summary>
    public float Redundancy { get; }

    /// <summary>What the model was trained on, for the record.</summary>
    public string Description { get; }

    /// <summary>The shipped model, loaded once.</summary>
    public static SentenceScorerModel Default => Shipped.Value;

    /// <summary>Reads a model file. Unknown feature names are an error: they mean the code and the file disagree.</summary>
    public static SentenceScorerModel Load(TextReader reader)
    {
        var weights = new float[SentenceFeatures.Count];
        float bias = 0, redundancy = 0.6f;
        string description = "";
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            line = line.Trim();
            if (line.Length == 0)
            {
                continue;
            }
            if (line.StartsWith('#'))
            {
                description += line[1..].Trim() + " ";
                continue;
            }
            int space = line.IndexOf(' ');
            if (space < 0)
            {
                throw new FormatException($"Model line '{line}' is not 'name value'.");
            }
            var name = line[..space];
            float value = float.Parse(line.AsSpan(space + 1), NumberStyles.Float, CultureInfo.InvariantCulture);
            switch (name)
            {
                case "bias":
                    bias = value;
                    break;
                case "redundancy":
                    redundancy = value;
                    break;
                default:
                    int index = Array.IndexOf(SentenceFeatures.Names, name);
                    if (index < 0)
                    {
                        throw new FormatException($"Model names unknown feature '{name}'.");
                    }
                    weights[index] = value;
                    break;
            }
        }
        return new SentenceScorerModel(weights, bias, redundancy, description.Trim());
    }

    public void Save(TextWriter writer)
    {
        foreach (var line in Description.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            writer.WriteLine("# " + line.Trim());
        }
        writer.WriteLine(FormattableString.Invariant($"bias {Bias:R}"));
        writer.WriteLine(FormattableString.Invariant($"redundancy {Redundancy:R}"));
        for (int i = 0; i < Weights.Length; i++)
        {
            writer.WriteLine(FormattableString.Invariant($"{SentenceFeatures.Names[i]} {Weights[i]:R}"));
        }
    }

    /// <summary>Score of one feature row: a linear model, so a higher score means a likelier summary sentence.</summary>
    internal float Score(ReadOnlySpan<float> row)
    {
        float sum = Bias;
        for (int i = 0; i < row.Length; i++)
        {
            sum += Weights[i] * row[i];
        }
        return sum;
    }

    /// <summary>
    /// A hand-set lead prior used when no trained model is embedded: first sentences first, short fragments and
    /// quotes down. It is the fallback, not the tuned model.
    /// </summary>
    internal static SentenceScorerModel LeadPrior()
    {
        var weights = new float[SentenceFeatures.Count];
        weights[Array.IndexOf(SentenceFeatures.Names, "pos0")] = 3;
        weights[Array.IndexOf(SentenceFeatures.Names, "pos1")] = 2;
        weights[Array.IndexOf(SentenceFeatures.Names, "pos2")] = 1.5f;
        weights[Array.IndexOf(SentenceFeatures.Names, "pos_log")] = -0.5f;
        weights[Array.IndexOf(SentenceFeatures.Names, "centrality")] = 2;
        weights[Array.IndexOf(SentenceFeatures.Names, "quoted_fraction")] = -1;
        return new SentenceScorerModel(weights, 0, 0.6f, "hand-set lead prior (no trained model embedded)");
    }

    private static SentenceScorerModel LoadShipped()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(ResourceName);
        if (stream is null)
        {
            return LeadPrior();
        }
        using var reader = new StreamReader(stream);
        return Load(reader);
    }
}

using Pipeline.Evaluation.Entities.Training;
using System.Text;
using Pipeline.Entities;
using Pipeline.Entities.Tagging;

namespace Pipeline.Tests.Entities.Tagging;

/// <summary>
/// A model trained in seconds on a synthetic CoNLL corpus written to a temporary folder: it exercises the whole
/// training path (reader, features, jackknife, both passes, serializer) without depending on the shared data.
/// </summary>
public sealed class TinyModel : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "ner-tiny-" + Guid.NewGuid().ToString("N"));

    public TinyModel()
    {
        System.IO.Directory.CreateDirectory(_directory);
        File.WriteAllText(Path.Combine(_directory, "eng.train"), Corpus(seed: 1, documents: 40));
        File.WriteAllText(Path.Combine(_directory, "eng.testa"), Corpus(seed: 2, documents: 8));
        var options = new NerTrainingOptions
        {
            DataDirectory = _directory,
            UnlabelledDirectory = _directory,
            OutputPath = Path.Combine(_directory, "model.bin"),
            MaxEpochs = 4,
            Patience = 1,
            Folds = 2,
            Replicas = 1,
            UseClusters = false,
        };
        Result = NerTraining.Run(options, TextWriter.Null);
        Model = PerceptronTaggerModel.Load(options.OutputPath);
    }

    public NerTrainingResult Result { get; }

    public PerceptronTaggerModel Model { get; }

    public string Directory => _directory;

    public void Dispose() => System.IO.Directory.Delete(_directory, recursive: true);

    private static readonly string[] People = ["John Smith", "Mary Jones", "Ali Hassan", "Chen Wei", "Anna Berg", "Pedro Ruiz"];
    private static readonly string[] Places = ["Paris", "Berlin", "New York", "Cairo", "Lima", "Oslo"];
    private static readonly string[] Companies = ["Acme Corp", "Globex", "Initech Inc", "Umbrella", "Hooli", "Vandelay"];

    /// <summary>IOB1 sentences such as "John Smith of Acme Corp said in Paris on Monday ." in a few patterns.</summary>
    public static string Corpus(int seed, int documents)
    {
        var random = new Random(seed);
        var text = new StringBuilder();
        for (int d = 0; d < documents; d++)
        {
            text.Append("-DOCSTART- -X- -X- O\n\n");
            for (int s = 0; s < 6; s++)
            {
                var person = People[random.Next(People.Length)];
                var place = Places[random.Next(Places.Length)];
                var company = Companies[random.Next(Companies.Length)];
                switch (random.Next(3))
                {
                    case 0:
                        Add(text, person, "PER"); Add(text, "of", null); Add(text, company, "ORG"); Add(text, "said in", null); Add(text, place, "LOC");
                        break;
                    case 1:
                        Add(text, "The", null); Add(text, "firm", null); Add(text, company, "ORG"); Add(text, "opened an office in", null); Add(text, place, "LOC");
                        break;
                    default:
                        Add(text, "In", null); Add(text, place, "LOC"); Add(text, ",", null); Add(text, person, "PER"); Add(text, "met the press", null);
                        break;
                }
                Add(text, ".", null);
                text.Append('\n');
            }
        }
        return text.ToString();
    }

    private static void Add(StringBuilder text, string words, string? type)
    {
        foreach (var word in words.Split(' '))
        {
            text.Append(word).Append(" NNP I-NP ").Append(type == null ? "O" : "I-" + type).Append('\n');
        }
    }
}

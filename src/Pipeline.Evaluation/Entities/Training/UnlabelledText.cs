using System.Text.Json;
using Pipeline.Text;
using Pipeline.Entities;
using Pipeline.Entities.Tagging;

namespace Pipeline.Evaluation.Entities.Training;

/// <summary>
/// Unlabelled news text read in place from the evaluation folder: CNN/DailyMail validation articles and PolNeAR's
/// train and dev articles (about 1.6 million tokens with eng.train's). GUM is left out on purpose: its named mentions
/// measure the tagger's recall, so its text must not shape the clusters. Only statistics derived from the text (case
/// profile, word clusters) end up in the model; the text itself is never copied. Missing files are skipped: the
/// model then simply has smaller lexicons.
/// </summary>
internal static class UnlabelledText
{
    private static readonly string[] PolnearSplits = ["train", "dev"];

    public static IEnumerable<TextDocument> Read(string evaluationRoot)
    {
        foreach (var text in JsonLines(Path.Combine(evaluationRoot, "cnndm", "validation_first1000.jsonl"), "article"))
        {
            yield return TextDocument.Analyze(text);
        }
        foreach (var split in PolnearSplits)
        {
            var polnear = Path.Combine(evaluationRoot, "polnear", split, "text");
            if (!Directory.Exists(polnear))
            {
                continue;
            }
            var files = Directory.GetFiles(polnear, "*.txt");
            Array.Sort(files, StringComparer.Ordinal);
            foreach (var file in files)
            {
                yield return TextDocument.Analyze(File.ReadAllText(file));
            }
        }
    }

    private static IEnumerable<string> JsonLines(string path, string property)
    {
        if (!File.Exists(path))
        {
            yield break;
        }
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                continue;
            }
            using var json = JsonDocument.Parse(line);
            if (json.RootElement.TryGetProperty(property, out var value) && value.GetString() is { } text)
            {
                yield return text;
            }
        }
    }
}

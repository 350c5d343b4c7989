using System.Text.Json;

namespace Pipeline.Evaluation.Summaries;

/// <summary>One article with its reference summary (CNN/DailyMail highlights).</summary>
public sealed record SummaryPair(string Id, string Article, string Highlights);

/// <summary>
/// Reads JSONL files of <c>{id, article, highlights}</c> (CNN/DailyMail as released on Hugging Face, and the
/// SummEval/REALSumm test samples, whose extra keys are ignored). The file is read where it lies; nothing is copied.
/// </summary>
public static class SummaryCorpus
{
    public static List<SummaryPair> Read(string path)
    {
        var pairs = new List<SummaryPair>();
        int lineNumber = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNumber++;
            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            string id = root.TryGetProperty("id", out var idElement)
                ? idElement.ValueKind == JsonValueKind.String ? idElement.GetString() ?? "" : idElement.GetRawText()
                : lineNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
            string article = root.TryGetProperty("article", out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() ?? "" : "";
            string highlights = root.TryGetProperty("highlights", out var h) ? Highlights(h) : "";
            pairs.Add(new SummaryPair(id, article, highlights));
        }
        return pairs;
    }

    /// <summary>Highlights as one string with one sentence per line; a JSON array of sentences is accepted too.</summary>
    private static string Highlights(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.String)
        {
            return element.GetString() ?? "";
        }
        if (element.ValueKind == JsonValueKind.Array)
        {
            var lines = new List<string>();
            foreach (var item in element.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String)
                {
                    lines.Add(item.GetString() ?? "");
                }
            }
            return string.Join('\n', lines);
        }
        return "";
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using Pipeline.Entities;
using Pipeline.Text;

namespace Pipeline.Evaluation.Entities;

/// <summary>
/// Recall of named mentions on GUM news (Zeldes 2017), text the tagger was never trained or tuned on: the gold
/// mentions of people, organizations and places whose head is a proper noun (<c>head_upos</c> PROPN), each found when
/// a recognized mention (any type) overlaps it. GUM marks maximal noun phrases ("the Democratic Party"), not
/// CoNLL-style names, so overlap is the fair match; precision cannot be measured (GUM has no "not a name" spans).
/// Reads <c>gum_news_entities.jsonl</c>: one document per line, <c>{text, mentions: [{start, end, type, head_upos}]}</c>,
/// offsets in code points.
/// </summary>
public static class GumNameRecall
{
    private static readonly string[] Types = ["person", "organization", "place"];

    public static string Run(string path, IEntityRecognizer recognizer)
    {
        var gold = new int[Types.Length];
        var found = new int[Types.Length];
        int documents = 0;
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length == 0)
            {
                continue;
            }
            using var json = JsonDocument.Parse(line);
            var text = json.RootElement.GetProperty("text").GetString() ?? "";
            var document = TextDocument.Analyze(text);
            var offsets = new CodePointOffsets(text);
            var predicted = recognizer.Recognize(document);
            documents++;
            foreach (var mention in json.RootElement.GetProperty("mentions").EnumerateArray())
            {
                int type = Array.IndexOf(Types, mention.GetProperty("type").GetString());
                if (type < 0 || mention.GetProperty("head_upos").GetString() != "PROPN")
                {
                    continue;
                }
                int start = mention.GetProperty("start").GetInt32(), end = mention.GetProperty("end").GetInt32();
                gold[type]++;
                if (Array.Exists(predicted, p => offsets[p.Start] < end && start < offsets[p.End]))
                {
                    found[type]++;
                }
            }
        }
        return Format(documents, gold, found);
    }

    private static string Format(int documents, int[] gold, int[] found)
    {
        var c = CultureInfo.InvariantCulture;
        var text = new StringBuilder();
        text.AppendLine(c, $"GUM news, {documents} documents: gold mentions of people, organizations and places with a proper-noun head, found when a recognized mention overlaps them");
        text.AppendLine("| type | gold | found | recall |");
        text.AppendLine("|---|---:|---:|---:|");
        for (int t = 0; t < Types.Length; t++)
        {
            text.AppendLine(c, $"| {Types[t]} | {gold[t]} | {found[t]} | {Ratio(found[t], gold[t]):F3} |");
        }
        text.AppendLine(c, $"| all | {gold.Sum()} | {found.Sum()} | **{Ratio(found.Sum(), gold.Sum()):F3}** |");
        return text.ToString();
    }

    private static double Ratio(int part, int whole) => whole == 0 ? 0 : (double)part / whole;
}

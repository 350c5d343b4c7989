using System.Text;
using Pipeline.Entities.Tagging;
using Pipeline.Evaluation.Summaries;

namespace Pipeline.Evaluation;

/// <summary>
/// Article texts read where they lie, in a fixed order, for the commands that run on news without annotations (the
/// bench, <c>train quotes --unlabelled</c>): a JSONL of <c>{id, article, highlights}</c> such as CNN/DailyMail's, a
/// folder of <c>.txt</c> articles (name order; title line first), or a CoNLL-2003 file, whose documents' words are put
/// back into running text (the first sentence as the title line, the rest as one block, as CNN/DailyMail's articles come).
/// </summary>
public static class NewsCorpus
{
    /// <summary>Words written against the word before them in CoNLL-2003's tokens (<c>said .</c>, <c>do n't</c>, <c>Sunday 's</c>).</summary>
    private static readonly HashSet<string> Attached = new(StringComparer.OrdinalIgnoreCase)
    {
        ".", ",", ";", ":", "!", "?", ")", "]", "}", "%", "'s", "n't", "'re", "'ve", "'ll", "'d", "'m", "'",
    };

    public static List<string> Read(string path)
    {
        if (Directory.Exists(path))
        {
            return [.. Directory.GetFiles(path, "*.txt").Order(StringComparer.Ordinal).Select(File.ReadAllText)];
        }
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"No news at {path}: give a CNN/DailyMail JSONL, a folder of .txt articles or a CoNLL-2003 file.", path);
        }
        return IsConll(path)
            ? [.. ConllReader.ReadFile(path).Select(Text)]
            : [.. SummaryCorpus.Read(path).Select(pair => pair.Article)];
    }

    /// <summary>A CoNLL-2003 document as an article: its first sentence the title line, then the others as one paragraph.</summary>
    private static string Text(ConllDocument document)
    {
        var text = new StringBuilder(document.TokenCount * 6);
        bool quoted = false;
        for (int s = 0; s < document.Sentences.Count; s++)
        {
            if (s == 1)
            {
                text.Append('\n');
            }
            bool glued = s <= 1;
            foreach (var word in document.Sentences[s].Words)
            {
                bool mark = word == "\"";
                bool attach = mark ? quoted : Attached.Contains(word);
                if (!glued && !attach)
                {
                    text.Append(' ');
                }
                text.Append(word);
                glued = mark ? !quoted : word is "(" or "[" or "{" or "$";
                quoted ^= mark;
            }
        }
        return text.Append('\n').ToString();
    }

    private static bool IsConll(string path)
    {
        foreach (var line in File.ReadLines(path))
        {
            if (line.Length > 0)
            {
                return line.StartsWith("-DOCSTART-", StringComparison.Ordinal);
            }
        }
        return false;
    }
}

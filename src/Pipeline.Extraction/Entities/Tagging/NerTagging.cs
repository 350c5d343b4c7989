using Pipeline.Text;

namespace Pipeline.Entities.Tagging;

/// <summary>Tags a plain-text article (one paragraph per line) and prints each mention with its type.</summary>
public static class NerTagging
{
    /// <summary>Reads <paramref name="path"/>, drops its first <paramref name="skipLines"/> lines (headers), tags the rest.</summary>
    public static EntityMention[] TagFile(PerceptronTaggerModel model, string path, int skipLines, out TextDocument document)
    {
        var lines = File.ReadAllLines(path);
        var body = string.Join('\n', lines, Math.Min(skipLines, lines.Length), Math.Max(lines.Length - skipLines, 0));
        document = TextDocument.Analyze(body);
        return new PerceptronEntityRecognizer(model).Recognize(document);
    }

    public static void Run(PerceptronTaggerModel model, string path, int skipLines, TextWriter output)
    {
        var mentions = TagFile(model, path, skipLines, out var document);
        foreach (var mention in mentions)
        {
            output.WriteLine($"{BilouLabels.TypeName(mention.Type),-5} {document.Text[mention.Start..mention.End]}");
        }
    }
}

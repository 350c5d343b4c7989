using Pipeline.Text;

namespace Pipeline.Evaluation.Quotes;

/// <summary>One gold attribution relation: who (Source), the cue, and what (Content); spans may be discontinuous.</summary>
public sealed record GoldAttribution(TextSpan[] Content, TextSpan[] Source, TextSpan[] Cue)
{
    public bool HasSource => Source.Length > 0;
}

/// <summary>An article of the corpus with the attributions of its first annotation file.</summary>
public sealed record PolnearArticle(string Name, string Text, IReadOnlyList<GoldAttribution> Attributions)
{
    /// <summary>
    /// The article as text that lost its paragraph breaks, as scraped pages and CNN/DailyMail's articles come: every line
    /// break after the title's is a space, so the gold offsets still hold.
    /// </summary>
    public PolnearArticle WithoutParagraphBreaks()
    {
        int body = Text.IndexOf('\n');
        if (body < 0)
        {
            return this;
        }
        while (body < Text.Length && Text[body] is '\n' or '\r')
        {
            body++;
        }
        var chars = Text.ToCharArray();
        for (int i = body; i < chars.Length; i++)
        {
            chars[i] = chars[i] is '\n' or '\r' ? ' ' : chars[i];
        }
        return this with { Text = new string(chars) };
    }
}

/// <summary>An article annotated by several people: the first annotation (the gold of <c>eval quotes</c>) and the others'.</summary>
public sealed record MultiplyAnnotated(PolnearArticle Article, IReadOnlyList<IReadOnlyList<GoldAttribution>> Others);

/// <summary>
/// Reads PolNeAR (Newell, Margolin &amp; Ruths, LREC 2018) in its brat standoff form: <c>text/*.txt</c> and
/// <c>attributions/*_&lt;annotator&gt;.ann</c>. Articles annotated several times use the lexicographically first file.
/// </summary>
public static class PolnearCorpus
{
    public static List<PolnearArticle> Read(string directory)
    {
        var articles = new List<PolnearArticle>();
        foreach (var (stem, textPath, annotations) in Files(directory))
        {
            articles.Add(new PolnearArticle(stem, File.ReadAllText(textPath), ReadAnnotations(annotations[0])));
        }
        return articles;
    }

    /// <summary>
    /// The articles annotated more than once (PolNeAR has all six annotators on two articles per split, and a few more
    /// twice): each with its first annotation file as <see cref="Read"/> gives it and the others' attributions.
    /// </summary>
    public static List<MultiplyAnnotated> ReadMultiplyAnnotated(string directory)
    {
        var articles = new List<MultiplyAnnotated>();
        foreach (var (stem, textPath, annotations) in Files(directory))
        {
            if (annotations.Count > 1)
            {
                var first = new PolnearArticle(stem, File.ReadAllText(textPath), ReadAnnotations(annotations[0]));
                articles.Add(new MultiplyAnnotated(first, annotations.Skip(1).Select(ReadAnnotations).ToList()));
            }
        }
        return articles;
    }

    /// <summary>Every article with at least one annotation file: its name, text file and annotation files in order.</summary>
    private static IEnumerable<(string Stem, string TextPath, List<string> Annotations)> Files(string directory)
    {
        var textDirectory = Path.Combine(directory, "text");
        var annotationDirectory = Path.Combine(directory, "attributions");
        if (!Directory.Exists(textDirectory) || !Directory.Exists(annotationDirectory))
        {
            throw new DirectoryNotFoundException($"{directory} must hold text/ and attributions/ (PolNeAR's layout).");
        }
        var annotations = Directory.GetFiles(annotationDirectory, "*.ann");
        Array.Sort(annotations, StringComparer.Ordinal);
        var texts = Directory.GetFiles(textDirectory, "*.txt");
        Array.Sort(texts, StringComparer.Ordinal);
        foreach (var textPath in texts)
        {
            string stem = Path.GetFileNameWithoutExtension(textPath);
            var own = Array.FindAll(annotations, a => AnnotatedText(a) == stem).ToList();
            if (own.Count > 0)
            {
                yield return (stem, textPath, own);
            }
        }
    }

    /// <summary>The article an annotation file belongs to: its name without <c>_&lt;annotator&gt;.ann</c> (so <c>a_b</c>'s files are never <c>a</c>'s).</summary>
    private static string AnnotatedText(string annotationPath)
    {
        string name = Path.GetFileNameWithoutExtension(annotationPath);
        int underscore = name.LastIndexOf('_');
        return underscore < 0 ? name : name[..underscore];
    }

    /// <summary>Parses brat lines: <c>T1\tContent 10 20;30 40\ttext</c> and <c>E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1</c>.</summary>
    public static List<GoldAttribution> ReadAnnotations(string path)
    {
        var spans = new Dictionary<string, TextSpan[]>(StringComparer.Ordinal);
        var relations = new List<string[]>();
        foreach (var line in File.ReadLines(path))
        {
            var fields = line.Split('\t');
            if (fields.Length >= 2 && fields[0].StartsWith('T'))
            {
                int space = fields[1].IndexOf(' ');
                if (space > 0)
                {
                    spans[fields[0]] = ParseSpans(fields[1][(space + 1)..]);
                }
            }
            else if (fields.Length >= 2 && fields[0].StartsWith('E'))
            {
                relations.Add(fields[1].Split(' ', StringSplitOptions.RemoveEmptyEntries));
            }
        }

        var attributions = new List<GoldAttribution>(relations.Count);
        foreach (var relation in relations)
        {
            var content = new List<TextSpan>();
            var source = new List<TextSpan>();
            var cue = new List<TextSpan>();
            foreach (var argument in relation)
            {
                int colon = argument.IndexOf(':');
                if (colon <= 0 || !spans.TryGetValue(argument[(colon + 1)..], out var argumentSpans))
                {
                    continue;
                }
                string role = argument[..colon].TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
                (role switch
                {
                    "Content" => content,
                    "Source" => source,
                    "Cue" => cue,
                    _ => null,
                })?.AddRange(argumentSpans);
            }
            if (content.Count > 0)
            {
                attributions.Add(new GoldAttribution([.. content], [.. source], [.. cue]));
            }
        }
        return attributions;
    }

    private static TextSpan[] ParseSpans(string value)
    {
        var parts = value.Split(';');
        var spans = new List<TextSpan>(parts.Length);
        foreach (var part in parts)
        {
            var bounds = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (bounds.Length == 2 && int.TryParse(bounds[0], out int start) && int.TryParse(bounds[1], out int end) && end > start)
            {
                spans.Add(new TextSpan(start, end));
            }
        }
        return [.. spans];
    }
}

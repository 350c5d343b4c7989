using System.Globalization;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using YamlDotNet.Core;
using YamlDotNet.Serialization;

namespace Pipeline.Articles.Formats;

/// <summary>
/// Markdown articles: optional YAML front matter (<c>title</c>, <c>date</c>, <c>section</c>, <c>source</c>,
/// <c>author</c>, <c>dateline</c>), then Markdown reduced to its text, one paragraph per block. Without a title in
/// the front matter, the first heading (or else the first paragraph) is the title.
/// </summary>
public static class MarkdownArticles
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    public static Article Parse(string id, string blobName, string source)
    {
        var document = Markdig.Markdown.Parse(source, Markdown);
        var front = FrontMatter(document, source);
        var text = new ArticleTextBuilder();
        string? title = front.GetValueOrDefault("title");
        foreach (var block in document.Descendants<LeafBlock>())
        {
            if (block is Markdig.Extensions.Yaml.YamlFrontMatterBlock || block is ThematicBreakBlock)
            {
                continue;
            }
            string paragraph = block switch
            {
                CodeBlock code => code.Lines.ToString(),
                _ => InlineText(block.Inline),
            };
            if (title is null && block is HeadingBlock && paragraph.Length > 0)
            {
                title = ArticleTextBuilder.Collapse(paragraph);
                continue;
            }
            text.Add(paragraph);
        }
        if (text.Count == 0)
        {
            throw new ArticleRejectedException("The Markdown file holds no article text.");
        }
        var article = text.Build(id, blobName, new ArticleMetadata("", null, null, null, null));
        title ??= article.Text[article.Paragraphs[0].Start..article.Paragraphs[0].End];
        var metadata = new ArticleMetadata(
            Shorten(title), ParseDate(front.GetValueOrDefault("date") ?? front.GetValueOrDefault("published")),
            front.GetValueOrDefault("section"), front.GetValueOrDefault("dateline"), front.GetValueOrDefault("source"),
            front.GetValueOrDefault("author"));
        return article with { Metadata = metadata };
    }

    internal static string Shorten(string title) =>
        title.Length <= ArticleParser.MaxTitleLength ? title : title[..ArticleParser.MaxTitleLength].TrimEnd() + "…";

    /// <summary>Dates as ISO dates or date-times (<c>2024-03-19</c>, <c>2024-03-19T10:00:00Z</c>); anything else is ignored.</summary>
    internal static DateOnly? ParseDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }
        return DateTimeOffset.TryParse(value.Trim(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var moment)
            ? DateOnly.FromDateTime(moment.UtcDateTime)
            : null;
    }

    private static Dictionary<string, string> FrontMatter(MarkdownDocument document, string source)
    {
        var block = document.Descendants<Markdig.Extensions.Yaml.YamlFrontMatterBlock>().FirstOrDefault();
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        if (block is null)
        {
            return values;
        }
        var yaml = source.Substring(block.Span.Start, block.Span.Length).Trim().Trim('-').Trim();
        try
        {
            var parsed = new DeserializerBuilder().Build().Deserialize<Dictionary<string, object?>>(yaml);
            foreach (var (key, value) in parsed ?? [])
            {
                if (value is string or int or long or double or bool)
                {
                    values[key] = Convert.ToString(value, CultureInfo.InvariantCulture)!;
                }
            }
        }
        catch (YamlException e)
        {
            return FlatFrontMatter(yaml, e);
        }
        return values;
    }

    /// <summary>
    /// Front matter that is not valid YAML, read as flat <c>key: rest of the line</c> pairs. Headlines often hold
    /// <c>": "</c> (<c>title: Stealth Over Health: Hillary…</c>), which YAML reads as a mapping inside a value; taking the
    /// rest of the line keeps what the writer meant. A line even that cannot read fails the article, saying which.
    /// </summary>
    private static Dictionary<string, string> FlatFrontMatter(string yaml, YamlException error)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var lines = yaml.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.Trim().Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }
            int colon = line.IndexOf(':');
            if (colon <= 0 || !IsKey(line.AsSpan(0, colon)))
            {
                throw new ArticleRejectedException(
                    $"The Markdown front matter is not valid YAML ({error.Message}), and its line {i + 2} (\"{TableSafe(line)}\") is not 'key: value'. " +
                    "Write one 'key: value' per line, and put a value holding ': ' or starting with a quote or bracket in quotes: title: \"Stealth Over Health: …\".");
            }
            values[line[..colon]] = Unquote(line[(colon + 1)..].Trim());
        }
        return values;

        static bool IsKey(ReadOnlySpan<char> key)
        {
            foreach (char c in key)
            {
                if (!char.IsAsciiLetterOrDigit(c) && c is not ('_' or '-'))
                {
                    return false;
                }
            }
            return true;
        }

        static string Unquote(string value) =>
            value.Length >= 2 && (value[0], value[^1]) is ('"', '"') or ('\'', '\'') ? value[1..^1] : value;

        static string TableSafe(string line) => line.Length > 80 ? line[..80] + "…" : line;
    }

    /// <summary>The text of inlines: emphasis and links kept as their words, images and raw HTML left out.</summary>
    private static string InlineText(ContainerInline? inlines)
    {
        if (inlines is null)
        {
            return "";
        }
        var sb = new System.Text.StringBuilder();
        Append(inlines, sb);
        return sb.ToString();

        static void Append(ContainerInline container, System.Text.StringBuilder sb)
        {
            foreach (var inline in container)
            {
                switch (inline)
                {
                    case LinkInline { IsImage: true }:
                        break;
                    case ContainerInline nested:
                        Append(nested, sb);
                        break;
                    case LiteralInline literal:
                        sb.Append(literal.Content.ToString());
                        break;
                    case CodeInline code:
                        sb.Append(code.Content);
                        break;
                    case LineBreakInline:
                        sb.Append(' ');
                        break;
                    case HtmlEntityInline entity:
                        sb.Append(entity.Transcoded.ToString());
                        break;
                }
            }
        }
    }
}

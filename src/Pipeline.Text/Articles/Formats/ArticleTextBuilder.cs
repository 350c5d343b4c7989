using System.Text;
using Pipeline.Text;

namespace Pipeline.Articles.Formats;

/// <summary>
/// Builds the text of an article from extracted paragraphs: paragraphs separated by a blank line, whitespace inside
/// each one collapsed. Entity and quote offsets point into this text, which is stored with the results.
/// </summary>
internal sealed class ArticleTextBuilder
{
    private readonly StringBuilder text = new();
    private readonly List<TextSpan> paragraphs = [];

    public int Count => paragraphs.Count;

    public void Add(string paragraph)
    {
        int start = text.Length + (paragraphs.Count > 0 ? 2 : 0);
        var collapsed = Collapse(paragraph);
        if (collapsed.Length == 0)
        {
            return;
        }
        if (paragraphs.Count > 0)
        {
            text.Append("\n\n");
        }
        text.Append(collapsed);
        paragraphs.Add(new TextSpan(start, text.Length));
    }

    public Article Build(string id, string blobName, ArticleMetadata metadata)
    {
        if (paragraphs.Count == 0)
        {
            throw new ArticleRejectedException("The file holds no article text.");
        }
        return new Article(id, blobName, text.ToString(), metadata, paragraphs.ToArray());
    }

    /// <summary>Runs of whitespace (line breaks included) become one space; the ends are trimmed.</summary>
    internal static string Collapse(string value)
    {
        var sb = new StringBuilder(value.Length);
        bool space = false;
        foreach (char c in value)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0')
            {
                space = sb.Length > 0;
                continue;
            }
            if (space)
            {
                sb.Append(' ');
                space = false;
            }
            sb.Append(c);
        }
        return sb.ToString();
    }
}

using System.Globalization;
using Pipeline.Text;

namespace Pipeline.Articles;

/// <summary>
/// Reads article text in the seed's header format, or plain text whose first line is the title.
/// </summary>
/// <remarks>
/// The header format is: <c> date 2024-03-19 International</c>, the title, up to two lines of dateline and source,
/// then a line holding only a dash; the body follows, one paragraph per line (or per blank-line-separated block).
/// </remarks>
public static class ArticleParser
{
    /// <summary>Titles longer than this are cut at a word boundary.</summary>
    public const int MaxTitleLength = 300;

    public static Article Parse(string id, string blobName, string text)
    {
        var lines = SplitLines(text);
        int next = NextNonEmpty(lines, text, 0);
        if (next < 0)
        {
            throw new ArticleRejectedException("The file holds only whitespace.");
        }
        RejectMarkup(lines[next].Slice(text), blobName);

        DateOnly? published = null;
        string? section = null, dateline = null, source = null;
        if (TryParseDateLine(lines[next].Slice(text), out var date, out var sectionText))
        {
            published = date;
            section = sectionText;
            next = NextNonEmpty(lines, text, next + 1);
            if (next < 0)
            {
                throw new ArticleRejectedException("The file has a date header but no title or body.");
            }
        }

        var titleLine = lines[next];
        int bodyLine = next + 1;
        int separator = FindSeparator(lines, text, bodyLine, maxLines: 4);
        if (separator >= 0)
        {
            var between = new List<string>(2);
            for (int i = bodyLine; i < separator; i++)
            {
                if (!lines[i].Slice(text).IsWhiteSpace())
                {
                    between.Add(lines[i].Slice(text).Trim().ToString());
                }
            }
            (dateline, source) = between.Count switch
            {
                0 => (null, null),
                1 => LooksLikeSource(between[0]) ? (null, between[0]) : (between[0], (string?)null),
                _ => (between[0], between[1]),
            };
            bodyLine = separator + 1;
        }

        var paragraphs = Paragraphs(lines, text, bodyLine);
        string title = Title(titleLine.Slice(text));
        if (paragraphs.Count == 0 || titleLine.Length > MaxTitleLength)
        {
            // A one-line file, or a first line that is clearly a paragraph: it is also the body.
            paragraphs.Insert(0, Trim(text, titleLine));
        }

        return new Article(id, blobName, text, new ArticleMetadata(title, published, section, dateline, source), paragraphs);
    }

    private static void RejectMarkup(ReadOnlySpan<char> firstLine, string blobName)
    {
        var start = firstLine.TrimStart();
        if (start.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase)
            || start.StartsWith("<html", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArticleRejectedException(
                $"'{blobName}' holds HTML, not plain text. Upload saved web pages with an .html extension.");
        }
    }

    private static bool TryParseDateLine(ReadOnlySpan<char> line, out DateOnly date, out string? section)
    {
        date = default;
        section = null;
        var rest = line.Trim();
        if (!rest.StartsWith("date ", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }
        rest = rest[5..].TrimStart();
        int space = rest.IndexOfAny(' ', '\t');
        var dateText = space < 0 ? rest : rest[..space];
        if (!DateOnly.TryParseExact(dateText, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
        {
            return false;
        }
        var sectionText = space < 0 ? [] : rest[space..].Trim();
        section = sectionText.IsEmpty ? null : sectionText.ToString();
        return true;
    }

    /// <summary>A header ends with a line of one to five dashes of any kind.</summary>
    private static int FindSeparator(List<TextSpan> lines, string text, int from, int maxLines)
    {
        for (int i = from, seen = 0; i < lines.Count && seen < maxLines; i++)
        {
            var line = lines[i].Slice(text).Trim();
            if (line.IsEmpty)
            {
                continue;
            }
            seen++;
            if (line.Length <= 5 && !line.ContainsAnyExcept("-–—―‐‑‒"))
            {
                return i;
            }
        }
        return -1;
    }

    private static bool LooksLikeSource(string line) =>
        line.Length <= 6 && line.AsSpan().IndexOfAnyInRange('a', 'z') < 0;

    private static string Title(ReadOnlySpan<char> line)
    {
        var title = line.Trim();
        if (title.Length <= MaxTitleLength)
        {
            return title.ToString();
        }
        int cut = title[..MaxTitleLength].LastIndexOf(' ');
        return string.Concat(title[..(cut > MaxTitleLength / 2 ? cut : MaxTitleLength)].TrimEnd(), "…");
    }

    /// <summary>Lines longer than this were not wrapped by hand: editors and mail wrap prose at 72 to 80 characters.</summary>
    public const int WrapWidth = 100;

    /// <summary>
    /// Blank-line-separated blocks when the body is hard-wrapped prose with blank lines between paragraphs; otherwise
    /// one paragraph per line. A body whose lines run past <see cref="WrapWidth"/> was not wrapped, so a single line
    /// break there still ends a paragraph (a headline line before its story must not run into the story's first
    /// sentence: "… Like Donald Trump" + "MANCHESTER, N.H. …" is not one name).
    /// </summary>
    private static List<TextSpan> Paragraphs(List<TextSpan> lines, string text, int from)
    {
        bool hasBlankLine = false, seenText = false;
        int textLines = 0, longLines = 0;
        for (int i = from; i < lines.Count; i++)
        {
            var line = lines[i].Slice(text);
            bool blank = line.IsWhiteSpace();
            hasBlankLine |= blank && seenText;
            seenText |= !blank;
            textLines += blank ? 0 : 1;
            longLines += line.Trim().Length > WrapWidth ? 1 : 0;
        }
        bool blockMode = hasBlankLine && longLines * 10 <= textLines;

        var paragraphs = new List<TextSpan>();
        int start = -1, end = -1;
        for (int i = from; i < lines.Count; i++)
        {
            var line = lines[i];
            if (line.Slice(text).IsWhiteSpace())
            {
                Flush();
                continue;
            }
            if (start < 0)
            {
                start = line.Start;
            }
            end = line.End;
            if (!blockMode)
            {
                Flush();
            }
        }
        Flush();
        return paragraphs;

        void Flush()
        {
            if (start >= 0)
            {
                paragraphs.Add(Trim(text, new TextSpan(start, end)));
                start = -1;
            }
        }
    }

    private static TextSpan Trim(string text, TextSpan span)
    {
        int s = span.Start, e = span.End;
        while (s < e && char.IsWhiteSpace(text[s]))
        {
            s++;
        }
        while (e > s && char.IsWhiteSpace(text[e - 1]))
        {
            e--;
        }
        return new TextSpan(s, e);
    }

    private static int NextNonEmpty(List<TextSpan> lines, string text, int from)
    {
        for (int i = from; i < lines.Count; i++)
        {
            if (!lines[i].Slice(text).IsWhiteSpace())
            {
                return i;
            }
        }
        return -1;
    }

    /// <summary>Lines without their terminators; <c>\r\n</c>, <c>\n</c> and <c>\r</c> all end a line.</summary>
    private static List<TextSpan> SplitLines(string text)
    {
        var lines = new List<TextSpan>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '\n' or '\r' or '\u2028' or '\u2029')
            {
                lines.Add(new TextSpan(start, i));
                if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
                start = i + 1;
            }
        }
        if (start < text.Length)
        {
            lines.Add(new TextSpan(start, text.Length));
        }
        return lines;
    }
}

using System.Text;
using System.Text.RegularExpressions;

namespace Pipeline.Evaluation.Summaries;

/// <summary>
/// Turns raw CNN/DailyMail text into what the SummEval/REALSumm test samples look like: Penn-Treebank-style
/// tokens (<c>Sunday 's</c>, <c>do n't</c>, <c>said .</c>, <c>`` quote ''</c>, <c>-lrb- cnn -rrb-</c>) and,
/// optionally, lower case. Used only in memory, to check that the summarizer copes with that condition; it is
/// written independently of <see cref="Pipeline.Text.Tokenizer"/> so the check is not circular. Not a hot path.
/// </summary>
public static partial class TokenizedCorpusSimulator
{
    /// <summary>Words that keep their period in PTB tokenization (compared lower-case, without the period).</summary>
    private static readonly HashSet<string> KeepPeriod = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "lt", "col", "sgt", "capt", "st", "jr", "sr",
        "rev", "jan", "feb", "aug", "sept", "sep", "oct", "nov", "dec", "inc", "corp", "co", "ltd", "no", "vs", "etc",
        "mt", "ft", "ave", "calif", "fla", "mass", "pa", "va", "wash", "ariz", "conn", "mich", "minn", "tenn", "tex",
    };

    /// <summary>Tokenizes (and lower-cases when <paramref name="lowercase"/>) each line of <paramref name="text"/>.</summary>
    public static string Convert(string text, bool lowercase = true)
    {
        var lines = text.Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            lines[i] = ConvertLine(lines[i], lowercase);
        }
        return string.Join('\n', lines);
    }

    private static string ConvertLine(string line, bool lowercase)
    {
        var s = Quotes(line);
        s = Clitic().Replace(s, "$1 $2");
        s = Negation().Replace(s, "$1 n't");
        s = Separate().Replace(s, " $1 ");
        s = Comma().Replace(s, " , ");
        s = Colon().Replace(s, " : ");
        s = s.Replace("(", " -LRB- ").Replace(")", " -RRB- ").Replace("[", " -LSB- ").Replace("]", " -RSB- ")
             .Replace("{", " -LCB- ").Replace("}", " -RCB- ");
        s = Dashes().Replace(s, " $1 ");
        s = Ellipsis().Replace(s, " ... ");
        var output = new StringBuilder(s.Length + 16);
        var chunks = s.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (int i = 0; i < chunks.Length; i++)
        {
            var chunk = chunks[i];
            if (chunk.Length > 1 && chunk[^1] == '.' && chunk != "...")
            {
                var word = chunk[..^1];
                bool abbreviation = KeepPeriod.Contains(word) || word.Contains('.') || (word.Length == 1 && char.IsLetter(word[0]));
                if (!abbreviation)
                {
                    chunk = word + " .";
                }
                else if (i == chunks.Length - 1)
                {
                    chunk += " ."; // "in the U.S. ." as PTB does at the end of a text
                }
            }
            if (output.Length > 0)
            {
                output.Append(' ');
            }
            output.Append(chunk);
        }
        var result = output.ToString();
        return lowercase ? result.ToLowerInvariant() : result;
    }

    /// <summary>Double quotes become `` and '' by side; single quotes around words become ` and '.</summary>
    private static string Quotes(string line)
    {
        var b = new StringBuilder(line.Length + 16);
        for (int i = 0; i < line.Length; i++)
        {
            char c = line[i];
            char prev = i > 0 ? line[i - 1] : ' ';
            char next = i + 1 < line.Length ? line[i + 1] : ' ';
            bool opening = char.IsWhiteSpace(prev) || prev is '(' or '[' or '{' or '-';
            switch (c)
            {
                case '“':
                    b.Append(" `` ");
                    break;
                case '”':
                    b.Append(" '' ");
                    break;
                case '"':
                    b.Append(opening ? " `` " : " '' ");
                    break;
                case '‘':
                    b.Append(" ` ");
                    break;
                case '\'' or '’' when char.IsLetterOrDigit(prev) && char.IsLetterOrDigit(next):
                    b.Append('\''); // an apostrophe inside a word
                    break;
                case '\'' or '’' when opening && char.IsLetterOrDigit(next):
                    b.Append(" ` ");
                    break;
                case '\'' or '’':
                    b.Append(" ' ");
                    break;
                default:
                    b.Append(c);
                    break;
            }
        }
        return b.ToString();
    }

    [GeneratedRegex(@"(\w)('s|'re|'ve|'ll|'d|'m)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Clitic();

    [GeneratedRegex(@"(\w)n't\b", RegexOptions.IgnoreCase)]
    private static partial Regex Negation();

    [GeneratedRegex(@"([;?!])")]
    private static partial Regex Separate();

    [GeneratedRegex(@"(?<!\d),|,(?!\d)")]
    private static partial Regex Comma();

    [GeneratedRegex(@"(?<!\d):|:(?!\d)")]
    private static partial Regex Colon();

    [GeneratedRegex(@"(--|—|–)")]
    private static partial Regex Dashes();

    [GeneratedRegex(@"\.\.\.+|…")]
    private static partial Regex Ellipsis();
}

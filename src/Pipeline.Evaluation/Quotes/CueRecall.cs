using Pipeline.Text;

namespace Pipeline.Evaluation.Quotes;

/// <summary>
/// Recall of all attributions by the first word of the gold cue (<c>said</c>, <c>according</c>, <c>has</c>), for
/// <c>eval quotes --by-cue</c>: where the attributions that are never found are, so that the next change aims at the
/// cues that lose the most rather than at one sentence.
/// </summary>
public sealed class CueRecall
{
    /// <summary>The first word of a gold attribution without a cue.</summary>
    public const string NoCue = "(no cue)";

    private readonly Dictionary<string, (int Gold, int Matched)> _counts = new(StringComparer.Ordinal);

    public int Gold { get; private set; }

    public int Matched { get; private set; }

    /// <summary>Gold and matched attributions whose cue begins with <paramref name="word"/> (lower case).</summary>
    public (int Gold, int Matched) this[string word] => _counts.GetValueOrDefault(word);

    /// <summary>The first words counted, those with the most gold attributions missed first.</summary>
    public IEnumerable<string> ByMissed => _counts.OrderByDescending(r => r.Value.Gold - r.Value.Matched).ThenBy(r => r.Key, StringComparer.Ordinal).Select(r => r.Key);

    /// <summary>Counts one gold attribution: its cue's first word in <paramref name="text"/>, and whether a quote found matched it.</summary>
    public void Add(string text, TextSpan[] cue, bool matched)
    {
        string word = FirstWord(text, cue);
        var (gold, found) = _counts.GetValueOrDefault(word);
        _counts[word] = (gold + 1, found + (matched ? 1 : 0));
        Gold++;
        Matched += matched ? 1 : 0;
    }

    /// <summary>Adds <paramref name="other"/>'s counts to these (the parts of a cross-validation).</summary>
    public void Add(CueRecall other)
    {
        foreach (var (word, (gold, matched)) in other._counts)
        {
            var (g, m) = _counts.GetValueOrDefault(word);
            _counts[word] = (g + gold, m + matched);
        }
        Gold += other.Gold;
        Matched += other.Matched;
    }

    /// <summary>The lower-cased first word (or punctuation mark) of the cue's first span.</summary>
    internal static string FirstWord(string text, TextSpan[] cue)
    {
        if (cue.Length == 0)
        {
            return NoCue;
        }
        var words = cue[0].Slice(text).Trim();
        int end = 0;
        while (end < words.Length && (char.IsLetterOrDigit(words[end]) || words[end] is '\'' or '’' or '-'))
        {
            end++;
        }
        return (end == 0 ? words[..Math.Min(1, words.Length)] : words[..end]).ToString().ToLowerInvariant();
    }

    /// <summary>The <paramref name="top"/> first words with the most gold attributions missed, as a Markdown table.</summary>
    public void Print(TextWriter output, int top)
    {
        int missed = Gold - Matched;
        output.WriteLine($"All attributions by the first word of the gold cue: the {top} that miss the most ({missed} of {Gold} missed in all)");
        output.WriteLine();
        output.WriteLine("| cue word | gold | matched | recall | missed | share of all missed |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|");
        foreach (var word in ByMissed.Take(top))
        {
            var (gold, matched) = _counts[word];
            output.WriteLine($"| {word} | {gold} | {matched} | {(double)matched / gold:F2} | {gold - matched} | {(missed == 0 ? 0 : 100.0 * (gold - matched) / missed):F1}% |");
        }
    }
}

using System.Collections.Frozen;
using Pipeline.Text;

namespace Pipeline.Entities;

/// <summary>
/// Finds dates by rule: weekdays (<c>Monday</c>), months with an optional day and year (<c>February 15</c>,
/// <c>March 19, 2024</c>, <c>Sept. 5</c>), ISO dates (<c>2024-03-19</c>) and years after <c>in</c>.
/// </summary>
public static class DateRecognizer
{
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Weekdays = EntityLexicons.Load("weekdays.txt");

    /// <summary>Months and their abbreviations, matched as written (<c>may</c> and <c>march</c> are words too).</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Months = EntityLexicons.Load("months.txt", StringComparer.Ordinal);

    /// <summary>Appends date mentions to <paramref name="output"/>, skipping tokens already covered by <paramref name="taken"/>.</summary>
    public static void Recognize(TextDocument document, ReadOnlySpan<bool> taken, List<EntityMention> output)
    {
        var tokens = document.Tokens;
        for (int t = 0; t < tokens.Length; t++)
        {
            if (taken[t] || tokens[t].Kind == TokenKind.Punctuation)
            {
                continue;
            }
            var text = document[tokens[t]];
            int end = t;
            if (Weekdays.Contains(text) && CharClass.IsUpper(text[0]))
            {
                end = t + 1;
            }
            else if (Months.Contains(text) && !IsModalMay(document, t))
            {
                end = t + 1;
                if (end < tokens.Length && IsDay(document[tokens[end]]))
                {
                    end++;
                    if (end + 1 < tokens.Length && document[tokens[end]] is "," && IsYear(document[tokens[end + 1]]))
                    {
                        end += 2;
                    }
                }
                else if (end < tokens.Length && IsYear(document[tokens[end]]))
                {
                    end++;
                }
            }
            else if (tokens[t].Kind == TokenKind.Number && IsIsoDate(text))
            {
                end = t + 1;
            }

            if (end > t && !AnyTaken(taken, t, end))
            {
                output.Add(new EntityMention(t, end - t, tokens[t].Start, tokens[end - 1].End, EntityType.Date));
                t = end - 1;
            }
        }
    }

    /// <summary>"May" opening a clause with a lower-case word after it is the verb.</summary>
    private static bool IsModalMay(TextDocument document, int t)
    {
        if (document[document.Tokens[t]] is not "May")
        {
            return false;
        }
        return t + 1 < document.Tokens.Length && CharClass.IsLower(document[document.Tokens[t + 1]][0]);
    }

    private static bool AnyTaken(ReadOnlySpan<bool> taken, int from, int to)
    {
        for (int i = from; i < to; i++)
        {
            if (taken[i])
            {
                return true;
            }
        }
        return false;
    }

    private static bool IsDay(ReadOnlySpan<char> s)
    {
        if (s.EndsWith("st") || s.EndsWith("nd") || s.EndsWith("rd") || s.EndsWith("th"))
        {
            s = s[..^2];
        }
        return s.Length is 1 or 2 && int.TryParse(s, out int day) && day is >= 1 and <= 31;
    }

    private static bool IsYear(ReadOnlySpan<char> s) =>
        s.Length == 4 && int.TryParse(s, out int year) && year is >= 1000 and <= 2999;

    private static bool IsIsoDate(ReadOnlySpan<char> s) =>
        s.Length == 10 && s[4] == '-' && s[7] == '-' && IsYear(s[..4])
        && int.TryParse(s[5..7], out int m) && m is >= 1 and <= 12 && int.TryParse(s[8..], out int d) && d is >= 1 and <= 31;
}

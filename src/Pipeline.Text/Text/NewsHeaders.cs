using System.Collections.Frozen;

namespace Pipeline.Text;

/// <summary>
/// Datelines and bylines at the top of news text that are not sentences: CNN's <c>Washington (CNN) --</c> or
/// <c>-lrb- cnn -rrb- --</c>, and DailyMail's <c>By . Author . PUBLISHED: . 12:01 EST, 3 May 2014 . | . UPDATED: . …</c>.
/// They are split off the first sentence and merged into one header sentence per paragraph, so the body starts clean.
/// </summary>
public static class NewsHeaders
{
    /// <summary>News services seen in datelines; anything else needs a dash or a glued word after the bracket.</summary>
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Services = WordLists.Set(typeof(NewsHeaders).Assembly, "Pipeline.Text.Lexicons.news-services.txt", StringComparer.OrdinalIgnoreCase);

    /// <summary>At most this many tokens (place names) stand before the bracket of a dateline.</summary>
    private const int MaxPlaceTokens = 8;

    /// <summary>A byline block has at most this many short units (By . Author . PUBLISHED: . date . | . UPDATED: . date).</summary>
    private const int MaxBylineUnits = 14;

    /// <summary>
    /// Splits a leading dateline off the first sentence and merges leading byline units, in place.
    /// Returns how many leading sentences are header rather than body.
    /// </summary>
    internal static int SeparateLeading(string text, ReadOnlySpan<Token> tokens, List<Sentence> sentences, TextStyle style)
    {
        if (sentences.Count == 0)
        {
            return 0;
        }
        int header = 0;
        header += MergeByline(text, tokens, sentences, header, style);
        if (SplitDateline(text, tokens, sentences, header, style))
        {
            header++;
        }
        // DailyMail puts the dateline after the byline and vice versa; look once more.
        if (header > 0)
        {
            header += MergeByline(text, tokens, sentences, header, style);
        }
        return header;
    }

    private static bool SplitDateline(string text, ReadOnlySpan<Token> tokens, List<Sentence> sentences, int index, TextStyle style)
    {
        if (index >= sentences.Count)
        {
            return false;
        }
        var sentence = sentences[index];
        int first = sentence.FirstToken, end = sentence.EndToken;
        for (int open = first; open < end && open - first <= MaxPlaceTokens; open++)
        {
            var t = tokens[open];
            var s = t.Slice(text);
            bool isOpen = s is "(" || s.Equals("-lrb-", StringComparison.OrdinalIgnoreCase);
            if (!isOpen)
            {
                if (t.Kind is not (TokenKind.Word or TokenKind.Number) && s is not ("," or "."))
                {
                    return false; // a place name holds only words and commas
                }
                if (!style.Caseless && t.Kind == TokenKind.Word && !CharClass.IsUpper(s[0]))
                {
                    return false;
                }
                continue;
            }
            int close = open + 1;
            bool known = false, capitalized = true;
            while (close < end && close - open <= 4 && tokens[close].Kind == TokenKind.Word)
            {
                var w = tokens[close].Slice(text);
                known |= Services.Contains(w);
                capitalized &= CharClass.IsUpper(w[0]);
                close++;
            }
            if (close == open + 1 || close >= end)
            {
                return false;
            }
            var c = tokens[close].Slice(text);
            if (c is not ")" && !c.Equals("-rrb-", StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
            int after = close + 1;
            bool dash = after < end && tokens[after].Kind == TokenKind.Punctuation
                && (CharClass.IsHyphen(tokens[after].Slice(text)[0]) || CharClass.IsDash(tokens[after].Slice(text)[0]));
            bool glued = after < end && tokens[after].Start == tokens[close].End && tokens[after].Kind == TokenKind.Word;
            if (!(known || ((dash || glued) && (capitalized || style.Caseless))))
            {
                return false; // "Apple (AAPL) shares rose" is a sentence
            }
            if (dash)
            {
                after++;
            }
            if (after >= end)
            {
                return true; // the whole sentence is the dateline
            }
            sentences[index] = Make(tokens, first, after, sentence.Paragraph);
            sentences.Insert(index + 1, Make(tokens, after, end, sentence.Paragraph));
            return true;
        }
        return false;
    }

    /// <summary>Merges the byline units that start at <paramref name="index"/>; returns 1 when there were any.</summary>
    private static int MergeByline(string text, ReadOnlySpan<Token> tokens, List<Sentence> sentences, int index, TextStyle style)
    {
        int units = 0;
        var previous = Unit.None;
        bool strong = false;
        while (index + units < sentences.Count && units < MaxBylineUnits)
        {
            var sentence = sentences[index + units];
            if (sentence.Paragraph != sentences[index].Paragraph)
            {
                break;
            }
            var unit = Classify(text, tokens, sentence, previous, style);
            if (unit == Unit.None)
            {
                break;
            }
            // A bare "By ." or a time stamp marks a byline in any text; "by tuesday , the storm had passed ."
            // must not, so a named By unit counts only where capitals can be trusted.
            strong |= unit == Unit.Stamp || (unit == Unit.By && (!style.Caseless || sentence.TokenCount <= 2));
            previous = unit;
            units++;
        }
        if (!strong)
        {
            return 0;
        }
        var firstSentence = sentences[index];
        var lastSentence = sentences[index + units - 1];
        sentences.RemoveRange(index + 1, units - 1);
        sentences[index] = Make(tokens, firstSentence.FirstToken, lastSentence.EndToken, firstSentence.Paragraph);
        return 1;
    }

    private enum Unit : byte
    {
        None,
        /// <summary><c>By .</c> or <c>By John Smith .</c></summary>
        By,
        /// <summary><c>PUBLISHED: .</c>, <c>UPDATED: .</c>, <c>Last updated at …</c></summary>
        Stamp,
        /// <summary>A time or date: <c>12:01 EST, 3 May 2014 .</c>, or a lone <c>|</c>.</summary>
        Date,
        /// <summary>A name after a bare <c>By .</c>, or <c>and Jane Doe .</c>, <c>for MailOnline .</c></summary>
        Author,
    }

    private static Unit Classify(string text, ReadOnlySpan<Token> tokens, Sentence sentence, Unit previous, TextStyle style)
    {
        // Words of the unit, without its final periods.
        int first = sentence.FirstToken, end = sentence.EndToken;
        while (end > first && tokens[end - 1].Slice(text) is "." or "|" or ":")
        {
            end--;
        }
        int count = end - first;
        if (count == 0)
        {
            return previous == Unit.None ? Unit.None : Unit.Date; // ". | ." between stamps
        }
        var head = tokens[first].Slice(text);
        if (head.Equals("by", StringComparison.OrdinalIgnoreCase) && count <= 8 && LooksLikeName(text, tokens, first + 1, end, style))
        {
            return Unit.By;
        }
        if ((head.Equals("published", StringComparison.OrdinalIgnoreCase) || head.Equals("updated", StringComparison.OrdinalIgnoreCase))
            && (count == 1 || tokens[first + 1].Slice(text) is ":" || (count <= 12 && HasTime(text, tokens, first, end))))
        {
            // "PUBLISHED: ." or "UPDATED: 12:01 EST …", not "Updated guidelines were released …".
            return Unit.Stamp;
        }
        if (head.Equals("last", StringComparison.OrdinalIgnoreCase) && count >= 2 && count <= 14
            && tokens[first + 1].Slice(text).Equals("updated", StringComparison.OrdinalIgnoreCase))
        {
            return Unit.Stamp;
        }
        if (previous == Unit.None)
        {
            return Unit.None;
        }
        if (count <= 12 && HasTime(text, tokens, first, end))
        {
            return Unit.Date;
        }
        if (previous is Unit.By or Unit.Author && count <= 8 && LooksLikeName(text, tokens, first, end, style))
        {
            return Unit.Author;
        }
        return Unit.None;
    }

    /// <summary>Names and "and", "for", "in": capitalized words in cased text, short in any case, no sentence punctuation.</summary>
    private static bool LooksLikeName(string text, ReadOnlySpan<Token> tokens, int first, int end, TextStyle style)
    {
        for (int i = first; i < end; i++)
        {
            var s = tokens[i].Slice(text);
            if (tokens[i].Kind == TokenKind.Word)
            {
                bool joiner = s is "and" or "for" or "in" or "of" or "the" or "And" or "For";
                if (!joiner && !style.Caseless && !CharClass.IsUpper(s[0]))
                {
                    return false;
                }
            }
            else if (s is not ("," or "-" or "'" or "&"))
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>A clock time (<c>12:01</c>) or a time zone (<c>EST</c>, <c>GMT</c>, <c>BST</c>).</summary>
    private static bool HasTime(string text, ReadOnlySpan<Token> tokens, int first, int end)
    {
        for (int i = first; i < end; i++)
        {
            var s = tokens[i].Slice(text);
            if (tokens[i].Kind == TokenKind.Number && s.Contains(':'))
            {
                return true;
            }
            if (s.Equals("EST", StringComparison.OrdinalIgnoreCase) || s.Equals("GMT", StringComparison.OrdinalIgnoreCase)
                || s.Equals("BST", StringComparison.OrdinalIgnoreCase) || s.Equals("EDT", StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private static Sentence Make(ReadOnlySpan<Token> tokens, int from, int to, int paragraph) =>
        new(tokens[from].Start, tokens[to - 1].End, from, to - from, paragraph);
}

using Pipeline.Text;

namespace Pipeline.Summaries;

/// <summary>
/// Which sentences may stand in a summary at all: not a dateline or byline, not a fragment (<c>, he said.</c>,
/// a lower-case continuation), not page furniture (<c>Scroll down for video</c>, <c>Click here</c>), and long
/// enough to say something.
/// </summary>
internal static class SentenceEligibility
{
    public const int MinWords = 5;
    public const int MinContentWords = 2;

    /// <summary>Lower-case openings of page furniture that news sites leave in article text.</summary>
    private static readonly string[] Furniture =
    [
        "scroll down", "click here", "read more", "read :", "read:", "watch :", "watch:", "follow ", "e-mail to a friend",
        "email to a friend", "share this", "sorry we are not", "copyright", "all rights reserved", "for confidential support",
        "this article", "editor 's note", "editor's note", "video :", "video:", "pictured :", "pictured:", "see more",
        "subscribe", "sign up", "related :", "related:", "join the conversation", "like us on", "download the",
    ];

    /// <summary>Lower-case endings of credit lines.</summary>
    private static readonly string[] Credits =
    [
        "contributed to this report .", "contributed to this report.", "contributed reporting .", "contributed reporting.",
        "wrote this story .", "wrote this story.",
    ];

    public static bool IsEligible(TextDocument document, int index, DocumentTerms terms, bool caseless)
    {
        if (index < document.HeaderSentences || terms.Words[index] < MinWords || terms.Content[index].Length < MinContentWords)
        {
            return false;
        }
        var sentence = document.Sentences[index];
        var first = document[document.Tokens[sentence.FirstToken]];
        if (first is "," or ";" or ":" or ")" or "]" or "''" or "”" or "’" or "%" || first.Equals("-rrb-", StringComparison.OrdinalIgnoreCase))
        {
            return false; // a fragment cut off a longer sentence
        }
        if (!caseless && document.Tokens[sentence.FirstToken].Kind == TokenKind.Word && CharClass.IsLower(first[0])
            && !(first.Length > 1 && CharClass.IsUpper(first[1])))
        {
            return false; // "he said." split off; but "iPhone sales …" starts a sentence
        }
        var text = sentence.Span.Slice(document.Text);
        return !StartsWithAny(text, Furniture) && !EndsWithAny(text, Credits);
    }

    private static bool StartsWithAny(ReadOnlySpan<char> text, string[] prefixes)
    {
        var trimmed = text.TrimStart("\"'`“‘([ -");
        foreach (var prefix in prefixes)
        {
            if (trimmed.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }

    private static bool EndsWithAny(ReadOnlySpan<char> text, string[] suffixes)
    {
        foreach (var suffix in suffixes)
        {
            if (text.EndsWith(suffix, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }
        return false;
    }
}

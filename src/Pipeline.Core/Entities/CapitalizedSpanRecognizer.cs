using System.Collections.Frozen;
using Pipeline.Text;

namespace Pipeline.Entities;

/// <summary>
/// A first, rule-based recognizer: runs of capitalized words, typed by the words around and inside them.
/// It stands in until the trained tagger (issue 3) replaces it behind <see cref="IEntityRecognizer"/>.
/// </summary>
public sealed class CapitalizedSpanRecognizer : IEntityRecognizer
{
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NotNames = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "The", "A", "An", "In", "On", "At", "As", "But", "And", "Or", "So", "If", "It", "He", "She", "They", "We",
        "I", "You", "This", "That", "These", "Those", "His", "Her", "Their", "Our", "My", "Its", "After", "Before",
        "During", "While", "When", "From", "With", "Still", "Speaking", "Monday", "Tuesday", "Wednesday",
        "Thursday", "Friday", "Saturday", "Sunday", "President", "Prime", "Minister", "Majority", "Leader",
        "Senate", "Tensions", "There", "Here", "What", "Why", "How", "Who", "Our", "Your", "Some", "Many",
        "According", "Officials", "Asked", "Despite", "Since", "Although", "For", "By", "To", "Of")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Connectors = FrozenSet.Create(
        StringComparer.Ordinal, "of", "the", "de", "bin", "al", "van", "von", "da")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OrganizationWords = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "House", "Senate", "Congress", "Office", "Ministry", "Department", "Party", "Council", "Committee", "Agency",
        "Inc.", "Corp.", "Company", "University", "Bank", "Group", "News", "Times", "Post", "Association", "Union",
        "Court", "Army", "Forces", "Hamas", "Hezbollah", "Reuters", "Pentagon", "Kremlin", "Parliament", "Cabinet")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Places = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "Gaza", "Israel", "Egypt", "Rafah", "Washington", "Lebanon", "Syria", "Iran", "Iraq", "Jordan", "Ukraine",
        "Russia", "China", "Europe", "America", "Britain", "London", "Paris", "Moscow", "Beijing", "Jerusalem",
        "Tel Aviv", "West Bank", "New York", "California", "Texas", "Florida", "Germany", "France", "Japan", "India")
        .GetAlternateLookup<ReadOnlySpan<char>>();

    public EntityMention[] Recognize(TextDocument document)
    {
        var output = new List<EntityMention>();
        var tokens = document.Tokens;
        foreach (var sentence in document.Sentences)
        {
            int t = sentence.FirstToken;
            while (t < sentence.EndToken)
            {
                if (!IsCapitalizedWord(document, t) || NotNames.Contains(document[tokens[t]]))
                {
                    t++;
                    continue;
                }
                int end = t + 1;
                while (end < sentence.EndToken)
                {
                    if (IsCapitalizedWord(document, end) && !NotNames.Contains(document[tokens[end]]))
                    {
                        end++;
                    }
                    else if (end + 1 < sentence.EndToken && Connectors.Contains(document[tokens[end]]) && IsCapitalizedWord(document, end + 1))
                    {
                        end += 2;
                    }
                    else
                    {
                        break;
                    }
                }
                output.Add(new EntityMention(t, end - t, tokens[t].Start, tokens[end - 1].End, Classify(document, t, end)));
                t = end;
            }
        }
        return [.. output];
    }

    private static bool IsCapitalizedWord(TextDocument document, int t)
    {
        var token = document.Tokens[t];
        return token.Kind == TokenKind.Word && CharClass.IsUpper(document.Text[token.Start]);
    }

    private static EntityType Classify(TextDocument document, int start, int end)
    {
        var tokens = document.Tokens;
        var whole = document.Text.AsSpan(tokens[start].Start, tokens[end - 1].End - tokens[start].Start);
        if (Places.Contains(whole))
        {
            return EntityType.Location;
        }
        for (int t = start; t < end; t++)
        {
            var word = document[tokens[t]];
            if (OrganizationWords.Contains(word) || (word.Length >= 2 && word.Length <= 5 && !word.ContainsAnyInRange('a', 'z')))
            {
                return EntityType.Organization;
            }
        }
        if (start > 0 && NotNames.Contains(document[tokens[start - 1]]) && CharClass.IsUpper(document[tokens[start - 1]][0]))
        {
            // After a title: President Joe Biden, Prime Minister Benjamin Netanyahu.
            return EntityType.Person;
        }
        return end - start is 2 or 3 ? EntityType.Person : EntityType.Misc;
    }
}

using Pipeline.Text;

namespace Pipeline.Entities;

/// <summary>
/// One person, organization, place or thing of an article, under its fullest name, with every mention.
/// </summary>
/// <param name="Key">Stable across articles: <see cref="EntityKey.Create"/>.</param>
/// <param name="Name">The fullest name used in the article, without titles: <c>Joe Biden</c>.</param>
/// <param name="Mentions">Character ranges of every mention, in text order.</param>
/// <param name="Salience">Share of the article's entity attention, 0..1; early and frequent mentions weigh more.</param>
public sealed record CanonicalEntity(string Key, string Name, EntityType Type, TextSpan[] Mentions, double Salience)
{
    public int MentionCount => Mentions.Length;
}

/// <summary>The entity stage's output: canonical entities (most salient first) and the mentions behind them.</summary>
/// <param name="Mentions">Mentions after title and possessive stripping, in text order.</param>
/// <param name="MentionEntity">For each mention, the index of its entity in <paramref name="Entities"/>.</param>
public sealed record EntityExtraction(CanonicalEntity[] Entities, EntityMention[] Mentions, int[] MentionEntity)
{
    public static readonly EntityExtraction Empty = new([], [], []);

    /// <summary>Index of the mention covering token <paramref name="token"/>, or -1.</summary>
    public int MentionAtToken(int token)
    {
        int lo = 0, hi = Mentions.Length - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var m = Mentions[mid];
            if (token < m.FirstToken)
            {
                hi = mid - 1;
            }
            else if (token >= m.EndToken)
            {
                lo = mid + 1;
            }
            else
            {
                return mid;
            }
        }
        return -1;
    }
}

/// <summary>Finds an article's canonical entities.</summary>
public interface IEntityExtractor
{
    EntityExtraction Extract(TextDocument document);
}

using System.Text.Json;
using Pipeline.Articles;
using Pipeline.Entities;
using Pipeline.Entities.Identity;
using Pipeline.Evaluation.Quotes;
using Pipeline.Extraction;
using Pipeline.Quotes;
using Pipeline.Results;
using Pipeline.Storage;
using Pipeline.Text;

namespace Pipeline.Evaluation.Identity;

/// <summary>Pairwise scores of cross-document entity identity: pairs of entities in different documents, the same or not.</summary>
public sealed record PairScores(long Same, long Predicted, long Correct)
{
    public double Precision => Predicted == 0 ? 0 : (double)Correct / Predicted;
    public double Recall => Same == 0 ? 0 : (double)Correct / Same;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
}

/// <summary>How the speaker queries answer on a corpus: quotes found with their named speaker, and which queries return them.</summary>
/// <param name="Named">Quotes matched to a gold direct quote with the speaker right and named (a person entity).</param>
/// <param name="Returned">Of those, returned by the query for the speaker's full name.</param>
/// <param name="Others">Quotes of another person (another full name) that the queries for full names return.</param>
public sealed record SpeakerQueryScores(int Named, int Returned, int Others)
{
    public double Recall => Named == 0 ? 0 : (double)Returned / Named;
}

/// <summary>
/// Measures entity identity across documents, with the same code the pipeline runs (<see cref="EntityIdentity"/>,
/// <see cref="IdentityLinks"/>, <see cref="SpeakerIndex.Of"/>) and the names index kept in memory as the tables
/// would hold it for the whole corpus. <em>GUM</em>: its mentions carry Wikipedia identities, so pairs of entities in
/// different documents are gold-same when their Wikipedia pages are. <em>PolNeAR</em>: the quotes found with their
/// named speaker right, and whether the query for that person's full name returns them. Each is scored twice: by the
/// entity key of each article (as before identities) and by identity.
/// </summary>
public sealed class IdentityEvaluation(ArticleExtractor extractor)
{
    /// <summary>GUM news documents (<c>gum_news_entities.jsonl</c>): pairwise P/R/F1 by key and by identity.</summary>
    /// <returns>The scores, and the Wikipedia pages whose entities (in different documents) stay apart, and the identities that join different pages.</returns>
    public (PairScores ByKey, PairScores ByIdentity, List<string> Missed, List<string> Joined) Gum(string jsonlPath)
    {
        var found = new List<(int Doc, CanonicalEntity Entity, string Wikipedia)>();
        int doc = 0;
        foreach (var line in File.ReadLines(jsonlPath))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            string id = root.GetProperty("id").GetString()!, text = root.GetProperty("text").GetString()!;
            var gold = root.GetProperty("mentions").EnumerateArray()
                .Where(m => m.GetProperty("wikipedia").ValueKind == JsonValueKind.String && m.GetProperty("has_propn").GetBoolean())
                .Select(m => (Start: m.GetProperty("start").GetInt32(), End: m.GetProperty("end").GetInt32(), Wikipedia: m.GetProperty("wikipedia").GetString()!))
                .ToList();
            var result = extractor.Extract(ArticleParser.Parse(id, id + ".txt", text));
            foreach (var entity in result.Entities)
            {
                if (entity.Type == EntityType.Date)
                {
                    continue;
                }
                // The page of the gold mention closest to each of its mentions (GUM's mentions are maximal noun phrases, so
                // "US" lies inside "US President Barack Obama" too), by most mentions.
                var page = entity.Mentions
                    .Select(m => gold.Where(g => g.Start < m.End && m.Start < g.End)
                        .OrderByDescending(g => (double)(Math.Min(m.End, g.End) - Math.Max(m.Start, g.Start)) / (Math.Max(m.End, g.End) - Math.Min(m.Start, g.Start)))
                        .Select(g => g.Wikipedia).FirstOrDefault())
                    .Where(w => w is not null)
                    .GroupBy(w => w).OrderByDescending(g => g.Count()).Select(g => g.Key).FirstOrDefault();
                if (page is not null)
                {
                    found.Add((doc, entity, page));
                }
            }
            doc++;
        }
        var names = NamesIndex(found.Select(f => f.Entity));
        var byKey = Pairs(found, f => f.Entity.Key);
        var byIdentity = Pairs(found, f => Canonical(f.Entity, names));
        var missed = found.GroupBy(f => f.Wikipedia)
            .Where(g => g.Select(f => f.Doc).Distinct().Count() > 1)
            .Select(g => (Page: g.Key, Identities: g.Select(f => Canonical(f.Entity, names)).Distinct().ToList(), Names: g.Select(f => f.Entity.Name).Distinct()))
            .Where(g => g.Identities.Count > 1)
            .Select(g => $"{g.Page}: {string.Join(" | ", g.Names)} -> {string.Join(", ", g.Identities)}")
            .ToList();
        var joined = found.GroupBy(f => Canonical(f.Entity, names))
            .Where(g => g.Select(f => f.Wikipedia).Distinct().Count() > 1)
            .Select(g => $"{g.Key}: {string.Join(" | ", g.Select(f => $"{f.Entity.Name} ({f.Wikipedia})").Distinct())}")
            .ToList();
        return (byKey, byIdentity, missed, joined);
    }

    /// <summary>PolNeAR articles: the speaker queries for full names, by the speaker as written and by identity.</summary>
    public (SpeakerQueryScores ByName, SpeakerQueryScores ByIdentity) Speakers(IReadOnlyList<PolnearArticle> articles)
    {
        var extracted = articles.Select(a => (Article: a, Result: extractor.Extract(ArticleParser.Parse(a.Name, a.Name + ".txt", a.Text)))).ToList();
        var names = NamesIndex(extracted.SelectMany(e => e.Result.Entities));
        var named = new List<(Quote Quote, LinkedIdentity Person)>();
        var all = new List<(Quote Quote, LinkedIdentity? Person)>();
        foreach (var (article, result) in extracted)
        {
            var entities = result.Entities.DistinctBy(e => e.Key).ToDictionary(e => e.Key, StringComparer.Ordinal);
            var overlap = new SpanOverlap(article.Text);
            var gold = article.Attributions.Where(a => a.HasSource && HasMark(article.Text, a.Content)).ToList();
            foreach (var quote in result.Quotes)
            {
                var person = quote.SpeakerEntity is { } key && entities.TryGetValue(key, out var entity) && entity.Type == EntityType.Person
                    ? Link(EntityIdentity.Of(EntityType.Person, entity.Name), names)
                    : null;
                all.Add((quote, person));
                if (person is null || quote.SpeakerMention is not { } mention || SpeakerIndex.Of(quote) is null)
                {
                    continue;
                }
                var tokens = overlap.Tokens(quote.Parts);
                if (gold.Exists(g => SpanOverlap.Matches(tokens, overlap.Tokens(g.Content)) && g.Source.Any(s => s.Start < mention.End && mention.Start < s.End)))
                {
                    named.Add((quote, person));
                }
            }
        }

        // As before identities: the speaker partition was the slug of the speaker as written, and the query read the slug
        // of the name asked for, here the person's full name as the corpus knows it.
        int byName = named.Count(n => SpeakerIndex.Partition(n.Quote.Speaker!) == SpeakerIndex.Partition(n.Person.Name));
        // By identity: the query for the person's full name, as IndexQueries answers it.
        int byIdentity = 0;
        foreach (var (quote, person) in named)
        {
            if (Partitions(person.Name, names).Contains(SpeakerIndex.Of(quote)!))
            {
                byIdentity++;
            }
        }
        // Quotes of another person that a query for a full name returns.
        int others = 0;
        foreach (var asked in named.Select(n => n.Person).DistinctBy(p => p.Key))
        {
            var partitions = Partitions(asked.Name, names);
            others += all.Count(q => q.Person is { } p && p.Key != asked.Key && IsFullName(p) && IsFullName(asked)
                && SpeakerIndex.Of(q.Quote) is { } index && partitions.Contains(index));
        }
        return (new SpeakerQueryScores(named.Count, byName, 0), new SpeakerQueryScores(named.Count, byIdentity, others));
    }

    /// <summary>The speaker partitions the query for <paramref name="name"/> reads (<see cref="Queries.IndexQueries.ListSpeakerQuotesAsync"/>).</summary>
    private static HashSet<string> Partitions(string name, Dictionary<string, List<GroupMember>> names)
    {
        var linked = Link(EntityIdentity.Of(EntityType.Person, name), names);
        var partitions = linked.Keys.Select(SpeakerIndex.Partition).ToHashSet(StringComparer.Ordinal);
        partitions.Add(SpeakerIndex.Partition(name));
        return partitions;
    }

    private static bool IsFullName(LinkedIdentity person) => person.Variants[0].Kind == IdentityKind.FullName;

    /// <summary>The names index of a corpus: every identity with a group, by group, as <c>entitynames</c> holds it.</summary>
    private static Dictionary<string, List<GroupMember>> NamesIndex(IEnumerable<CanonicalEntity> entities)
    {
        var index = new Dictionary<string, List<GroupMember>>(StringComparer.Ordinal);
        foreach (var entity in entities)
        {
            if (entity.Type == EntityType.Date || EntityIdentity.Of(entity.Type, entity.Name) is not { Group: { } group } identity)
            {
                continue;
            }
            if (!index.TryGetValue(group, out var members))
            {
                index[group] = members = [];
            }
            if (!members.Exists(m => m.Key == identity.Key))
            {
                members.Add(new GroupMember(identity.Key, identity.Name, identity.Kind, identity.Given));
            }
        }
        return index;
    }

    private static LinkedIdentity Link(EntityIdentity identity, Dictionary<string, List<GroupMember>> names) =>
        IdentityLinks.Link(identity, identity.Group is { } group && names.TryGetValue(group, out var members) ? members : []);

    private static string Canonical(CanonicalEntity entity, Dictionary<string, List<GroupMember>> names) =>
        Link(EntityIdentity.Of(entity.Type, entity.Name), names).Key;

    /// <summary>Every pair of entities of different documents: gold-same when their Wikipedia pages are, predicted-same when their clusters are.</summary>
    private static PairScores Pairs(List<(int Doc, CanonicalEntity Entity, string Wikipedia)> found, Func<(int Doc, CanonicalEntity Entity, string Wikipedia), string> cluster)
    {
        var clusters = found.ConvertAll(f => cluster(f));
        long same = 0, predicted = 0, correct = 0;
        for (int i = 0; i < found.Count; i++)
        {
            for (int j = i + 1; j < found.Count; j++)
            {
                if (found[i].Doc == found[j].Doc)
                {
                    continue;
                }
                bool gold = found[i].Wikipedia == found[j].Wikipedia, guessed = clusters[i] == clusters[j];
                same += gold ? 1 : 0;
                predicted += guessed ? 1 : 0;
                correct += gold && guessed ? 1 : 0;
            }
        }
        return new PairScores(same, predicted, correct);
    }

    private static bool HasMark(string text, TextSpan[] spans) =>
        spans.Any(s => text.AsSpan(s.Start, s.End - s.Start).IndexOfAny("\"“”") >= 0);
}

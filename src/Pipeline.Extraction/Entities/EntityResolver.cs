using Pipeline.Text;

namespace Pipeline.Entities;

/// <summary>
/// Groups an article's mentions into canonical entities: titles and possessives stripped
/// (<c>President Joe Biden's</c> → <c>Joe Biden</c>), surnames joined to the full name (<c>Sullivan</c> →
/// <c>Jake Sullivan</c>, <c>Schumers</c> → <c>Chuck Schumer</c>), joint names split (<c>Biden-Netanyahu</c>),
/// and one type chosen per entity by vote.
/// </summary>
public static class EntityResolver
{
    public static EntityExtraction Resolve(TextDocument document, EntityMention[] recognized)
    {
        var items = new List<NamedMention>(recognized.Length);
        foreach (var mention in recognized)
        {
            if (MentionNames.Normalize(document, mention) is { } item)
            {
                items.Add(item);
            }
        }

        var groups = new List<Group>();
        var personsByName = new Dictionary<string, Group>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in items)
        {
            if (item.Mention.Type == EntityType.Person && item.Parts.Length >= 2)
            {
                if (!personsByName.TryGetValue(item.Name, out var group))
                {
                    group = new Group(EntityType.Person);
                    personsByName.Add(item.Name, group);
                    groups.Add(group);
                }
                group.Add(item);
            }
        }

        var surnames = SurnameIndex(personsByName);
        AddUntaggedJointNames(document, items, surnames);
        var byName = new Dictionary<string, Group>(StringComparer.OrdinalIgnoreCase);
        foreach (var item in SplitJointNames(items, surnames))
        {
            if (item.Mention.Type == EntityType.Person && item.Parts.Length >= 2)
            {
                continue;
            }
            if (item.Parts.Length == 1 && FindPerson(item.Parts[0], surnames) is { } person)
            {
                // "Biden" is the person "Joe Biden", whatever type the recognizer gave the lone surname.
                person.Add(item with { Mention = item.Mention with { Type = EntityType.Person } });
                continue;
            }
            string key = item.Mention.Type == EntityType.Person ? Singular(item.Name) : item.Name;
            if (!byName.TryGetValue(key, out var group))
            {
                group = new Group(item.Mention.Type);
                byName.Add(key, group);
                groups.Add(group);
            }
            group.Add(item);
        }

        return Build(document, groups);
    }

    private static EntityExtraction Build(TextDocument document, List<Group> groups)
    {
        var weights = new double[groups.Count];
        double total = 0;
        int sentences = Math.Max(1, document.Sentences.Length);
        for (int g = 0; g < groups.Count; g++)
        {
            foreach (var item in groups[g].Items)
            {
                // Early mentions weigh up to three times a late one.
                double position = (double)Math.Max(0, document.SentenceOfToken(item.Mention.FirstToken)) / sentences;
                weights[g] += 1 + 2 * (1 - position) * (1 - position);
            }
            total += weights[g];
        }

        var order = new int[groups.Count];
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }
        Array.Sort(order, (a, b) => weights[b].CompareTo(weights[a]) is var c && c != 0 ? c : groups[a].FirstStart.CompareTo(groups[b].FirstStart));

        var entities = new CanonicalEntity[groups.Count];
        var entityOfGroup = new int[groups.Count];
        int mentionTotal = 0;
        for (int rank = 0; rank < order.Length; rank++)
        {
            var group = groups[order[rank]];
            group.Items.Sort((a, b) => a.Mention.Start.CompareTo(b.Mention.Start));
            var type = group.VotedType();
            string name = group.CanonicalName();
            var spans = new TextSpan[group.Items.Count];
            for (int i = 0; i < spans.Length; i++)
            {
                spans[i] = group.Items[i].Mention.Span;
            }
            entities[rank] = new CanonicalEntity(EntityKey.Create(type, name), name, type, spans, Math.Round(weights[order[rank]] / total, 4));
            entityOfGroup[order[rank]] = rank;
            mentionTotal += spans.Length;
        }

        var mentions = new List<(EntityMention Mention, int Entity)>(mentionTotal);
        for (int g = 0; g < groups.Count; g++)
        {
            foreach (var item in groups[g].Items)
            {
                mentions.Add((item.Mention with { Type = entities[entityOfGroup[g]].Type }, entityOfGroup[g]));
            }
        }
        mentions.Sort((a, b) => a.Mention.Start != b.Mention.Start ? a.Mention.Start.CompareTo(b.Mention.Start) : a.Mention.End.CompareTo(b.Mention.End));
        var mentionArray = new EntityMention[mentions.Count];
        var mentionEntity = new int[mentions.Count];
        for (int i = 0; i < mentionArray.Length; i++)
        {
            (mentionArray[i], mentionEntity[i]) = mentions[i];
        }
        return new EntityExtraction(entities, mentionArray, mentionEntity);
    }

    private static Dictionary<string, List<Group>> SurnameIndex(Dictionary<string, Group> personsByName)
    {
        var index = new Dictionary<string, List<Group>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, group) in personsByName)
        {
            var last = name[(name.LastIndexOf(' ') + 1)..];
            var first = name[..name.IndexOf(' ')];
            AddTo(index, last, group);
            AddTo(index, "\u0001" + first, group);
        }
        return index;

        static void AddTo(Dictionary<string, List<Group>> index, string key, Group group)
        {
            if (!index.TryGetValue(key, out var list))
            {
                index[key] = list = [];
            }
            if (!list.Contains(group))
            {
                list.Add(group);
            }
        }
    }

    /// <summary>The person a single name refers to: by surname (also <c>Bidens</c>), else by a unique first name.</summary>
    private static Group? FindPerson(string part, Dictionary<string, List<Group>> surnames)
    {
        if (surnames.TryGetValue(part, out var groups)
            || (part.Length > 3 && part.EndsWith('s') && surnames.TryGetValue(part[..^1], out groups)))
        {
            Group best = groups[0];
            foreach (var g in groups)
            {
                if (g.Items.Count > best.Items.Count)
                {
                    best = g;
                }
            }
            return best;
        }
        return surnames.TryGetValue("\u0001" + part, out groups) && groups.Count == 1 ? groups[0] : null;
    }

    /// <summary><c>Biden-Netanyahu</c>, when both halves are known surnames, is a mention of each.</summary>
    private static IEnumerable<NamedMention> SplitJointNames(List<NamedMention> items, Dictionary<string, List<Group>> surnames)
    {
        foreach (var item in items)
        {
            int hyphen = item.Parts.Length == 1 ? item.Parts[0].IndexOf('-') : -1;
            if (hyphen <= 0 || hyphen == item.Parts[0].Length - 1)
            {
                yield return item;
                continue;
            }
            var left = item.Parts[0][..hyphen];
            var right = item.Parts[0][(hyphen + 1)..];
            if (right.Contains('-') || !surnames.ContainsKey(left) || !surnames.ContainsKey(right))
            {
                yield return item;
                continue;
            }
            var m = item.Mention;
            yield return new NamedMention(m with { Type = EntityType.Person, End = m.Start + hyphen }, [left], left);
            yield return new NamedMention(m with { Type = EntityType.Person, Start = m.Start + hyphen + 1 }, [right], right);
        }
    }

    /// <summary>A hyphenated token no mention covers, whose halves are both people's surnames (<c>Biden-Netanyahu relations</c>).</summary>
    private static void AddUntaggedJointNames(TextDocument document, List<NamedMention> items, Dictionary<string, List<Group>> surnames)
    {
        if (surnames.Count == 0)
        {
            return;
        }
        var covered = new bool[document.Tokens.Length];
        foreach (var item in items)
        {
            covered.AsSpan(item.Mention.FirstToken, item.Mention.TokenCount).Fill(true);
        }
        for (int t = 0; t < document.Tokens.Length; t++)
        {
            var token = document.Tokens[t];
            var text = document[token];
            int hyphen = text.IndexOf('-');
            if (covered[t] || token.Kind != TokenKind.Word || hyphen <= 0 || !CharClass.IsUpper(text[0]))
            {
                continue;
            }
            if (surnames.ContainsKey(text[..hyphen].ToString()) && surnames.ContainsKey(text[(hyphen + 1)..].ToString()))
            {
                var whole = text.ToString();
                items.Add(new NamedMention(new EntityMention(t, 1, token.Start, token.End, EntityType.Person), [whole], whole));
            }
        }
    }

    private static string Singular(string name) =>
        name.Length > 3 && name.EndsWith('s') && !name.EndsWith("ss") ? name[..^1] : name;

    private sealed class Group(EntityType firstType)
    {
        public List<NamedMention> Items { get; } = [];

        public int FirstStart { get; private set; } = int.MaxValue;

        public void Add(NamedMention item)
        {
            Items.Add(item);
            FirstStart = Math.Min(FirstStart, item.Mention.Start);
        }

        public EntityType VotedType()
        {
            Span<int> votes = stackalloc int[5];
            foreach (var item in Items)
            {
                votes[(int)item.Mention.Type] += item.Parts.Length >= 2 ? 2 : 1;
            }
            var best = firstType;
            for (int t = 0; t < votes.Length; t++)
            {
                if (votes[t] > votes[(int)best])
                {
                    best = (EntityType)t;
                }
            }
            return best;
        }

        /// <summary>The name with the most parts; among those, the most frequent, then the earliest.</summary>
        public string CanonicalName()
        {
            var counts = new Dictionary<string, (int Count, int Parts, int First)>(StringComparer.Ordinal);
            foreach (var item in Items)
            {
                counts[item.Name] = counts.TryGetValue(item.Name, out var c)
                    ? (c.Count + 1, c.Parts, c.First)
                    : (1, item.Parts.Length, item.Mention.Start);
            }
            string best = Items[0].Name;
            var bestScore = counts[best];
            foreach (var (name, score) in counts)
            {
                if (score.Parts > bestScore.Parts
                    || (score.Parts == bestScore.Parts && (score.Count > bestScore.Count || (score.Count == bestScore.Count && score.First < bestScore.First))))
                {
                    best = name;
                    bestScore = score;
                }
            }
            return best;
        }
    }
}

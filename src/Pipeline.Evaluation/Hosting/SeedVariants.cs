namespace Pipeline.Evaluation.Hosting;

/// <summary>
/// Deterministic articles for scale tests and benchmarks where no corpus is at hand, made from the seed: other people and places substituted, body paragraphs
/// reordered. Article <c>i</c> is always the same text, so expected results can be computed in-process.
/// </summary>
public static class SeedVariants
{
    private static readonly (string First, string Last)[] People =
    [
        ("Ana", "Lopez"), ("Omar", "Haddad"), ("Mei", "Chen"), ("Lars", "Berg"), ("Priya", "Nair"), ("Tomas", "Novak"),
        ("Grace", "Okafor"), ("Ivan", "Petrov"), ("Sofia", "Rossi"), ("Kenji", "Sato"), ("Leila", "Farah"), ("Noah", "Klein"),
    ];

    private static readonly string[] Places = ["Lisbon", "Cairo", "Oslo", "Nairobi", "Lima", "Hanoi", "Krakow", "Dakar"];

    public static string BlobName(string prefix, int index) => $"{prefix}/article-{index:D5}.txt";

    public static string Text(int index)
    {
        var random = new Random(index);
        var lines = File.ReadAllText(RepositoryPaths.Seed).Replace("\r\n", "\n").Split('\n');
        var header = lines[..5];
        var body = lines[5..].Where(l => l.Length > 0).ToList();
        // Reorder the body a little: a rotation keeps paragraphs intact.
        int rotate = random.Next(body.Count);
        body = [.. body.Skip(rotate), .. body.Take(rotate)];
        var a = People[index % People.Length];
        var b = People[(index / People.Length + 3) % People.Length];
        var place = Places[index % Places.Length];
        string text = string.Join('\n', header) + "\n" + string.Join('\n', body) + "\n";
        return text
            .Replace("Joe Biden", $"{a.First} {a.Last}").Replace("Biden", a.Last)
            .Replace("Benjamin Netanyahu", $"{b.First} {b.Last}").Replace("Netanyahu", b.Last)
            .Replace("Rafah", place)
            .Replace("speak for the first time", $"speak for the first time (#{index})");
    }
}

using Pipeline.Entities;
using Pipeline.Entities.Tagging;

namespace Pipeline.Evaluation.Entities.Training;

/// <summary>
/// Reads the external name lists (the <c>NameLists</c> folder beside the model: people's given and family names,
/// cities, regions, countries; see its NOTICE.md for sources and licences) into a gazetteer whose categories are the
/// lists. They are prior knowledge about names the training data never shows ("Volgograd", "Kecskemet"), so unlike the
/// training gazetteer they need no folds. The model keeps only phrase hashes; the text files are a training input.
/// </summary>
internal static class NameListReader
{
    /// <summary>The list files; a list's category is its index (at most <see cref="BilouLabels.TypeCount"/> lists).</summary>
    public static readonly string[] Files = ["person-names.txt", "cities.txt", "regions.txt", "countries.txt"];

    public static Gazetteer Read(string? directory, Action<string> log)
    {
        if (directory is null)
        {
            return Gazetteer.Empty;
        }
        var builder = new Gazetteer.Builder();
        var hashes = new List<ulong>();
        for (int category = 0; category < Files.Length; category++)
        {
            var path = Path.Combine(directory, Files[category]);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException($"The name list {path} is missing.", path);
            }
            int names = 0;
            foreach (var line in File.ReadLines(path))
            {
                hashes.Clear();
                foreach (var word in line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    hashes.Add(FeatureHash.LowerChars(word));
                }
                builder.Add(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(hashes), category);
                names++;
            }
            log($"name list {Files[category]}: {names} names");
        }
        return builder.Build();
    }
}

using System.Text.RegularExpressions;
using Pipeline.Evaluation.Hosting;

namespace Pipeline.Tests.Architecture;

/// <summary>
/// The layers of Pipeline.Core (docs/architecture.md): text at the bottom, extraction on it, the application
/// (results, processing, queries, recovery) on both, and storage beside them knowing nothing of the language. Read
/// from the sources' <c>using</c> directives and qualified names, so a forbidden reference fails here when it comes back.
/// </summary>
public sealed partial class LayerTests
{
    private static readonly string Core = Path.Combine(RepositoryPaths.Root, "src", "Pipeline.Core");

    private static readonly string[] Application = ["Results", "Processing", "Queries", "Recovery"];
    private static readonly string[] Extraction = ["Articles", "Entities", "Quotes", "Summaries", "Extraction"];

    [GeneratedRegex(@"^\s*using\s+(?:static\s+)?(Pipeline(?:\.\w+)?)|\b(Pipeline\.\w+)\.\w", RegexOptions.Multiline)]
    private static partial Regex Reference();

    /// <summary>Every Pipeline namespace (first two parts) each file of a folder refers to, outside comments.</summary>
    private static IEnumerable<(string File, string Namespace)> References(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Core, folder), "*.cs", SearchOption.AllDirectories))
        {
            foreach (var line in File.ReadLines(file))
            {
                if (line.TrimStart().StartsWith("//", StringComparison.Ordinal))
                {
                    continue;
                }
                foreach (Match m in Reference().Matches(line))
                {
                    string ns = m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value;
                    yield return (Path.GetRelativePath(Core, file), ns);
                }
            }
        }
    }

    private static void AssertNone(string folder, Func<string, bool> forbidden)
    {
        var found = References(folder)
            .Where(r => forbidden(r.Namespace))
            .Select(r => $"{r.File} -> {r.Namespace}")
            .Distinct()
            .ToList();
        Assert.True(found.Count == 0, $"{folder} refers to a layer it must not:\n" + string.Join("\n", found));
    }

    private static bool IsAny(string ns, string[] folders) => folders.Any(f => ns == "Pipeline." + f);

    /// <summary>Storage may use the text layer's key encoding (<c>SafeKey</c>), nothing above it.</summary>
    [Fact]
    public void Storage_knows_nothing_of_the_language_or_the_application() =>
        AssertNone("Storage", ns => ns is not ("Pipeline.Storage" or "Pipeline.Text"));

    [Fact]
    public void Text_stands_on_nothing_of_ours() =>
        AssertNone("Text", ns => ns != "Pipeline.Text");

    [Theory]
    [InlineData("Articles")]
    [InlineData("Entities")]
    [InlineData("Quotes")]
    [InlineData("Summaries")]
    [InlineData("Extraction")]
    public void Extraction_never_reaches_up_to_the_application_or_storage(string folder) =>
        AssertNone(folder, ns => IsAny(ns, Application) || ns == "Pipeline.Storage");

    [Fact]
    public void The_rule_sees_references()
    {
        // The check itself: the application does refer to storage and extraction.
        var found = References("Results").Select(r => r.Namespace).ToHashSet();
        Assert.Contains("Pipeline.Storage", found);
        Assert.Contains("Pipeline.Quotes", found);
        Assert.Contains(Extraction, f => found.Contains("Pipeline." + f));
    }
}

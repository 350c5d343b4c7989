using System.Text.RegularExpressions;
using System.Xml.Linq;
using Pipeline.Evaluation.Hosting;

namespace Pipeline.Tests.Architecture;

/// <summary>
/// The layers (docs/architecture.md#projects-and-layers) are projects: text at the bottom, extraction on it, storage
/// beside extraction knowing nothing of the language, the application on all three, the hosts on top. The compiler
/// refuses an arrow whose <c>ProjectReference</c> is missing, so these tests read the project files and fail when a
/// forbidden reference or an Azure package comes back; two checks inside a project read the sources' <c>using</c>
/// directives and qualified names, where the compiler cannot tell folders apart.
/// </summary>
public sealed partial class LayerTests
{
    private static readonly string Src = Path.Combine(RepositoryPaths.Root, "src");

    /// <summary>
    /// What each project under <c>src/</c> may reference. A project not listed fails
    /// <see cref="Every_project_has_a_place_in_the_layers"/>: a new one chooses its layer here.
    /// </summary>
    private static readonly Dictionary<string, string[]> Allowed = new()
    {
        ["Pipeline.Text"] = [],
        ["Pipeline.Extraction"] = ["Pipeline.Text"],
        ["Pipeline.Storage"] = ["Pipeline.Text"],
        ["Pipeline.Application"] = ["Pipeline.Text", "Pipeline.Extraction", "Pipeline.Storage"],
        // The hosts wire storage (the articles container, which storage errors are transient) but never extraction.
        ["Pipeline.Functions"] = ["Pipeline.Application", "Pipeline.Storage"],
        ["Pipeline.LocalHost"] = ["Pipeline.Functions", "Pipeline.Application", "Pipeline.Storage"],
        // Tools: scoring, training and the bench read every layer.
        ["Pipeline.Evaluation"] = ["Pipeline.Application", "Pipeline.Extraction", "Pipeline.Storage", "Pipeline.Text"],
        ["Pipeline.Cli"] = ["Pipeline.Application", "Pipeline.Evaluation", "Pipeline.Extraction", "Pipeline.Storage", "Pipeline.Text"],
    };

    private static string ProjectFile(string project) => Path.Combine(Src, project, project + ".csproj");

    private static IEnumerable<string> Includes(string project, string item) =>
        XDocument.Load(ProjectFile(project)).Descendants(item)
            .Select(e => (string?)e.Attribute("Include"))
            .OfType<string>();

    private static IEnumerable<string> ProjectReferences(string project) =>
        Includes(project, "ProjectReference").Select(Path.GetFileNameWithoutExtension).OfType<string>();

    /// <summary>The packages a project takes, directly or through the projects it references.</summary>
    private static IEnumerable<(string Project, string Package)> Packages(string project) =>
        Includes(project, "PackageReference").Select(p => (project, p))
            .Concat(ProjectReferences(project).SelectMany(Packages));

    private static bool IsAzure(string package) =>
        package.StartsWith("Azure.", StringComparison.OrdinalIgnoreCase)
        || package.StartsWith("Microsoft.Azure.", StringComparison.OrdinalIgnoreCase)
        || package.StartsWith("Microsoft.Extensions.Azure", StringComparison.OrdinalIgnoreCase);

    [Fact]
    public void Every_project_has_a_place_in_the_layers()
    {
        var projects = Directory.EnumerateDirectories(Src)
            .Where(d => File.Exists(Path.Combine(d, Path.GetFileName(d) + ".csproj")))
            .Select(Path.GetFileName)
            .ToList();
        Assert.Equal(Allowed.Keys.Order(), projects.Order());
    }

    [Theory]
    [MemberData(nameof(Projects))]
    public void A_project_references_only_the_layers_below_it(string project)
    {
        var forbidden = ProjectReferences(project).Except(Allowed[project]).ToList();
        Assert.True(forbidden.Count == 0,
            $"{project} references a project it must not: {string.Join(", ", forbidden)} (allowed: {string.Join(", ", Allowed[project])})");
    }

    public static TheoryData<string> Projects => new(Allowed.Keys);

    /// <summary>The language is pure: no Azure package, not even through a reference.</summary>
    [Theory]
    [InlineData("Pipeline.Text")]
    [InlineData("Pipeline.Extraction")]
    public void Text_and_extraction_take_no_Azure_package(string project)
    {
        var azure = Packages(project).Where(p => IsAzure(p.Package)).Select(p => $"{p.Project} -> {p.Package}").ToList();
        Assert.True(azure.Count == 0, $"{project} takes an Azure package:\n" + string.Join("\n", azure));
    }

    /// <summary>
    /// A project compiles only against the projects it names: without this, a host would see storage or extraction
    /// through the application's references, and the table above would hold only on paper.
    /// </summary>
    [Fact]
    public void A_project_sees_only_the_projects_it_names()
    {
        var props = XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Build.props"));
        Assert.Equal("true", props.Descendants("DisableTransitiveProjectReferences").Single().Value);
        foreach (var project in Allowed.Keys)
        {
            Assert.Empty(XDocument.Load(ProjectFile(project)).Descendants("DisableTransitiveProjectReferences"));
        }
    }

    [Fact]
    public void The_project_rules_see_references()
    {
        // The checks themselves: the application does reference both sides, and storage does take Azure.
        Assert.Equal(Allowed["Pipeline.Application"].Order(), ProjectReferences("Pipeline.Application").Order());
        Assert.Contains(Packages("Pipeline.Application"), p => IsAzure(p.Package) && p.Project == "Pipeline.Storage");
    }

    // Inside a project the compiler does not tell folders apart: Pipeline.Text holds Text/ and Articles/.

    [GeneratedRegex(@"^\s*using\s+(?:static\s+)?(Pipeline(?:\.\w+)?)|\b(Pipeline\.\w+)\.\w", RegexOptions.Multiline)]
    private static partial Regex Reference();

    /// <summary>Every Pipeline namespace (first two parts) each file of a folder refers to, outside comments.</summary>
    private static IEnumerable<(string File, string Namespace)> References(string project, string folder)
    {
        foreach (var file in Directory.EnumerateFiles(Path.Combine(Src, project, folder), "*.cs", SearchOption.AllDirectories))
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
                    yield return (Path.GetRelativePath(Src, file), ns);
                }
            }
        }
    }

    private static void AssertNone(string project, string folder, Func<string, bool> forbidden)
    {
        var found = References(project, folder)
            .Where(r => forbidden(r.Namespace))
            .Select(r => $"{r.File} -> {r.Namespace}")
            .Distinct()
            .ToList();
        Assert.True(found.Count == 0, $"{folder} refers to a layer it must not:\n" + string.Join("\n", found));
    }

    /// <summary>Storage may use the text layer's key encoding (<c>SafeKey</c>), not articles.</summary>
    [Fact]
    public void Storage_uses_only_the_key_encoding_of_the_text_layer() =>
        AssertNone("Pipeline.Storage", "Storage", ns => ns is not ("Pipeline.Storage" or "Pipeline.Text"));

    [Fact]
    public void Text_stands_on_nothing_of_ours() =>
        AssertNone("Pipeline.Text", "Text", ns => ns != "Pipeline.Text");

    [Fact]
    public void The_source_rule_sees_references()
    {
        // The check itself: articles do refer to text.
        Assert.Contains(References("Pipeline.Text", "Articles"), r => r.Namespace == "Pipeline.Text");
    }
}

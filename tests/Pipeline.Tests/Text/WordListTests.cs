using Pipeline.Evaluation.Hosting;
using Pipeline.Text;

namespace Pipeline.Tests.Text;

/// <summary>
/// Word lists live in <c>Lexicons/*.txt</c> files beside the code that reads them: every such file is embedded in its
/// project's assembly and reads as a list with entries, so a list left out of a project file fails here, not at run time.
/// </summary>
public sealed class WordListTests
{
    public static TheoryData<string, string> Lists()
    {
        var data = new TheoryData<string, string>();
        foreach (var project in new[] { "Pipeline.Text", "Pipeline.Extraction" })
        {
            var root = Path.Combine(RepositoryPaths.Root, "src", project);
            foreach (var file in Directory.EnumerateFiles(root, "*.txt", SearchOption.AllDirectories))
            {
                if (Path.GetFileName(Path.GetDirectoryName(file)) == "Lexicons")
                {
                    data.Add(project, Path.GetRelativePath(root, file));
                }
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Lists))]
    public void Every_word_list_is_embedded_and_has_entries(string project, string file)
    {
        var assembly = project == "Pipeline.Text" ? typeof(WordLists).Assembly : typeof(Pipeline.Extraction.ArticleExtractor).Assembly;
        // Resource names follow the namespaces: Text/Lexicons/x.txt → Pipeline.Text.Lexicons.x.txt, Quotes/… → Pipeline.Quotes.…
        string folder = file.Split(Path.DirectorySeparatorChar)[0];
        string resource = $"Pipeline.{folder}.Lexicons.{Path.GetFileName(file)}";
        Assert.Contains(resource, assembly.GetManifestResourceNames());
        var lines = WordLists.Lines(assembly, resource);
        Assert.NotEmpty(lines);
        Assert.All(lines, line => Assert.False(line.StartsWith('#') || line != line.Trim(), line));
    }

    [Fact]
    public void Comments_and_blank_lines_are_not_entries()
    {
        // The lists the tests above read include comment lines; one of them checked by its content.
        var months = WordLists.Lines(typeof(Pipeline.Extraction.ArticleExtractor).Assembly, "Pipeline.Entities.Lexicons.months.txt");
        Assert.Equal(24, months.Count);
        Assert.Equal("January", months[0]);
        Assert.Contains("Sept.", months);
    }

    [Fact]
    public void A_missing_list_is_a_clear_error()
    {
        var e = Assert.Throws<InvalidOperationException>(() => WordLists.Lines(typeof(WordLists).Assembly, "Pipeline.Text.Lexicons.none.txt"));
        Assert.Contains("none.txt", e.Message);
    }
}

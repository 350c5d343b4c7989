using System.Reflection;
using Pipeline.Evaluation.Hosting;
using Pipeline.Functions;
using Pipeline.Functions.Http;

namespace Pipeline.Tests.Functions;

/// <summary>
/// The README's route table keeps up with the HTTP functions: every route a user queries is there with every query
/// parameter it takes (the browse page has its own section).
/// </summary>
public sealed class ReadmeRoutesTests
{
    [Fact]
    public void Every_route_is_in_the_readme_with_its_query_parameters()
    {
        var rows = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "README.md")).Where(line => line.StartsWith("| `GET /api/", StringComparison.Ordinal)).ToList();
        var functions = HttpFunction.Discover(typeof(ProcessArticle).Assembly).Where(f => !f.Route.StartsWith("browse/", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(functions);
        foreach (var function in functions)
        {
            string route = $"`GET /api/{function.Route}";
            string? row = rows.Find(line => line.Contains(route + "`", StringComparison.Ordinal) || line.Contains(route + "?", StringComparison.Ordinal));
            Assert.True(row is not null, $"README.md's route table has no row for GET /api/{function.Route}.");
            foreach (var query in function.Method.GetCustomAttributes<ApiQueryAttribute>())
            {
                Assert.True(row.Contains($"?{query.Name}=", StringComparison.Ordinal) || row.Contains($"&{query.Name}=", StringComparison.Ordinal),
                    $"README.md's row for GET /api/{function.Route} does not name its query parameter '{query.Name}'.");
            }
        }
    }
}

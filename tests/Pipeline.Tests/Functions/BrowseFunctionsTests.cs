using System.Text;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Pipeline.Functions.Browse;
using Pipeline.Functions.Http;

namespace Pipeline.Tests.Functions;

/// <summary>The browse page's files come from the assembly only, with their content types; anything else is a 404.</summary>
public sealed class BrowseFunctionsTests
{
    private static HttpRequest Request(string path, string query = "")
    {
        var context = new DefaultHttpContext();
        context.Request.Path = path;
        context.Request.QueryString = new QueryString(query);
        return context.Request;
    }

    [Fact]
    public void An_empty_path_serves_the_page_with_a_restrictive_policy()
    {
        var request = Request("/api/browse/");

        var result = new BrowseFunctions().Browse(request, null, CancellationToken.None);

        var file = Assert.IsType<FileContentResult>(result);
        Assert.Equal("text/html; charset=utf-8", file.ContentType);
        Assert.Contains("<main", Encoding.UTF8.GetString(file.FileContents));
        Assert.NotNull(file.EntityTag);
        var headers = request.HttpContext.Response.Headers;
        Assert.Equal(BrowseFunctions.ContentSecurityPolicy, headers.ContentSecurityPolicy);
        Assert.Equal("no-referrer", headers["Referrer-Policy"]);
        Assert.Equal("nosniff", headers.XContentTypeOptions);
    }

    [Fact]
    public void The_page_without_its_slash_redirects_keeping_the_function_key()
    {
        var result = new BrowseFunctions().Browse(Request("/api/browse", "?code=k%3D1"), null, CancellationToken.None);

        Assert.Equal("browse/?code=k%3D1", Assert.IsType<RedirectResult>(result).Url);
    }

    [Theory]
    [InlineData("app.css", "text/css; charset=utf-8")]
    [InlineData("js/app.js", "text/javascript; charset=utf-8")]
    [InlineData("js/views/article.js", "text/javascript; charset=utf-8")]
    [InlineData("favicon.svg", "image/svg+xml")]
    public void Files_are_served_with_their_content_type(string path, string contentType)
    {
        var result = new BrowseFunctions().Browse(Request("/api/browse/" + path), path, CancellationToken.None);

        var file = Assert.IsType<FileContentResult>(result);
        Assert.Equal(contentType, file.ContentType);
        Assert.NotEmpty(file.FileContents);
    }

    [Theory]
    [InlineData("nope.html")]
    [InlineData("../host.json")]
    [InlineData("..\\app.css")]
    [InlineData("%2e%2e/app.css")]
    [InlineData("/etc/passwd")]
    [InlineData("js/")]
    [InlineData("APP.CSS")]
    [InlineData("Pipeline.Functions.dll")]
    public void Anything_but_an_embedded_file_is_a_404_problem(string path)
    {
        var result = new BrowseFunctions().Browse(Request("/api/browse/" + path), path, CancellationToken.None);

        var problem = Assert.IsType<ObjectResult>(result);
        Assert.Equal(404, problem.StatusCode);
        Assert.Contains(ActionResults.ProblemJson, problem.ContentTypes);
    }

    [Fact]
    public void Every_file_of_the_page_is_embedded_and_every_script_it_imports_exists()
    {
        var names = StaticFiles.Names.ToHashSet();
        Assert.Superset(new HashSet<string> { "index.html", "app.css", "js/app.js", "favicon.svg" }, names);
        foreach (var script in names.Where(n => n.EndsWith(".js", StringComparison.Ordinal)))
        {
            Assert.True(StaticFiles.TryGet(script, out var file));
            string folder = script.Contains('/') ? script[..(script.LastIndexOf('/') + 1)] : "";
            foreach (System.Text.RegularExpressions.Match import in System.Text.RegularExpressions.Regex.Matches(
                         Encoding.UTF8.GetString(file.Content), @"from '(\.{1,2}/[^']+)'"))
            {
                string target = Path.GetRelativePath("/", Path.GetFullPath(Path.Combine("/", folder, import.Groups[1].Value))).Replace('\\', '/');
                Assert.True(names.Contains(target), $"{script} imports {import.Groups[1].Value}, which is not embedded");
            }
        }
    }
}

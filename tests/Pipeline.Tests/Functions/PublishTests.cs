using System.Diagnostics;
using System.Text.Json;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Functions;

/// <summary><c>dotnet publish</c> of the Functions app yields what Azure Functions deploys, with every function described.</summary>
public sealed class PublishTests
{
    [Fact]
    public async Task Publish_produces_functions_metadata_listing_every_trigger_path_and_route()
    {
        var output = Path.Combine(Path.GetTempPath(), "pipeline-publish-" + Guid.NewGuid().ToString("N")[..8]);
        try
        {
            // The test project references the Functions app, so it is built in this configuration already.
            string configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
            var publish = new ProcessStartInfo("dotnet")
            {
                ArgumentList = { "publish", Path.Combine(Repository.Root, "src", "Pipeline.Functions"), "--no-build", "-c", configuration, "-o", output },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            using var process = Process.Start(publish)!;
            var log = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            Assert.True(process.ExitCode == 0, log);

            foreach (var file in new[] { "Pipeline.Functions.dll", "host.json", "worker.config.json", "extensions.json", "functions.metadata" })
            {
                Assert.True(File.Exists(Path.Combine(output, file)), $"{file} is missing from the publish output");
            }
            Assert.False(File.Exists(Path.Combine(output, "local.settings.json")), "local settings must not be deployed");

            // The package azd and `func azure functionapp publish` upload: the publish folder, zipped at its root.
            var package = output + ".zip";
            System.IO.Compression.ZipFile.CreateFromDirectory(output, package);
            using (var zip = System.IO.Compression.ZipFile.OpenRead(package))
            {
                var entries = zip.Entries.Select(e => e.FullName).ToHashSet();
                Assert.Contains("functions.metadata", entries);
                Assert.Contains("host.json", entries);
                Assert.Contains("Pipeline.Functions.dll", entries);
            }
            File.Delete(package);

            using var metadata = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "functions.metadata")));
            var functions = metadata.RootElement.EnumerateArray().ToDictionary(f => f.GetProperty("name").GetString()!, f => f.GetProperty("bindings"));

            var blob = functions["ProcessArticle"].EnumerateArray().Single(b => b.GetProperty("type").GetString() == "blobTrigger");
            Assert.Equal("articles/{name}", blob.GetProperty("path").GetString());
            Assert.Equal("AzureWebJobsStorage", blob.GetProperty("connection").GetString());
            Assert.False(blob.TryGetProperty("source", out _), "the local trigger scans the container");

            var eventGrid = functions[Pipeline.Functions.ProcessArticle.EventGridFunctionName].EnumerateArray().Single(b => b.GetProperty("type").GetString() == "blobTrigger");
            Assert.Equal("articles/{name}", eventGrid.GetProperty("path").GetString());
            Assert.Equal("EventGrid", eventGrid.GetProperty("source").GetString());

            var expectedRoutes = new Dictionary<string, (string Route, string Auth)>
            {
                ["ListArticles"] = ("articles", "Function"),
                ["GetArticle"] = ("articles/{id}", "Function"),
                ["GetArticleEntities"] = ("articles/{id}/entities", "Function"),
                ["GetArticleQuotes"] = ("articles/{id}/quotes", "Function"),
                ["GetArticleSummary"] = ("articles/{id}/summary", "Function"),
                ["GetArticleText"] = ("articles/{id}/text", "Function"),
                ["ListEntities"] = ("entities", "Function"),
                ["ListEntityArticles"] = ("entities/{type}/{name}/articles", "Function"),
                ["ListQuotes"] = ("quotes", "Function"),
                ["Health"] = ("health", "Anonymous"),
                ["Browse"] = ("browse/{*path}", "Anonymous"),
            };
            foreach (var (name, (route, auth)) in expectedRoutes)
            {
                Assert.True(functions.ContainsKey(name), $"{name} is not in functions.metadata");
                var http = functions[name].EnumerateArray().Single(b => b.GetProperty("type").GetString() == "httpTrigger");
                Assert.Equal(route, http.GetProperty("route").GetString());
                Assert.Equal(auth, http.GetProperty("authLevel").GetString());
                Assert.Equal(["get"], http.GetProperty("methods").EnumerateArray().Select(m => m.GetString()!).ToArray());
            }
        }
        finally
        {
            if (Directory.Exists(output))
            {
                Directory.Delete(output, recursive: true);
            }
        }
    }
}

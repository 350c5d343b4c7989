using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Json.Schema;
using Microsoft.OpenApi;
using Pipeline.Functions;
using Pipeline.Functions.Http;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Functions;

/// <summary>
/// The OpenAPI description at <c>/api/openapi.json</c> is valid OpenAPI, names every HTTP function's route, and holds
/// for the running API: every documented route answers on the seed, and every JSON answer matches its schema.
/// </summary>
[Collection(PipelineCollection.Name)]
public sealed class OpenApiTests(PipelineFixture pipeline)
{
    /// <summary>Values for the routes' parameters, from the seed.</summary>
    private static readonly Dictionary<string, string> Values = new()
    {
        ["id"] = PipelineFixture.SeedBlobName,
        ["type"] = "Person",
        ["name"] = "Joe Biden",
        ["path"] = "index.html",
        ["speaker"] = "Jake Sullivan",
    };

    private async Task<JsonObject> DocumentAsync()
    {
        using var response = await pipeline.Http.GetAsync("/api/openapi.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();
    }

    [Fact]
    public async Task The_description_is_valid_OpenAPI_3_1()
    {
        var json = (await DocumentAsync()).ToJsonString();
        var read = OpenApiDocument.Parse(json, "json");
        Assert.Empty(read.Diagnostic?.Errors ?? []);
        Assert.Equal("3.1.0", JsonNode.Parse(json)!["openapi"]!.GetValue<string>());
        Assert.Empty(read.Document!.Validate(Microsoft.OpenApi.ValidationRuleSet.GetDefaultRuleSet()) ?? []);
    }

    [Fact]
    public async Task Every_HTTP_function_is_described_and_nothing_else()
    {
        var paths = (await DocumentAsync())["paths"]!.AsObject();
        var described = paths.SelectMany(p => p.Value!.AsObject().Select(verb => $"{verb.Key.ToUpperInvariant()} {p.Key}")).Order().ToList();
        var functions = HttpFunction.Discover(typeof(ProcessArticle).Assembly)
            .SelectMany(f => f.Methods.Select(m => $"{m} {ApiDescription.PathOf(f.Route)}")).Order().ToList();
        Assert.Equal(functions, described);
    }

    [Fact]
    public async Task Every_described_route_answers_on_the_seed_as_its_schema_says()
    {
        await pipeline.EnsureSeedAsync();
        var document = await DocumentAsync();
        var schemas = document["components"]!["schemas"]!.AsObject();
        var failures = new List<string>();
        foreach (var (path, item) in document["paths"]!.AsObject())
        {
            var get = item!["get"]!;
            string url = path;
            var query = new List<string>();
            foreach (var parameter in get["parameters"]!.AsArray())
            {
                string name = parameter!["name"]!.GetValue<string>();
                if (parameter["in"]!.GetValue<string>() == "path")
                {
                    url = url.Replace("{" + name + "}", Uri.EscapeDataString(Values[name]), StringComparison.Ordinal);
                }
                else if (parameter["required"]!.GetValue<bool>())
                {
                    query.Add($"{name}={Uri.EscapeDataString(Values[name])}");
                }
            }
            if (query.Count > 0)
            {
                url += "?" + string.Join('&', query);
            }
            using var response = await pipeline.Http.GetAsync(url);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                failures.Add($"{url}: {(int)response.StatusCode}");
                continue;
            }
            var content = get["responses"]!["200"]!["content"]!.AsObject().Single();
            Assert.StartsWith(content.Key, response.Content.Headers.ContentType?.MediaType ?? "");
            if (content.Key != "application/json")
            {
                continue;
            }
            var schema = content.Value!["schema"]!;
            if (schema["$ref"] is { } reference)
            {
                schema = schemas[reference.GetValue<string>().Split('/')[^1]]!;
            }
            var result = JsonSchema.FromText(schema.ToJsonString()).Evaluate(JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement,
                new EvaluationOptions { OutputFormat = OutputFormat.List });
            if (!result.IsValid)
            {
                failures.Add($"{url}: the answer does not match its schema: " +
                    string.Join("; ", (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Take(5).Select(d => $"{d.InstanceLocation}: {string.Join(", ", d.Errors!.Values)}")));
            }
        }
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }
}

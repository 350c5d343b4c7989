using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Schema;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Pipeline.Functions.Http;

/// <summary>
/// The HTTP API's OpenAPI 3.1 description, generated from the functions themselves: routes, verbs and authorization
/// from their <c>[Function]</c> and <c>[HttpTrigger]</c> attributes, summaries and query parameters from
/// <see cref="ApiOperationAttribute"/> and <see cref="ApiQueryAttribute"/>, and the answers' schemas from the types the
/// functions return, as the API serializes them (camelCase). Built once per process.
/// </summary>
public static class ApiDescription
{
    private static readonly Lazy<string> Document = new(() => Build(typeof(ApiDescription).Assembly).ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

    /// <summary>The document as JSON.</summary>
    public static string Json => Document.Value;

    /// <summary>The OpenAPI path of a route: <c>articles/{id}</c> → <c>/api/articles/{id}</c>, a catch-all <c>{*path}</c> as <c>{path}</c>.</summary>
    public static string PathOf(string route) => "/api/" + route.Replace("{*", "{", StringComparison.Ordinal);

    public static JsonObject Build(Assembly assembly)
    {
        var schemas = new JsonObject { ["ProblemDetails"] = SchemaOf(typeof(ProblemDetails)) };
        var paths = new JsonObject();
        foreach (var function in HttpFunction.Discover(assembly).OrderBy(f => f.Route, StringComparer.Ordinal))
        {
            var operation = function.Method.GetCustomAttribute<ApiOperationAttribute>()
                ?? throw new InvalidOperationException($"HTTP function {function.Name} has no [ApiOperation]: say what it answers.");
            string path = PathOf(function.Route);
            var item = paths[path] as JsonObject ?? [];
            paths[path] = item;
            foreach (var verb in function.Methods)
            {
                item[verb.ToLowerInvariant()] = Operation(function, operation, schemas);
            }
        }
        return new JsonObject
        {
            ["openapi"] = "3.1.0",
            ["info"] = new JsonObject
            {
                ["title"] = "News pipeline",
                ["version"] = "1",
                ["description"] = "Entities, quotes with their speakers and summaries of the articles in the 'articles' container. " +
                                  "Errors are application/problem+json. In Azure the query functions need a function key (code).",
            },
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["schemas"] = schemas,
                ["securitySchemes"] = new JsonObject
                {
                    ["functionKey"] = new JsonObject { ["type"] = "apiKey", ["in"] = "query", ["name"] = "code" },
                },
            },
        };
    }

    private static JsonObject Operation(HttpFunction function, ApiOperationAttribute operation, JsonObject schemas)
    {
        var parameters = new JsonArray();
        foreach (var parameter in RouteParameters(function.Route))
        {
            parameters.Add(new JsonObject { ["name"] = parameter, ["in"] = "path", ["required"] = true, ["schema"] = new JsonObject { ["type"] = "string" } });
        }
        foreach (var query in function.Method.GetCustomAttributes<ApiQueryAttribute>())
        {
            parameters.Add(new JsonObject
            {
                ["name"] = query.Name, ["in"] = "query", ["required"] = query.Required, ["description"] = query.Description,
                ["schema"] = new JsonObject { ["type"] = "string" },
            });
        }
        var problem = new JsonObject { ["application/problem+json"] = new JsonObject { ["schema"] = Ref("ProblemDetails") } };
        var result = new JsonObject
        {
            ["operationId"] = function.Name,
            ["summary"] = operation.Summary,
            ["parameters"] = parameters,
            ["responses"] = new JsonObject
            {
                ["200"] = new JsonObject
                {
                    ["description"] = "OK",
                    ["content"] = new JsonObject { [operation.ContentType] = new JsonObject { ["schema"] = Schema(operation.Response, schemas) } },
                },
                ["400"] = new JsonObject { ["description"] = "A parameter or continuation token is not valid", ["content"] = problem.DeepClone() },
                ["404"] = new JsonObject { ["description"] = "Not found", ["content"] = problem.DeepClone() },
                ["503"] = new JsonObject { ["description"] = "Storage unavailable", ["content"] = problem.DeepClone() },
            },
        };
        if (function.AuthLevel != AuthorizationLevel.Anonymous)
        {
            result["security"] = new JsonArray(new JsonObject { ["functionKey"] = new JsonArray() });
        }
        return result;
    }

    private static IEnumerable<string> RouteParameters(string route)
    {
        foreach (var segment in route.Split('/'))
        {
            if (segment.StartsWith('{') && segment.EndsWith('}'))
            {
                yield return segment.Trim('{', '}', '*').Split(':', '?')[0];
            }
        }
    }

    /// <summary>A reference to the component schema of <paramref name="type"/>, added on first use; text and any object inline.</summary>
    private static JsonNode Schema(Type type, JsonObject schemas)
    {
        if (type == typeof(string) || type == typeof(object))
        {
            return new JsonObject { ["type"] = type == typeof(string) ? "string" : "object" };
        }
        string name = NameOf(type);
        if (!schemas.ContainsKey(name))
        {
            schemas[name] = SchemaOf(type);
        }
        return Ref(name);
    }

    private static JsonNode Ref(string name) => new JsonObject { ["$ref"] = "#/components/schemas/" + name };

    private static JsonNode SchemaOf(Type type) =>
        JsonSerializerOptions.Web.GetJsonSchemaAsNode(type, new JsonSchemaExporterOptions { TreatNullObliviousAsNonNullable = true });

    /// <summary><c>Page&lt;ArticleListItem&gt;</c> → <c>PageOfArticleListItem</c>.</summary>
    private static string NameOf(Type type) =>
        type.IsGenericType
            ? type.Name[..type.Name.IndexOf('`')] + "Of" + string.Concat(type.GetGenericArguments().Select(NameOf))
            : type.Name;
}

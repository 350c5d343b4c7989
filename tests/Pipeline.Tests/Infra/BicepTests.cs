using System.Diagnostics;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using Pipeline.Tests.Infrastructure;

namespace Pipeline.Tests.Infra;

/// <summary>
/// Every Bicep file compiles and lints clean with the Bicep CLI restored from NuGet, and the compiled templates
/// have the properties the deployment depends on.
/// </summary>
public sealed class BicepTests
{
    private static readonly string Bicep = typeof(BicepTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
        .Single(a => a.Key == "BicepPath").Value!;

    private static readonly string InfraDirectory = Path.Combine(Repository.Root, "infra");

    public static TheoryData<string> BicepFiles()
    {
        var files = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(InfraDirectory, "*.bicep", SearchOption.AllDirectories).Order())
        {
            files.Add(Path.GetRelativePath(InfraDirectory, file));
        }
        return files;
    }

    [Theory]
    [MemberData(nameof(BicepFiles))]
    public async Task Bicep_file_builds_and_lints_without_a_warning(string file)
    {
        var path = Path.Combine(InfraDirectory, file);
        var (lintCode, lintOutput) = await RunAsync("lint", path);
        Assert.True(lintCode == 0 && lintOutput.Trim().Length == 0, $"bicep lint {file}: exit {lintCode}\n{lintOutput}");
        var (buildCode, buildOutput) = await RunAsync("build", path, "--stdout");
        Assert.True(buildCode == 0, $"bicep build {file}: exit {buildCode}\n{buildOutput}");
        Assert.DoesNotContain("Warning", buildOutput);
    }

    [Fact]
    public async Task The_function_app_runs_on_flex_consumption_with_dotnet_isolated_10()
    {
        var resources = await CompiledResourcesAsync("main.bicep");
        var plan = Assert.Single(resources, r => Type(r) == "Microsoft.Web/serverfarms");
        Assert.Equal("FlexConsumption", plan["sku"]!["tier"]!.GetValue<string>());
        Assert.Equal("FC1", plan["sku"]!["name"]!.GetValue<string>());

        var site = Assert.Single(resources, r => Type(r) == "Microsoft.Web/sites");
        var config = site["properties"]!["functionAppConfig"]!;
        Assert.Equal("dotnet-isolated", config["runtime"]!["name"]!.GetValue<string>());
        Assert.Equal("10.0", config["runtime"]!["version"]!.GetValue<string>());
        Assert.Equal("blobContainer", config["deployment"]!["storage"]!["type"]!.GetValue<string>());
        Assert.Equal("UserAssignedIdentity", config["deployment"]!["storage"]!["authentication"]!["type"]!.GetValue<string>());
        Assert.Equal("UserAssigned", site["identity"]!["type"]!.GetValue<string>());
    }

    [Fact]
    public async Task Storage_refuses_shared_keys_and_public_blobs_and_old_tls()
    {
        var resources = await CompiledResourcesAsync("main.bicep");
        var account = Assert.Single(resources, r => Type(r) == "Microsoft.Storage/storageAccounts");
        var properties = account["properties"]!;
        Assert.False(properties["allowSharedKeyAccess"]!.GetValue<bool>());
        Assert.False(properties["allowBlobPublicAccess"]!.GetValue<bool>());
        Assert.Equal("TLS1_2", properties["minimumTlsVersion"]!.GetValue<string>());
        Assert.Contains(resources, r => Type(r) == "Microsoft.Storage/storageAccounts/blobServices/containers" && r["name"]!.ToString().Contains("articles"));
    }

    [Fact]
    public async Task The_deployment_creates_every_table_the_app_uses()
    {
        var resources = await CompiledResourcesAsync("main.bicep");
        var tables = Assert.Single(resources, r => Type(r) == "Microsoft.Storage/storageAccounts/tableServices/tables");
        // The tables are one resource looped over the variable: its values are in the compiled module's variables.
        var storage = Assert.Single(resources, r => r["properties"]?["template"]?["variables"]?["tableNames"] is not null);
        var declared = storage["properties"]!["template"]!["variables"]!["tableNames"]!.AsArray().Select(n => n!.GetValue<string>()).ToList();
        Assert.NotNull(tables["copy"]);
        Assert.Equal(Pipeline.Storage.PipelineTables.Names.Order(), declared.Order());
    }

    [Fact]
    public async Task App_settings_connect_by_identity_and_hold_no_secret()
    {
        var resources = await CompiledResourcesAsync("main.bicep");
        var settings = Assert.Single(resources, r => Type(r) == "Microsoft.Web/sites/config")["properties"]!.AsObject();
        foreach (var key in new[] { "AzureWebJobsStorage__blobServiceUri", "AzureWebJobsStorage__queueServiceUri", "AzureWebJobsStorage__tableServiceUri", "AzureWebJobsStorage__clientId" })
        {
            Assert.True(settings.ContainsKey(key), $"{key} is missing");
        }
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]!.GetValue<string>());
        Assert.Equal("true", settings["AzureWebJobs.ProcessArticle.Disabled"]!.GetValue<string>());
        Assert.False(settings.ContainsKey("AzureWebJobsStorage"), "a connection string setting would bypass the identity");
        foreach (var (key, value) in settings)
        {
            var text = value!.ToString();
            foreach (var secret in new[] { "AccountKey", "SharedAccessSignature", "DefaultEndpointsProtocol", "UseDevelopmentStorage", "listKeys" })
            {
                Assert.DoesNotContain(secret, text, StringComparison.OrdinalIgnoreCase);
            }
        }
    }

    [Fact]
    public async Task The_identity_gets_exactly_the_four_roles_it_needs()
    {
        var template = await CompileAsync("main.bicep");
        var rolesModule = Resources(template).Single(r => Type(r) == "Microsoft.Resources/deployments" && r["name"]!.ToString() == "roles")["properties"]!["template"]!;
        var roles = rolesModule["variables"]!["roles"]!.AsObject();
        Assert.Equal(
            new[]
            {
                "0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3", // Storage Table Data Contributor
                "3913510d-42f4-4e42-8a64-420c390055eb", // Monitoring Metrics Publisher
                "974c5e8b-45b9-4653-ba55-5f855dd0fb88", // Storage Queue Data Contributor
                "b7e6dc6d-f1e8-4753-8033-0f276bb0955b", // Storage Blob Data Owner
            },
            roles.Select(r => r.Value!.GetValue<string>()).Order().ToArray());

        var assigned = Resources(rolesModule).Where(r => Type(r) == "Microsoft.Authorization/roleAssignments")
            .Select(r => roles.Select(p => p.Key).Single(key => r["properties"]!["roleDefinitionId"]!.ToString().Contains($".{key})")))
            .ToList();
        Assert.Equal(roles.Select(r => r.Key).Order(), assigned.Order());
    }

    [Fact]
    public async Task The_event_grid_subscription_sends_blob_created_events_of_articles_to_the_event_grid_trigger()
    {
        var template = await CompileAsync("eventgrid-subscription.bicep");
        var parameters = template["parameters"]!;
        Assert.Equal("articles", parameters["articlesContainerName"]!["defaultValue"]!.GetValue<string>());
        Assert.Equal(Pipeline.Functions.ProcessArticle.EventGridFunctionName, parameters["functionName"]!["defaultValue"]!.GetValue<string>());
        Assert.Equal("securestring", parameters["blobsExtensionKey"]!["type"]!.GetValue<string>().ToLowerInvariant());

        var subscription = Assert.Single(Resources(template), r => Type(r) == "Microsoft.EventGrid/systemTopics/eventSubscriptions");
        var filter = subscription["properties"]!["filter"]!;
        Assert.Equal(["Microsoft.Storage.BlobCreated"], filter["includedEventTypes"]!.AsArray().Select(t => t!.GetValue<string>()).ToArray());
        var subject = filter["subjectBeginsWith"]!.ToString();
        Assert.Contains("/blobServices/default/containers/", subject);
        Assert.Contains("articlesContainerName", subject);
        var endpoint = subscription["properties"]!["destination"]!["properties"]!["endpointUrl"]!.ToString();
        Assert.Contains("runtime/webhooks/blobs", endpoint);
        Assert.Contains("functionName", endpoint);
    }

    [Fact]
    public async Task Deleted_article_blobs_reach_the_deletions_queue_through_the_topics_own_identity()
    {
        var template = await CompileAsync("main.bicep");
        var resources = Resources(template);
        var storage = resources.Single(r => Type(r) == "Microsoft.Resources/deployments" && r["name"]!.ToString() == "storage")["properties"]!["template"]!;
        Assert.Equal(Pipeline.Processing.ArticleDeletions.Queue, storage["variables"]!["deletionsQueueName"]!.GetValue<string>());
        Assert.Contains(Resources(storage), r => Type(r) == "Microsoft.Storage/storageAccounts/queueServices/queues");
        var topic = Assert.Single(resources, r => Type(r) == "Microsoft.EventGrid/systemTopics");
        Assert.Equal("SystemAssigned", topic["identity"]!["type"]!.GetValue<string>());

        var subscription = Assert.Single(resources, r => Type(r) == "Microsoft.EventGrid/systemTopics/eventSubscriptions");
        var properties = subscription["properties"]!;
        var filter = properties["filter"]!;
        Assert.Equal([Pipeline.Processing.ArticleDeletions.BlobDeletedEventType], filter["includedEventTypes"]!.AsArray().Select(t => t!.GetValue<string>()).ToArray());
        Assert.Contains("/blobServices/default/containers/", filter["subjectBeginsWith"]!.ToString());
        var delivery = properties["deliveryWithResourceIdentity"]!;
        Assert.Equal("SystemAssigned", delivery["identity"]!["type"]!.GetValue<string>());
        Assert.Equal("StorageQueue", delivery["destination"]!["endpointType"]!.GetValue<string>());
        Assert.Contains("deletionsQueueName", delivery["destination"]!["properties"]!["queueName"]!.ToString());

        // The topic's identity may send messages to that queue (Storage Queue Data Message Sender) and nothing more.
        var eventGrid = resources.Single(r => Type(r) == "Microsoft.Resources/deployments" && r["name"]!.ToString() == "eventgrid")["properties"]!["template"]!;
        Assert.Equal("c6a89b2d-59bc-44d0-9896-0f6e12d7b80a", eventGrid["variables"]!["queueMessageSender"]!.GetValue<string>());
        var sender = Assert.Single(Resources(eventGrid), r => Type(r) == "Microsoft.Authorization/roleAssignments");
        Assert.Contains("queueMessageSender", sender["properties"]!["roleDefinitionId"]!.ToString());
        Assert.Contains("queueServices/queues", sender["scope"]!.ToString());
        Assert.Contains("systemTopics", sender["properties"]!["principalId"]!.ToString());
    }

    [Fact]
    public async Task Continuation_tokens_are_signed_with_a_secret_of_the_deployment_never_the_default()
    {
        var template = await CompileAsync("main.bicep");
        var key = template["parameters"]!["continuationTokenKey"]!;
        Assert.Equal("securestring", key["type"]!.GetValue<string>().ToLowerInvariant());
        Assert.Null(key["defaultValue"]); // every deployment brings its own: azd generates it once, az users pass one
        Assert.True(key["minLength"]!.GetValue<int>() >= 32);
        Assert.Equal("generate", key["metadata"]!["azd"]!["type"]!.GetValue<string>());

        var settings = Assert.Single(Resources(template), r => Type(r) == "Microsoft.Web/sites/config")["properties"]!.AsObject();
        var setting = settings["Pipeline__ContinuationTokenKey"]!.ToString();
        Assert.Contains("parameters('continuationTokenKey')", setting);
        Assert.DoesNotContain(Pipeline.Storage.PipelineOptions.DefaultContinuationTokenKey, template.ToJsonString());
    }

    private static string Type(JsonNode resource) => resource["type"]!.GetValue<string>();

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<string>>> Compiled = new();

    /// <summary>Compiles a file once per test run (the CLI takes seconds to start); each caller gets its own copy.</summary>
    private static async Task<JsonNode> CompileAsync(string file)
    {
        var json = await Compiled.GetOrAdd(file, f => new Lazy<Task<string>>(async () =>
        {
            var (code, output) = await RunAsync("build", Path.Combine(InfraDirectory, f), "--stdout");
            Assert.True(code == 0, output);
            return output[output.IndexOf('{')..];
        })).Value;
        return JsonNode.Parse(json)!;
    }

    /// <summary>All resources of a compiled template, modules (nested deployments) included.</summary>
    private static async Task<List<JsonNode>> CompiledResourcesAsync(string file) => Resources(await CompileAsync(file));

    private static List<JsonNode> Resources(JsonNode template)
    {
        var found = new List<JsonNode>();
        var resources = template["resources"];
        IEnumerable<JsonNode?> items = resources is JsonArray array ? array : resources?.AsObject().Select(p => p.Value) ?? [];
        foreach (var resource in items)
        {
            if (resource is null)
            {
                continue;
            }
            found.Add(resource);
            if (resource["properties"]?["template"] is { } nested)
            {
                found.AddRange(Resources(nested));
            }
        }
        return found;
    }

    private static async Task<(int Code, string Output)> RunAsync(params string[] arguments)
    {
        Assert.True(File.Exists(Bicep), $"The Bicep CLI is not at {Bicep}; dotnet restore downloads it (Azure.Bicep.CommandLine.linux-x64).");
        EnsureExecutable(Bicep);
        var start = new ProcessStartInfo(Bicep) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout + await stderr);
    }

    private static void EnsureExecutable(string path)
    {
        if (!OperatingSystem.IsWindows())
        {
            var mode = File.GetUnixFileMode(path);
            if ((mode & UnixFileMode.UserExecute) == 0)
            {
                File.SetUnixFileMode(path, mode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            }
        }
    }
}

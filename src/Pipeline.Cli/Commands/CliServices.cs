using System.CommandLine;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Pipeline.Configuration;
using Pipeline.Entities.Tagging;
using Pipeline.Quotes;
using Pipeline.Storage;

namespace Pipeline.Cli.Commands;

/// <summary>The services a command needs, wired by the same <c>AddPipeline</c> registration the hosts use.</summary>
internal static class CliServices
{
    public static readonly Option<string?> Connection = new("--connection")
    {
        Description = "Storage connection string, or an account's blob URL (https://<account>.blob.core.windows.net) to sign in with Entra ID. " +
                      "Default: AzureWebJobsStorage from the environment or local.settings.json, else Azurite (UseDevelopmentStorage=true).",
        Recursive = true,
    };

    /// <summary>
    /// Extraction only: no storage connection is read or needed. The two models load side by side, one per core, before
    /// the first article needs them: a command's start-up is mostly their loading.
    /// </summary>
    public static ServiceProvider Extraction()
    {
        Parallel.Invoke(() => _ = EntityModels.Recognizer, () => _ = QuoteModels.Extractor);
        return new ServiceCollection().AddPipeline(new ConfigurationBuilder().Build()).BuildServiceProvider();
    }

    public static ServiceProvider Build(ParseResult parse)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { [PipelineOptions.Connection] = "UseDevelopmentStorage=true" })
            .AddLocalSettings(LocalSettings.Find(Environment.CurrentDirectory))
            .AddEnvironmentVariables()
            .AddInMemoryCollection(parse.GetValue(Connection) is { Length: > 0 } connection
                ? new Dictionary<string, string?> { [PipelineOptions.Connection] = connection }
                : [])
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(logging => logging.AddFilter(level => level >= LogLevel.Warning).AddSimpleConsole());
        services.AddPipeline(configuration);
        return services.BuildServiceProvider();
    }
}

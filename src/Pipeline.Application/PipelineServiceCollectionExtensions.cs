using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using Pipeline.Entities;
using Pipeline.Entities.Tagging;
using Pipeline.Extraction;
using Pipeline.Processing;
using Pipeline.Queries;
using Pipeline.Quotes;
using Pipeline.Recovery;
using Pipeline.Results;
using Pipeline.Storage;
using Pipeline.Summaries;

namespace Pipeline;

/// <summary>The one registration both hosts call.</summary>
public static class PipelineServiceCollectionExtensions
{
    /// <summary>
    /// Registers extraction, storage and queries. Storage clients come from the connection the triggers use,
    /// <c>AzureWebJobsStorage</c> (<see cref="PipelineOptions.Connection"/>).
    /// </summary>
    public static IServiceCollection AddPipeline(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PipelineOptions>()
            .Bind(configuration.GetSection(PipelineOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.AddOptions<RecoveryOptions>()
            .Bind(configuration.GetSection(RecoveryOptions.Section))
            .ValidateDataAnnotations()
            .Validate(_ => Moved(configuration) is null, Moved(configuration) ?? "")
            .ValidateOnStart();
        services.AddSingleton(TimeProvider.System);

        services.AddSingleton<IEntityRecognizer>(_ => EntityModels.Recognizer);
        services.AddSingleton<IEntityExtractor, EntityExtractor>();
        services.AddSingleton<IQuoteExtractor>(_ => QuoteModels.Extractor);
        services.AddSingleton<ISummarizer>(_ => new FeatureSummarizer());
        services.AddSingleton<KeyPhraseExtractor>();
        services.AddSingleton<ArticleExtractor>();

        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<PipelineOptions>>().Value;
            return StorageClients.FromConfiguration(configuration, PipelineOptions.Connection, options.StorageRetries);
        });
        services.AddSingleton<PipelineTables>();
        services.AddSingleton<ArticleBlobs>();
        services.AddSingleton<ProcessingMonitor>();
        services.AddHostedService<StorageInitializer>();
        services.AddSingleton<EntityCatalog>();
        services.AddSingleton<CatalogVersion>();
        services.AddSingleton<ArticleStore>();
        services.AddSingleton<IArticleProcessor, ArticleProcessor>();
        services.AddSingleton<IPoisonMessageHandler, PoisonMessages>();
        services.AddSingleton<IArticleDeletions, ArticleDeletions>();
        services.TryAddSingleton<ITriggerReceipts, UnknownTriggerReceipts>();
        services.AddSingleton<ArticleRecovery>();
        services.AddSingleton<IArticleRecovery>(sp => sp.GetRequiredService<ArticleRecovery>());
        services.AddSingleton<ContinuationTokens>();
        services.AddSingleton<PageCache>();
        services.AddSingleton<ReadCoalescer>();
        services.AddSingleton<IdentityLookup>();
        services.AddSingleton<IndexPages>();
        services.AddSingleton<IArticleQueries, ArticleQueries>();
        services.AddSingleton<IIndexQueries, IndexQueries>();
        return services;
    }

    /// <summary>A recovery setting still written under <c>Pipeline</c>, where it was before it had its own section.</summary>
    private static string? Moved(IConfiguration configuration)
    {
        foreach (var name in RecoveryOptions.FormerNames)
        {
            if (configuration[$"{PipelineOptions.Section}:{name}"] is not null)
            {
                return $"{PipelineOptions.Section}:{name} has moved to {RecoveryOptions.Section}:{name} (app setting {RecoveryOptions.Section}__{name}).";
            }
        }
        return null;
    }
}

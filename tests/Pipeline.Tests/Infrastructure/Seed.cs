using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Articles;
using Pipeline.Extraction;

namespace Pipeline.Tests.Infrastructure;

/// <summary>The seed article run through the registered extraction stages, once per test run.</summary>
public static class Seed
{
    public static ArticleExtractor Extractor { get; } = new ServiceCollection()
        .AddPipeline(new ConfigurationBuilder().Build())
        .BuildServiceProvider()
        .GetRequiredService<ArticleExtractor>();

    private static readonly Lazy<ExtractionResult> Extraction = new(() =>
        Extractor.Extract(ArticleParser.Parse("seed", "seed.txt", Repository.SeedText)));

    public static ExtractionResult Result => Extraction.Value;
}

using System.ComponentModel.DataAnnotations;

namespace Pipeline.Storage;

/// <summary>Where articles and results live, bound from the <c>Pipeline</c> configuration section.</summary>
public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    /// <summary>
    /// The storage connection setting, as in <c>local.settings.json</c> and the app settings in Azure: the triggers'
    /// <c>Connection</c> and the storage clients both read it, so results always live beside the articles.
    /// </summary>
    public const string Connection = "AzureWebJobsStorage";

    /// <summary>The blob container the trigger watches; a constant because trigger attributes need one.</summary>
    public const string ArticlesContainer = "articles";

    /// <summary>Where the extracted text of each processed version is kept.</summary>
    public const string TextsContainer = "article-texts";

    /// <summary>Files larger than this are rejected before being read.</summary>
    [Range(1, 256L * 1024 * 1024)]
    public long MaxArticleBytes { get; set; } = 4 * 1024 * 1024;

    /// <summary>Retries of each storage call (exponential, 0.4 s doubling up to 4 s) before it fails; 4 rides out about 6 s of outage.</summary>
    [Range(0, 10)]
    public int StorageRetries { get; set; } = 4;

    /// <summary>
    /// Key that signs continuation tokens so tampered tokens are refused. Hosts that share storage must share it. The
    /// default is public (it is in this source): fine on Azurite, but every deployment sets its own (the Bicep does),
    /// and a host on a real storage account that keeps the default logs a warning at start.
    /// </summary>
    [Required, MinLength(16)]
    public string ContinuationTokenKey { get; set; } = DefaultContinuationTokenKey;

    /// <summary>The built-in, public continuation-token key: for local development only.</summary>
    public const string DefaultContinuationTokenKey = "pipeline-continuation-token-default-key";
}

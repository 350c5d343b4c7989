using Azure.Data.Tables;

namespace Pipeline.Storage;

/// <summary>The pipeline's tables, created on first use (once per process).</summary>
public sealed class PipelineTables
{
    public const string ArticlesTable = "articles";
    public const string ArticleEntitiesTable = "articleentities";
    public const string ArticleQuotesTable = "articlequotes";
    public const string EntityArticlesTable = "entityarticles";
    public const string SpeakerQuotesTable = "speakerquotes";
    public const string EntitiesTable = "entities";
    public const string EntityNamesTable = "entitynames";
    public const string CatalogVersionTable = "catalogversion";

    /// <summary>Every table above, as the deployment (<c>infra/modules/storage.bicep</c>) must declare them.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [ArticlesTable, ArticleEntitiesTable, ArticleQuotesTable, EntityArticlesTable, SpeakerQuotesTable, EntitiesTable, EntityNamesTable, CatalogVersionTable];

    private readonly SemaphoreSlim gate = new(1, 1);
    private volatile bool created;

    public PipelineTables(StorageClients clients)
    {
        Articles = clients.Tables.GetTableClient(ArticlesTable);
        ArticleEntities = clients.Tables.GetTableClient(ArticleEntitiesTable);
        ArticleQuotes = clients.Tables.GetTableClient(ArticleQuotesTable);
        EntityArticles = clients.Tables.GetTableClient(EntityArticlesTable);
        SpeakerQuotes = clients.Tables.GetTableClient(SpeakerQuotesTable);
        Entities = clients.Tables.GetTableClient(EntitiesTable);
        EntityNames = clients.Tables.GetTableClient(EntityNamesTable);
        CatalogVersion = clients.Tables.GetTableClient(CatalogVersionTable);
    }

    public TableClient Articles { get; }
    public TableClient ArticleEntities { get; }
    public TableClient ArticleQuotes { get; }
    public TableClient EntityArticles { get; }
    public TableClient SpeakerQuotes { get; }
    public TableClient Entities { get; }

    /// <summary>The identities of the corpus by the group they may link in (a surname, initials): see <c>Entities/Identity</c>.</summary>
    public TableClient EntityNames { get; }

    /// <summary>The version of what the entity list reads, and the writes to it under way (<see cref="Storage.CatalogVersion"/>).</summary>
    public TableClient CatalogVersion { get; }

    /// <summary>Forgets that the tables exist, so the next <see cref="EnsureCreatedAsync"/> creates any that went missing.</summary>
    public void Invalidate() => created = false;

    /// <summary>True for the error Table storage answers when a table is missing.</summary>
    public static bool IsTableMissing(Azure.RequestFailedException e) => e.Status == 404 && e.ErrorCode == "TableNotFound";

    /// <summary>Creates any missing table. Cheap after the first success; a failure is retried on the next call.</summary>
    public async Task EnsureCreatedAsync(CancellationToken cancellationToken)
    {
        if (created)
        {
            return;
        }
        await gate.WaitAsync(cancellationToken);
        try
        {
            if (!created)
            {
                await Task.WhenAll(
                    Articles.CreateIfNotExistsAsync(cancellationToken),
                    ArticleEntities.CreateIfNotExistsAsync(cancellationToken),
                    ArticleQuotes.CreateIfNotExistsAsync(cancellationToken),
                    EntityArticles.CreateIfNotExistsAsync(cancellationToken),
                    SpeakerQuotes.CreateIfNotExistsAsync(cancellationToken),
                    Entities.CreateIfNotExistsAsync(cancellationToken),
                    EntityNames.CreateIfNotExistsAsync(cancellationToken),
                    CatalogVersion.CreateIfNotExistsAsync(cancellationToken));
                created = true;
            }
        }
        finally
        {
            gate.Release();
        }
    }
}

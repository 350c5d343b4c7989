using Azure;
using Azure.Data.Tables;
using Pipeline.Extraction;
using Pipeline.Storage;
using Pipeline.Storage.Rows;

namespace Pipeline.Results;

/// <summary>
/// An article's own entity and quote rows, kept per generation (RowKey <c>{generation}|{index}</c>) so a new version
/// can be written beside the current one and switched to in one step.
/// </summary>
internal sealed class GenerationRows(PipelineTables tables)
{
    /// <summary>The article's own entity and quote rows, under <paramref name="generation"/>: invisible until the switch.</summary>
    public async Task WriteAsync(ExtractionResult result, string generation, CancellationToken cancellationToken)
    {
        var article = result.Article;
        var actions = new List<TableTransactionAction>(result.Entities.Count);
        for (int i = 0; i < result.Entities.Count; i++)
        {
            actions.Add(new(TableTransactionActionType.UpsertReplace, result.Entities[i].ToRow(article.Id, generation, i)));
        }
        await TableBatches.SubmitAsync(tables.ArticleEntities, actions, cancellationToken);

        actions.Clear();
        for (int i = 0; i < result.Quotes.Count; i++)
        {
            actions.Add(new(TableTransactionActionType.UpsertReplace, result.Quotes[i].ToRow(article.Id, generation, i)));
        }
        await TableBatches.SubmitAsync(tables.ArticleQuotes, actions, cancellationToken);
    }

    /// <summary>Deletes the entity and quote rows of one generation of an article.</summary>
    public async Task DeleteAsync(string id, string generation, CancellationToken cancellationToken)
    {
        string from = generation + "|", to = generation + "}";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {id} and RowKey gt {from} and RowKey lt {to}");
        var entities = new List<TableEntity>();
        await foreach (var row in tables.ArticleEntities.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            entities.Add(row);
        }
        var quotes = new List<TableEntity>();
        await foreach (var row in tables.ArticleQuotes.QueryAsync<TableEntity>(filter, select: ["PartitionKey", "RowKey"], cancellationToken: cancellationToken))
        {
            quotes.Add(row);
        }
        await DeleteRowsAsync(tables.ArticleEntities, entities, cancellationToken);
        await DeleteRowsAsync(tables.ArticleQuotes, quotes, cancellationToken);
    }

    /// <summary>The article's entity and quote rows of every generation but <paramref name="generation"/> (null: of every generation).</summary>
    public async Task<(List<ArticleEntityRow> Entities, List<ArticleQuoteRow> Quotes)> ReadOthersAsync(string id, string? generation, CancellationToken cancellationToken)
    {
        // No RowKey starts with "|" alone, so without a generation to keep every row is read.
        string prefix = generation + "|";
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {id}");
        var entities = new List<ArticleEntityRow>();
        await foreach (var row in tables.ArticleEntities.QueryAsync<ArticleEntityRow>(filter, cancellationToken: cancellationToken))
        {
            if (!row.RowKey.StartsWith(prefix, StringComparison.Ordinal))
            {
                entities.Add(row);
            }
        }
        var quotes = new List<ArticleQuoteRow>();
        await foreach (var row in tables.ArticleQuotes.QueryAsync<ArticleQuoteRow>(filter, select: ["PartitionKey", "RowKey", "Speaker", "SpeakerIndex"], cancellationToken: cancellationToken))
        {
            if (!row.RowKey.StartsWith(prefix, StringComparison.Ordinal))
            {
                quotes.Add(row);
            }
        }
        return (entities, quotes);
    }

    /// <summary>
    /// Deletes rows in batches. A row another writer deleted first (a concurrent cleanup, a removal racing a processing
    /// run) fails its whole batch with 404: that row is dropped from the batch and the rest submitted again, so every
    /// row that still exists goes.
    /// </summary>
    public static async Task DeleteRowsAsync<T>(TableClient table, List<T> rows, CancellationToken cancellationToken)
        where T : ITableEntity
    {
        var actions = new List<TableTransactionAction>(rows.Count);
        foreach (var row in rows)
        {
            actions.Add(new(TableTransactionActionType.Delete, row, ETag.All));
        }
        foreach (var batch in TableBatches.Plan(actions))
        {
            while (batch.Count > 0)
            {
                try
                {
                    await table.SubmitTransactionAsync(batch, cancellationToken);
                    break;
                }
                catch (TableTransactionFailedException e) when (e.Status == 404 && e.FailedTransactionActionIndex is int gone && gone < batch.Count)
                {
                    batch.RemoveAt(gone);
                }
            }
        }
    }
}

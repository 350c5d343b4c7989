using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Queries;

namespace Pipeline.Functions.Http;

/// <summary>Articles and their results: <c>/api/articles…</c>.</summary>
public sealed class ArticleFunctions(IArticleQueries queries)
{
    [Function(nameof(ListArticles))]
    [ApiOperation("Articles with their status, in article-id order", typeof(Page<ArticleListItem>))]
    [ApiQuery("top", "Items per page, 1 to 1000 (default 50).")]
    [ApiQuery("continuationToken", "The continuationToken of the page before, for the next one.")]
    [ApiQuery("status", "Only articles with this status: " + QueryParameters.Statuses + ".")]
    [ApiQuery("section", "Only articles of this section.")]
    [ApiQuery("from", "Published on or after this date (yyyy-MM-dd).")]
    [ApiQuery("to", "Published on or before this date (yyyy-MM-dd).")]
    [ApiQuery("search", "Text the title contains (any case).")]
    public async Task<IActionResult> ListArticles(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "articles")] HttpRequest request,
        CancellationToken cancellationToken) =>
        (await queries.ListAsync(new ArticleListQuery(request.Query["top"], request.Query["continuationToken"], request.Query["status"],
            request.Query["section"], request.Query["from"], request.Query["to"], request.Query["search"]), cancellationToken)).ToActionResult();

    [Function(nameof(GetArticle))]
    [ApiOperation("An article: metadata, status, summary, key phrases, first entities and quotes", typeof(ArticleDetail))]
    public async Task<IActionResult> GetArticle(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "articles/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        (await queries.GetAsync(id, cancellationToken)).ToActionResult();

    [Function(nameof(GetArticleEntities))]
    [ApiOperation("The article's entities, most salient first", typeof(Page<EntityDto>))]
    [ApiQuery("top", "Items per page, 1 to 1000 (default 50).")]
    [ApiQuery("continuationToken", "The continuationToken of the page before, for the next one.")]
    public async Task<IActionResult> GetArticleEntities(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "articles/{id}/entities")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        (await queries.ListEntitiesAsync(id, request.Query["top"], request.Query["continuationToken"], cancellationToken)).ToActionResult();

    [Function(nameof(GetArticleQuotes))]
    [ApiOperation("The article's quotes with their speakers", typeof(Page<QuoteDto>))]
    [ApiQuery("top", "Items per page, 1 to 1000 (default 50).")]
    [ApiQuery("continuationToken", "The continuationToken of the page before, for the next one.")]
    public async Task<IActionResult> GetArticleQuotes(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "articles/{id}/quotes")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        (await queries.ListQuotesAsync(id, request.Query["top"], request.Query["continuationToken"], cancellationToken)).ToActionResult();

    [Function(nameof(GetArticleText))]
    [ApiOperation("The article's text as processed: what every offset points into", typeof(string), ContentType = "text/plain")]
    public async Task<IActionResult> GetArticleText(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "articles/{id}/text")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        (await queries.GetTextAsync(id, cancellationToken)).ToTextResult();

    [Function(nameof(GetArticleSummary))]
    [ApiOperation("The article's best sentences in document order", typeof(SummaryDto))]
    [ApiQuery("sentences", "How many sentences, 1 to 10 (default 3).")]
    public async Task<IActionResult> GetArticleSummary(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "articles/{id}/summary")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        (await queries.GetSummaryAsync(id, request.Query["sentences"], cancellationToken)).ToActionResult();
}

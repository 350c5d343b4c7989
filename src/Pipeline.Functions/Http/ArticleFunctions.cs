using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Queries;

namespace Pipeline.Functions.Http;

/// <summary>Articles and their results: <c>/api/articles…</c>.</summary>
public sealed class ArticleFunctions(IArticleQueries queries)
{
    [Function(nameof(ListArticles))]
    public async Task<IActionResult> ListArticles(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "articles")] HttpRequest request,
        CancellationToken cancellationToken) =>
        (await queries.ListAsync(new ArticleListQuery(request.Query["top"], request.Query["continuationToken"], request.Query["status"],
            request.Query["section"], request.Query["from"], request.Query["to"], request.Query["search"]), cancellationToken)).ToActionResult();

    [Function(nameof(GetArticle))]
    public async Task<IActionResult> GetArticle(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "articles/{id}")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        (await queries.GetAsync(id, cancellationToken)).ToActionResult();

    [Function(nameof(GetArticleEntities))]
    public async Task<IActionResult> GetArticleEntities(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "articles/{id}/entities")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        (await queries.ListEntitiesAsync(id, request.Query["top"], request.Query["continuationToken"], cancellationToken)).ToActionResult();

    [Function(nameof(GetArticleQuotes))]
    public async Task<IActionResult> GetArticleQuotes(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "articles/{id}/quotes")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        (await queries.ListQuotesAsync(id, request.Query["top"], request.Query["continuationToken"], cancellationToken)).ToActionResult();

    [Function(nameof(GetArticleText))]
    public async Task<IActionResult> GetArticleText(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "articles/{id}/text")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        (await queries.GetTextAsync(id, cancellationToken)).ToTextResult();

    [Function(nameof(GetArticleSummary))]
    public async Task<IActionResult> GetArticleSummary(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "articles/{id}/summary")] HttpRequest request,
        string id, CancellationToken cancellationToken) =>
        (await queries.GetSummaryAsync(id, request.Query["sentences"], cancellationToken)).ToActionResult();
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Queries;

namespace Pipeline.Functions.Http;

/// <summary>Queries across articles: entities, quotes by speaker, health.</summary>
public sealed class IndexFunctions(IIndexQueries queries)
{
    [Function(nameof(ListEntities))]
    [ApiOperation("Identities across articles, by name, each once with its variants and article count", typeof(Page<CatalogEntityDto>))]
    [ApiQuery("type", "One of " + QueryParameters.EntityTypes + ".")]
    [ApiQuery("prefix", "Names starting with this.")]
    [ApiQuery("top", "Items per page, 1 to 1000 (default 50).")]
    [ApiQuery("continuationToken", "The continuationToken of the page before, for the next one.")]
    public async Task<IActionResult> ListEntities(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "entities")] HttpRequest request,
        CancellationToken cancellationToken) =>
        (await queries.ListEntitiesAsync(request.Query["type"], request.Query["prefix"], request.Query["top"], request.Query["continuationToken"], cancellationToken)).ToActionResult();

    [Function(nameof(ListEntityArticles))]
    [ApiOperation("Articles mentioning an identity, under any of its spellings", typeof(IdentityPage<EntityArticleDto>))]
    [ApiQuery("top", "Items per page, 1 to 1000 (default 50).")]
    [ApiQuery("continuationToken", "The continuationToken of the page before, for the next one.")]
    public async Task<IActionResult> ListEntityArticles(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "entities/{type}/{name}/articles")] HttpRequest request,
        string type, string name, CancellationToken cancellationToken) =>
        (await queries.ListEntityArticlesAsync(type, name, request.Query["top"], request.Query["continuationToken"], cancellationToken)).ToActionResult();

    [Function(nameof(ListQuotes))]
    [ApiOperation("Quotes by a speaker across articles, under any spelling of the speaker's identity", typeof(IdentityPage<SpeakerQuoteDto>))]
    [ApiQuery("speaker", "The speaker's name, any spelling (Joe Biden, Biden, President Biden).", Required = true)]
    [ApiQuery("top", "Quotes per page, 1 to 1000 (default 50); whole articles.")]
    [ApiQuery("continuationToken", "The continuationToken of the page before, for the next one.")]
    public async Task<IActionResult> ListQuotes(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "quotes")] HttpRequest request,
        CancellationToken cancellationToken) =>
        (await queries.ListSpeakerQuotesAsync(request.Query["speaker"], request.Query["top"], request.Query["continuationToken"], cancellationToken)).ToActionResult();

    [Function(nameof(Health))]
    [ApiOperation("Healthy when Table storage answers; 503 otherwise", typeof(HealthDto))]
    public async Task<IActionResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken) =>
        (await queries.CheckHealthAsync(cancellationToken)).ToActionResult();

    [Function(nameof(OpenApi))]
    [ApiOperation("This API's OpenAPI 3.1 description", typeof(object))]
    public IActionResult OpenApi(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "openapi.json")] HttpRequest request) =>
        new ContentResult { Content = ApiDescription.Json, ContentType = "application/json; charset=utf-8", StatusCode = 200 };
}

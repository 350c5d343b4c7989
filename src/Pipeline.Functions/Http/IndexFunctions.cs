using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Queries;

namespace Pipeline.Functions.Http;

/// <summary>Queries across articles: entities, quotes by speaker, health.</summary>
public sealed class IndexFunctions(IIndexQueries queries)
{
    [Function(nameof(ListEntities))]
    public async Task<IActionResult> ListEntities(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "entities")] HttpRequest request,
        CancellationToken cancellationToken) =>
        (await queries.ListEntitiesAsync(request.Query["type"], request.Query["prefix"], request.Query["top"], request.Query["continuationToken"], cancellationToken)).ToActionResult();

    [Function(nameof(ListEntityArticles))]
    public async Task<IActionResult> ListEntityArticles(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "entities/{type}/{name}/articles")] HttpRequest request,
        string type, string name, CancellationToken cancellationToken) =>
        (await queries.ListEntityArticlesAsync(type, name, request.Query["top"], request.Query["continuationToken"], cancellationToken)).ToActionResult();

    [Function(nameof(ListQuotes))]
    public async Task<IActionResult> ListQuotes(
        [HttpTrigger(AuthorizationLevel.Function, "get", Route = "quotes")] HttpRequest request,
        CancellationToken cancellationToken) =>
        (await queries.ListSpeakerQuotesAsync(request.Query["speaker"], request.Query["top"], request.Query["continuationToken"], cancellationToken)).ToActionResult();

    [Function(nameof(Health))]
    public async Task<IActionResult> Health(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "health")] HttpRequest request,
        CancellationToken cancellationToken) =>
        (await queries.CheckHealthAsync(cancellationToken)).ToActionResult();
}

using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Net.Http.Headers;
using Pipeline.Functions.Browse;
using Pipeline.Queries;

namespace Pipeline.Functions.Http;

/// <summary>
/// The browse page at <c>/api/browse/</c>: static files that call the query API from the browser. Anonymous,
/// because the files hold no data; the page passes the <c>code</c> it was opened with to every API call.
/// </summary>
public sealed class BrowseFunctions
{
    /// <summary>
    /// The page loads only its own files and calls only its own origin; no inline script or style, so injected
    /// markup could not run even if some text escaped the page's escaping.
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

    [Function("Browse")]
    [ApiOperation("The browse page and its files (HTML, CSS, JavaScript): /api/browse/ opens it", typeof(string), ContentType = "text/html")]
    public IActionResult Browse(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "browse/{*path}")] HttpRequest request,
        string? path, CancellationToken cancellationToken)
    {
        // "/api/browse" without its slash would resolve the page's relative URLs against "/api/": redirect,
        // relative to the request and keeping the query (the function key).
        if (string.IsNullOrEmpty(path) && request.Path.HasValue && !request.Path.Value.EndsWith('/'))
        {
            return new RedirectResult("browse/" + request.QueryString);
        }
        if (!StaticFiles.TryGet(path, out var file))
        {
            return ActionResults.Problem(QueryProblem.NotFound($"The browse page has no file '{path}'."));
        }
        var headers = request.HttpContext.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        // The page's address may carry the function key (?code=): never send it on as a Referer.
        headers["Referrer-Policy"] = "no-referrer";
        // Revalidated on every load (cheap: a 304 by ETag), so a deployment is seen at once.
        headers.CacheControl = "no-cache";
        return new FileContentResult(file.Content, file.ContentType) { EntityTag = EntityTagHeaderValue.Parse(file.ETag) };
    }
}

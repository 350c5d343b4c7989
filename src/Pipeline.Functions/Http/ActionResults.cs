using Microsoft.AspNetCore.Mvc;
using Pipeline.Queries;

namespace Pipeline.Functions.Http;

/// <summary>Maps query results to HTTP: the value as JSON, or the problem as <c>application/problem+json</c>.</summary>
public static class ActionResults
{
    public const string ProblemJson = "application/problem+json";

    public static IActionResult ToActionResult<T>(this QueryResult<T> result) =>
        result.Problem is { } problem ? Problem(problem) : new OkObjectResult(result.Value);

    /// <summary>Plain text (UTF-8), or the problem.</summary>
    public static IActionResult ToTextResult(this QueryResult<string> result) =>
        result.Problem is { } problem ? Problem(problem) : new ContentResult { Content = result.Value, ContentType = "text/plain; charset=utf-8", StatusCode = 200 };

    public static IActionResult Problem(QueryProblem problem) =>
        new ObjectResult(new ProblemDetails { Status = problem.Status, Title = problem.Title, Detail = problem.Detail })
        {
            StatusCode = problem.Status,
            ContentTypes = { ProblemJson },
        };
}

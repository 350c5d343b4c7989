using System.Reflection;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Azure.Functions.Worker;
using Pipeline.Functions.Http;

namespace Pipeline.LocalHost;

/// <summary>
/// Maps the HTTP functions of a Functions assembly onto Kestrel by reading their <c>[Function]</c> and
/// <c>[HttpTrigger]</c> attributes, so routes and handlers are declared once, in the Functions app.
/// </summary>
public static class HttpFunctionRoutes
{
    /// <summary>The Functions host's default route prefix (<c>extensions.http.routePrefix</c> in host.json).</summary>
    public const string RoutePrefix = "api";

    /// <summary>Registers every class holding a function (created per request or invocation, as the worker does) and MVC's result executors.</summary>
    public static IServiceCollection AddFunctionClasses(this IServiceCollection services, Assembly assembly)
    {
        services.AddMvcCore();
        foreach (var type in assembly.GetTypes())
        {
            if (type.IsClass && !type.IsAbstract && Array.Exists(type.GetMethods(), m => m.GetCustomAttribute<FunctionAttribute>() is not null))
            {
                services.AddScoped(type);
            }
        }
        return services;
    }

    public static IEndpointRouteBuilder MapHttpFunctions(this IEndpointRouteBuilder endpoints, Assembly assembly)
    {
        foreach (var function in HttpFunction.Discover(assembly))
        {
            var binders = Binders(function);
            endpoints.MapMethods($"{RoutePrefix}/{function.Route}", function.Methods, context => InvokeAsync(context, function, binders))
                .WithName(function.Name);
        }
        endpoints.MapFallback(context => ProblemResponses.WriteAsync(context, StatusCodes.Status404NotFound, "Not found",
            $"No function answers {context.Request.Method} {context.Request.Path}."));
        return endpoints;
    }

    private static async Task InvokeAsync(HttpContext context, HttpFunction function, Func<HttpContext, object?>[] binders)
    {
        var instance = function.Method.IsStatic ? null : context.RequestServices.GetRequiredService(function.Type);
        var arguments = new object?[binders.Length];
        for (int i = 0; i < binders.Length; i++)
        {
            arguments[i] = binders[i](context);
        }
        object? returned;
        try
        {
            returned = function.Method.Invoke(instance, arguments);
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
        var result = returned switch
        {
            Task<IActionResult> task => await task,
            IActionResult action => action,
            _ => throw new InvalidOperationException($"Function {function.Name} must return IActionResult or Task<IActionResult> to run on the local host."),
        };
        await result.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
    }

    /// <summary>How each parameter is bound, decided once at start-up: the request, route values, the abort token.</summary>
    private static Func<HttpContext, object?>[] Binders(HttpFunction function)
    {
        var parameters = function.Method.GetParameters();
        var binders = new Func<HttpContext, object?>[parameters.Length];
        // A parameter the route declares comes from the route only: an optional or catch-all value left empty
        // ("browse/{*path}" at "/api/browse/") is null, not whatever the query string holds under that name.
        var routeNames = RoutePatternFactory.Parse(function.Route).Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < parameters.Length; i++)
        {
            var parameter = parameters[i];
            string name = parameter.Name!;
            binders[i] = parameter.ParameterType switch
            {
                var t when t == typeof(HttpRequest) => context => context.Request,
                var t when t == typeof(CancellationToken) => context => context.RequestAborted,
                var t when t == typeof(string) && routeNames.Contains(name) => context => context.GetRouteValue(name) as string,
                var t when t == typeof(string) => context => (string?)context.Request.Query[name],
                _ => throw new NotSupportedException(
                    $"Function {function.Name}: parameter '{name}' of type {parameter.ParameterType.Name} cannot be bound on the local host. " +
                    "Use HttpRequest, route values as strings, and CancellationToken."),
            };
        }
        return binders;
    }
}

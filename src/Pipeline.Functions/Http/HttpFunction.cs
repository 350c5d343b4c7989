using System.Reflection;
using Microsoft.Azure.Functions.Worker;

namespace Pipeline.Functions.Http;

/// <summary>
/// One HTTP function as its attributes declare it: class, method, name, route, verbs and authorization level. Read by
/// the local host to map the routes and by <see cref="ApiDescription"/> to describe them, so each is declared once.
/// </summary>
public sealed record HttpFunction(Type Type, MethodInfo Method, string Name, string Route, string[] Methods, AuthorizationLevel AuthLevel)
{
    /// <summary>Every HTTP-triggered function of <paramref name="assembly"/>.</summary>
    public static List<HttpFunction> Discover(Assembly assembly)
    {
        var functions = new List<HttpFunction>();
        foreach (var type in assembly.GetTypes())
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            {
                var function = method.GetCustomAttribute<FunctionAttribute>();
                var trigger = Array.Find(method.GetParameters(), p => p.GetCustomAttribute<HttpTriggerAttribute>() is not null)
                    ?.GetCustomAttribute<HttpTriggerAttribute>();
                if (function is null || trigger is null)
                {
                    continue;
                }
                var methods = trigger.Methods is { Length: > 0 } verbs
                    ? Array.ConvertAll(verbs, v => v.ToUpperInvariant())
                    : ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
                functions.Add(new HttpFunction(type, method, function.Name, trigger.Route ?? function.Name, methods, trigger.AuthLevel));
            }
        }
        return functions;
    }
}

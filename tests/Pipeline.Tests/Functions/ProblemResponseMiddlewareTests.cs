using System.Collections;
using System.Collections.Immutable;
using System.Text.Json;
using Azure;
using Microsoft.AspNetCore.Http;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Invocation;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.DependencyInjection;
using Pipeline.Functions;

namespace Pipeline.Tests.Functions;

/// <summary>
/// The Functions app's own worker pipeline, as <see cref="FunctionsApp.Build"/> configures it for Azure (built, not
/// started: no Functions host here), answers an exception of an HTTP function as the local host does: a storage outage
/// is a 503 and anything else a 500, both <c>application/problem+json</c>. Fails if the middleware is not registered.
/// </summary>
public sealed class ProblemResponseMiddlewareTests
{
    [Fact]
    public async Task A_storage_outage_is_a_503_problem()
    {
        var (status, contentType, body) = await InvokeThroughTheAppsPipelineAsync(new RequestFailedException(503, "Server busy"));
        Assert.Equal(503, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal("Storage unavailable", body.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Any_other_error_is_a_500_problem()
    {
        var (status, contentType, body) = await InvokeThroughTheAppsPipelineAsync(new InvalidOperationException("a defect"));
        Assert.Equal(500, status);
        Assert.Equal("application/problem+json", contentType);
        Assert.Equal(500, body.GetProperty("status").GetInt32());
        Assert.DoesNotContain("a defect", body.GetRawText()); // the log has it, the client does not
    }

    private static async Task<(int Status, string? ContentType, JsonElement Body)> InvokeThroughTheAppsPipelineAsync(Exception thrown)
    {
        using var host = FunctionsApp.Build([]);
        var pipeline = host.Services.GetRequiredService<FunctionExecutionDelegate>();
        await using var scope = host.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        http.Response.Body = new MemoryStream();
        // Where the ASP.NET Core integration puts the request's HttpContext. A trigger type other than "httpTrigger" keeps
        // its proxying middleware from waiting for a request from the Functions host, which is not here.
        var context = new TestFunctionContext(scope.ServiceProvider) { Items = { ["HttpRequestContext"] = http } };
        context.Features.Set<IFunctionExecutor>(new ThrowingExecutor(thrown));

        await pipeline(context);

        http.Response.Body.Position = 0;
        return (http.Response.StatusCode, http.Response.ContentType, JsonDocument.Parse(http.Response.Body).RootElement.Clone());
    }

    /// <summary>Stands in for the function body: the worker's execution middleware runs an <see cref="IFunctionExecutor"/> feature.</summary>
    private sealed class ThrowingExecutor(Exception e) : IFunctionExecutor
    {
        public ValueTask ExecuteAsync(FunctionContext context) => ValueTask.FromException(e);
    }

    /// <summary>A <see cref="FunctionContext"/> from public types (the worker's own is internal).</summary>
    private sealed class TestFunctionContext(IServiceProvider services) : FunctionContext
    {
        public override string InvocationId { get; } = Guid.NewGuid().ToString();
        public override string FunctionId => FunctionDefinition.Id;
        public override TraceContext TraceContext { get; } = new Trace();
        public override BindingContext BindingContext { get; } = new Bindings();
        public override RetryContext RetryContext { get; } = new Retry();
        public override IServiceProvider InstanceServices { get; set; } = services;
        public override FunctionDefinition FunctionDefinition { get; } = new Definition();
        public override IDictionary<object, object> Items { get; set; } = new Dictionary<object, object>();
        public override IInvocationFeatures Features { get; } = new FeatureSet();

        private sealed class Trace : TraceContext
        {
            public override string TraceParent => "";
            public override string TraceState => "";
        }

        private sealed class Bindings : BindingContext
        {
            public override IReadOnlyDictionary<string, object?> BindingData { get; } = new Dictionary<string, object?>();
        }

        private sealed class Retry : RetryContext
        {
            public override int RetryCount => 0;
            public override int MaxRetryCount => 0;
        }

        private sealed class FeatureSet : IInvocationFeatures
        {
            private readonly Dictionary<Type, object> features = [];
            public void Set<T>(T instance) => features[typeof(T)] = instance!;
            public T? Get<T>() => features.TryGetValue(typeof(T), out var feature) ? (T)feature : default;
            public IEnumerator<KeyValuePair<Type, object>> GetEnumerator() => features.GetEnumerator();
            IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
        }

        private sealed class Definition : FunctionDefinition
        {
            public override ImmutableArray<FunctionParameter> Parameters => [];
            public override string PathToAssembly => typeof(FunctionsApp).Assembly.Location;
            public override string EntryPoint => "Pipeline.Functions.Http.ArticleFunctions.GetArticle";
            public override string Id { get; } = Guid.NewGuid().ToString();
            public override string Name => "GetArticle";
            public override IImmutableDictionary<string, BindingMetadata> InputBindings { get; } =
                ImmutableDictionary<string, BindingMetadata>.Empty.Add("request", new Binding());
            public override IImmutableDictionary<string, BindingMetadata> OutputBindings { get; } = ImmutableDictionary<string, BindingMetadata>.Empty;
        }

        private sealed class Binding : BindingMetadata
        {
            public override string Name => "request";
            public override string Type => "testTrigger";
            public override BindingDirection Direction => BindingDirection.In;
        }
    }
}

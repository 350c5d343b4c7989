using System.Diagnostics.CodeAnalysis;
using System.Text;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Pipeline.Tests.Infrastructure;

/// <summary>
/// The HTTP transport of a storage client that answers the requests <paramref name="fails"/> picks with a canned
/// storage error instead of sending them, and sends every other request to the real service: a refusal storage would
/// give, on demand, with everything else real.
/// </summary>
public sealed class FaultyTransport(Func<Request, bool> fails, int status, string errorCode, string reason) : HttpPipelineTransport
{
    private readonly HttpPipelineTransport real = HttpClientTransport.Shared;

    /// <summary>How many requests were answered with the error.</summary>
    public int Failed;

    public override Request CreateRequest() => real.CreateRequest();

    public override void Process(HttpMessage message) => ProcessAsync(message).AsTask().GetAwaiter().GetResult();

    public override async ValueTask ProcessAsync(HttpMessage message)
    {
        if (!fails(message.Request))
        {
            await real.ProcessAsync(message);
            return;
        }
        Interlocked.Increment(ref Failed);
        string body = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["odata.error"] = new { code = errorCode, message = new { lang = "en-US", value = reason } },
        });
        message.Response = new CannedResponse(status, errorCode, body, message.Request.ClientRequestId);
    }

    /// <summary>True for a table batch (<c>POST …/$batch</c>).</summary>
    public static bool IsBatch(Request request) =>
        request.Method == RequestMethod.Post && request.Uri.Path.EndsWith("$batch", StringComparison.Ordinal);

    private sealed class CannedResponse(int status, string errorCode, string body, string clientRequestId) : Response
    {
        private readonly Dictionary<string, string> headers = new(StringComparer.OrdinalIgnoreCase)
        {
            ["Content-Type"] = "application/json;odata=minimalmetadata",
            ["x-ms-error-code"] = errorCode,
        };

        public override int Status => status;

        public override string ReasonPhrase => "Canned";

        public override Stream? ContentStream { get; set; } = new MemoryStream(Encoding.UTF8.GetBytes(body));

        public override string ClientRequestId { get; set; } = clientRequestId;

        public override void Dispose() => ContentStream?.Dispose();

        protected override bool ContainsHeader(string name) => headers.ContainsKey(name);

        protected override IEnumerable<HttpHeader> EnumerateHeaders() => headers.Select(h => new HttpHeader(h.Key, h.Value));

        protected override bool TryGetHeader(string name, [NotNullWhen(true)] out string? value) => headers.TryGetValue(name, out value);

        protected override bool TryGetHeaderValues(string name, [NotNullWhen(true)] out IEnumerable<string>? values)
        {
            values = headers.TryGetValue(name, out var value) ? [value] : null;
            return values is not null;
        }
    }
}

using System.Reflection;
using System.Security.Cryptography;

namespace Pipeline.Functions.Browse;

/// <summary>One file of the browse page: its bytes, content type and entity tag.</summary>
public sealed record StaticFile(string Name, byte[] Content, string ContentType, string ETag);

/// <summary>
/// The browse page's files, embedded in this assembly (<c>Browse/wwwroot/**</c>, logical names
/// <c>browse/{path}</c>) so that the page deploys inside the Functions package with nothing else to copy.
/// </summary>
/// <remarks>
/// A request path is only ever a key into the set of embedded names: nothing is read from disk, so <c>..</c>,
/// backslashes or encoded separators can name no other file.
/// </remarks>
public static class StaticFiles
{
    /// <summary>The prefix of the embedded files' logical names (set in <c>Pipeline.Functions.csproj</c>).</summary>
    public const string ResourcePrefix = "browse/";

    /// <summary>What an empty path serves.</summary>
    public const string DefaultFile = "index.html";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".json"] = "application/json; charset=utf-8",
        [".svg"] = "image/svg+xml",
        [".png"] = "image/png",
        [".ico"] = "image/x-icon",
        [".txt"] = "text/plain; charset=utf-8",
    };

    private static readonly Lazy<IReadOnlyDictionary<string, StaticFile>> Files = new(() => Load(typeof(StaticFiles).Assembly));

    /// <summary>The names of every file served, relative to the page (<c>index.html</c>, <c>app.js</c>, …).</summary>
    public static IEnumerable<string> Names => Files.Value.Keys;

    /// <summary>Finds the file a route path names; an empty path is <see cref="DefaultFile"/>.</summary>
    public static bool TryGet(string? path, out StaticFile file)
    {
        string name = string.IsNullOrEmpty(path) ? DefaultFile : path;
        if (Files.Value.TryGetValue(name, out var found))
        {
            file = found;
            return true;
        }
        file = null!;
        return false;
    }

    /// <summary>The content type for a file name: known text types carry their charset; anything else is opaque bytes.</summary>
    public static string ContentTypeOf(string name) =>
        ContentTypes.TryGetValue(Path.GetExtension(name), out var type) ? type : "application/octet-stream";

    private static Dictionary<string, StaticFile> Load(Assembly assembly)
    {
        var files = new Dictionary<string, StaticFile>(StringComparer.Ordinal);
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            // MSBuild's %(RecursiveDir) uses the build machine's separator; the page always uses '/'.
            string logical = resource.Replace('\\', '/');
            if (!logical.StartsWith(ResourcePrefix, StringComparison.Ordinal))
            {
                continue;
            }
            using var stream = assembly.GetManifestResourceStream(resource)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            byte[] content = buffer.ToArray();
            string name = logical[ResourcePrefix.Length..];
            string etag = "\"" + Convert.ToHexStringLower(SHA256.HashData(content).AsSpan(0, 12)) + "\"";
            files[name] = new StaticFile(name, content, ContentTypeOf(name), etag);
        }
        return files;
    }
}

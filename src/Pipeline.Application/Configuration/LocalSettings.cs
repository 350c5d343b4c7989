using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace Pipeline.Configuration;

/// <summary>Reads <c>local.settings.json</c> the way <c>func start</c> does: <c>Values</c> become configuration.</summary>
public static class LocalSettings
{
    /// <summary>Where the run command keeps it: next to the Functions app, as <c>func start</c> expects.</summary>
    public const string DefaultPath = "src/Pipeline.Functions/local.settings.json";

    /// <summary>
    /// <see cref="DefaultPath"/> under <paramref name="directory"/> or the nearest folder above it that has one, so that a
    /// command typed in any folder of the repository reads the repository's settings; else <see cref="DefaultPath"/>
    /// under <paramref name="directory"/> (which does not exist, and adds nothing).
    /// </summary>
    public static string Find(string directory)
    {
        for (var folder = new DirectoryInfo(directory); folder is not null; folder = folder.Parent)
        {
            string candidate = Path.Combine(folder.FullName, DefaultPath);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        return Path.Combine(directory, DefaultPath);
    }

    public static IConfigurationBuilder AddLocalSettings(this IConfigurationBuilder builder, string path)
    {
        if (!File.Exists(path))
        {
            return builder;
        }
        using var document = JsonDocument.Parse(File.ReadAllText(path), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
        if (document.RootElement.TryGetProperty("Values", out var settings))
        {
            foreach (var setting in settings.EnumerateObject())
            {
                // As app settings: "Pipeline__MaxArticleBytes" is "Pipeline:MaxArticleBytes".
                values[setting.Name.Replace("__", ":", StringComparison.Ordinal)] =
                    setting.Value.ValueKind == JsonValueKind.String ? setting.Value.GetString() : setting.Value.GetRawText();
            }
        }
        if (document.RootElement.TryGetProperty("Host", out var host) && host.TryGetProperty("LocalHttpPort", out var port))
        {
            values["Host:LocalHttpPort"] = port.GetRawText();
        }
        return builder.AddInMemoryCollection(values);
    }
}

using Microsoft.Extensions.Configuration;
using Pipeline.Configuration;

namespace Pipeline.Tests.Configuration;

/// <summary>The command line reads the repository's <c>local.settings.json</c> from whatever folder of it it is typed in.</summary>
public sealed class LocalSettingsTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "pipeline-settings-" + Guid.NewGuid().ToString("N")[..8]);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Settings_are_found_from_a_subfolder_and_read_as_func_start_reads_them()
    {
        string file = Path.Combine(_root, LocalSettings.DefaultPath);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllText(file, """{ "Values": { "AzureWebJobsStorage": "from-the-file", "Pipeline__MaxArticleBytes": 10 } }""");
        string below = Path.Combine(_root, "seeds", "deeper");
        Directory.CreateDirectory(below);

        Assert.Equal(Path.GetFullPath(file), LocalSettings.Find(below));
        Assert.Equal(Path.GetFullPath(file), LocalSettings.Find(_root));
        var configuration = new ConfigurationBuilder().AddLocalSettings(LocalSettings.Find(below)).Build();
        Assert.Equal("from-the-file", configuration["AzureWebJobsStorage"]);
        Assert.Equal("10", configuration["Pipeline:MaxArticleBytes"]);
    }

    [Fact]
    public void Outside_a_repository_nothing_is_found_and_nothing_is_added()
    {
        Directory.CreateDirectory(_root);
        string path = LocalSettings.Find(_root);
        Assert.False(File.Exists(path));
        Assert.Empty(new ConfigurationBuilder().AddLocalSettings(path).Build().AsEnumerable());
    }
}

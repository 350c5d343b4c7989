using System.Globalization;
using System.Reflection;
using Pipeline.Evaluation.Hosting;
using Pipeline.Recovery;
using Pipeline.Storage;

namespace Pipeline.Tests.Configuration;

/// <summary>The README's configuration table keeps up with the settings: each one users can set is there, with its default.</summary>
public sealed class ReadmeSettingsTests
{
    public static TheoryData<string, object> Sections => new()
    {
        { PipelineOptions.Section, new PipelineOptions() },
        { RecoveryOptions.Section, new RecoveryOptions() },
    };

    [Theory]
    [MemberData(nameof(Sections))]
    public void Every_setting_of_a_section_is_in_the_readme_with_its_default(string section, object defaults)
    {
        var rows = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "README.md")).Where(line => line.StartsWith("| `", StringComparison.Ordinal)).ToList();
        foreach (var property in defaults.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            string setting = $"`{section}__{property.Name}`";
            string? row = rows.Find(line => line.Contains(setting, StringComparison.Ordinal));
            Assert.True(row is not null, $"README.md's configuration table has no row for {setting}.");
            if (property.GetValue(defaults) is IFormattable value)
            {
                Assert.Contains($"`{value.ToString(null, CultureInfo.InvariantCulture)}`", row, StringComparison.Ordinal);
            }
        }
    }
}

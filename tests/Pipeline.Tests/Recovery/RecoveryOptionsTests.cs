using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Pipeline.Recovery;

namespace Pipeline.Tests.Recovery;

/// <summary>The recovery settings live in their own section; the names they had under Pipeline are refused, with the new place.</summary>
public sealed class RecoveryOptionsTests
{
    private static RecoveryOptions Bind(params (string Key, string Value)[] settings)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
        using var services = new ServiceCollection().AddPipeline(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<RecoveryOptions>>().Value;
    }

    [Fact]
    public void Defaults_hold_without_settings()
    {
        var options = Bind();
        Assert.Equal(TimeSpan.FromMinutes(15), options.StuckAfter);
        Assert.Equal(TimeSpan.FromMinutes(1), options.UnseenAfter);
        Assert.Equal(TimeSpan.FromSeconds(30), options.MissedAfter);
        Assert.Equal(TimeSpan.FromSeconds(10), options.MissedCheckInterval);
        Assert.Equal(8, options.Parallelism);
        Assert.Equal(TimeSpan.FromSeconds(15), options.PoisonRecordDelay);
    }

    [Fact]
    public void The_recovery_section_is_bound()
    {
        var options = Bind(("Recovery:StuckAfter", "00:02:00"), ("Recovery:MissedCheckInterval", "00:00:03"));
        Assert.Equal(TimeSpan.FromMinutes(2), options.StuckAfter);
        Assert.Equal(TimeSpan.FromSeconds(3), options.MissedCheckInterval);
    }

    [Theory]
    [InlineData("StuckAfter")]
    [InlineData("UnseenAfter")]
    [InlineData("MissedAfter")]
    public void A_setting_under_its_former_section_is_refused_naming_the_new_one(string name)
    {
        var e = Assert.Throws<OptionsValidationException>(() => Bind(($"Pipeline:{name}", "00:05:00")));
        Assert.Contains($"Recovery:{name}", e.Message);
    }

    [Fact]
    public void Out_of_range_values_are_refused()
    {
        Assert.Throws<OptionsValidationException>(() => Bind(("Recovery:Parallelism", "0")));
    }
}

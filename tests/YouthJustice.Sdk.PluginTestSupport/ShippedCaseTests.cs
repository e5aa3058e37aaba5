using Xunit;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Hosting;

namespace YouthJustice.Sdk.PluginTestSupport;

/// <summary>
/// Runs every test case the plugins beside the tests ship (<see cref="IPluginRegistrar.AddTestCases"/>), one theory row
/// per case, with the host's <see cref="PluginTestRunner"/>. A plugin's test project derives one empty class from it:
/// <c>public sealed class ShippedCases : ShippedCaseTests;</c>.
/// </summary>
public abstract class ShippedCaseTests
{
    /// <summary>The cases, by name ("plugin: case").</summary>
    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var c in PluginHost.Registry.TestCases)
        {
            data.Add(c.ToString());
        }
        return data;
    }

    /// <summary>The case passes: its figures, eligibility decisions and validation findings are as the plugin expects.</summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void The_shipped_case_passes(string testCase)
    {
        var registry = PluginHost.Registry;

        var outcome = PluginTestRunner.Run(registry, registry.TestCases.Single(c => c.ToString() == testCase));

        Assert.True(outcome.Passed, outcome.ToString());
    }

    /// <summary>Every plugin beside the tests ships at least one case.</summary>
    [Fact]
    public void Every_plugin_ships_a_case() =>
        Assert.All(PluginHost.Registry.Composition.Plugins, p => Assert.Contains(PluginHost.Registry.TestCases, c => c.PluginId == p.Id));
}

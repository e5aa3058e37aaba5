using Xunit;
using YouthJustice.Sdk.Hosting;

namespace YouthJustice.Sdk.Testing;

/// <summary>
/// The xunit theory source of the cases the plugins beside the tests ship: one row per case, named "plugin: case", loaded
/// with the host's loader from <see cref="PluginHost.PluginsDirectory"/> (test-cases/*.case.json in each plugin's folder,
/// and any the plugin registers in code). Use it as <c>[Theory, MemberData(nameof(PluginCases.All), MemberType = typeof(PluginCases))]</c>
/// with <see cref="Run"/>, or derive a class from <see cref="ShippedCaseTests"/>.
/// </summary>
public static class PluginCases
{
    /// <summary>Every case, by name ("plugin: case").</summary>
    public static TheoryData<string> All()
    {
        var data = new TheoryData<string>();
        foreach (var c in PluginHost.Registry.TestCases)
        {
            data.Add(c.ToString());
        }
        return data;
    }

    /// <summary>Runs the case of that name as the host runs it (<see cref="PluginTestRunner"/>).</summary>
    /// <param name="name">"plugin: case", as <see cref="All"/> gives it.</param>
    /// <exception cref="ArgumentException">No loaded plugin ships a case of that name.</exception>
    public static PluginTestOutcome Run(string name)
    {
        var registry = PluginHost.Registry;
        var testCase = registry.TestCases.FirstOrDefault(c => c.ToString() == name)
            ?? throw new ArgumentException($"No loaded plugin ships a case named '{name}'.", nameof(name));
        return PluginTestRunner.Run(registry, testCase);
    }
}

/// <summary>
/// Runs every test case the plugins beside the tests ship, one theory row per case. A plugin's test project derives one
/// empty class from it: <c>public sealed class ShippedCases : ShippedCaseTests;</c>.
/// </summary>
public abstract class ShippedCaseTests
{
    /// <summary>The case passes: its figures, eligibility decisions and validation findings are as the plugin expects.</summary>
    /// <param name="testCase">"plugin: case".</param>
    [Theory]
    [MemberData(nameof(PluginCases.All), MemberType = typeof(PluginCases))]
    public void ShippedCasePasses(string testCase)
    {
        var outcome = PluginCases.Run(testCase);

        Assert.True(outcome.Passed, outcome.ToString());
    }

    /// <summary>Every plugin beside the tests loaded and ships at least one case.</summary>
    [Fact]
    public void EveryPluginShipsACase()
    {
        Assert.NotEmpty(PluginHost.Registry.Composition.Plugins);
        Assert.All(PluginHost.Registry.Composition.Plugins, p => Assert.Contains(PluginHost.Registry.TestCases, c => c.PluginId == p.Id));
    }
}

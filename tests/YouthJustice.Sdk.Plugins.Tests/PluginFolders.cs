using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Hosting;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Plugins.Tests;

/// <summary>Where the build put the plugins, and throwaway plugin folders mixing them with fixtures.</summary>
internal static class PluginFolders
{
    internal static string Real { get; } = Path.Combine(AppContext.BaseDirectory, "plugins");

    internal static string Fixtures { get; } = Path.Combine(AppContext.BaseDirectory, "fixture-plugins");

    /// <summary>The ids of the plugins the build put beside the tests (every plugin project under plugins/): found, not
    /// listed, so a new plugin needs no change here.</summary>
    internal static readonly string[] RealIds = [.. Directory.GetDirectories(Real).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    /// <summary>Loads a plugins folder and composes it with no host indicators, as a host would.</summary>
    internal static YouthJusticeComposition Compose(string folder, PluginFailurePolicy policy) =>
        YouthJusticeComposition.Compose(PluginCatalog.LoadFrom(folder, PluginFailurePolicy.ContinueWithoutFaultyPlugins), [], policy);

    // One folder per test run, removed when the run ends (Linux lets loaded assemblies' files be deleted; elsewhere the
    // attempt is harmless and the temp folder is the OS's to clear).
    private static readonly string RunRoot = CreateRunRoot();

    private static string CreateRunRoot()
    {
        var root = Path.Combine(Path.GetTempPath(), "yj-plugin-tests", Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Directory.Delete(root, recursive: true);
            }
            catch (IOException)
            {
            }
            catch (UnauthorizedAccessException)
            {
            }
        };
        return root;
    }

    /// <summary>A new plugins folder holding the real plugins and the named fixture plugins.</summary>
    internal static string With(params string[] fixtureIds)
    {
        var root = Path.Combine(RunRoot, Guid.NewGuid().ToString("N"));
        foreach (var id in RealIds)
        {
            Copy(Path.Combine(Real, id), Path.Combine(root, id));
        }
        foreach (var id in fixtureIds)
        {
            Copy(Path.Combine(Fixtures, id), Path.Combine(root, id));
        }
        return root;
    }

    private static void Copy(string from, string to)
    {
        Assert.True(Directory.Exists(from), $"The build should have put a plugin folder at {from}.");
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        }
    }
}

/// <summary>The real plugins loaded once from the build output, shared by the tests that only read.</summary>
internal static class LoadedPlugins
{
    private static readonly Lazy<PluginCatalog> LazyCatalog = new(() => PluginCatalog.LoadFrom(PluginFolders.Real));
    private static readonly Lazy<YouthJusticeRegistry> LazyRegistry = new(() => new YouthJusticeRegistry(Catalog, []));

    internal static PluginCatalog Catalog => LazyCatalog.Value;

    internal static YouthJusticeRegistry Registry => LazyRegistry.Value;
}

/// <summary>A stand-in for a national indicator: children aged at least <c>minimumAge</c> at the end of the period.</summary>
internal sealed class ChildrenAgedIndicator(IndicatorDefinition? definition = null) : IOverridableIndicator
{
    public IndicatorDefinition Definition { get; } = definition ?? new IndicatorDefinition
    {
        Id = "test.children-aged",
        Name = "Children aged at least the minimum age",
        Unit = "children",
        Source = SourceCitation.ProjectDecision("Test national methodology", "A stand-in the composition tests override."),
        Parameters = System.Collections.Immutable.ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal,
            [KeyValuePair.Create("minimumAge", "10")]),
    };

    public IIndicator WithDefinition(IndicatorDefinition definition) => new ChildrenAgedIndicator(definition);

    public IReadOnlyList<IndicatorResult> Compute(IndicatorContext context, IndicatorQuery query)
    {
        var minimum = Definition.GetInt("minimumAge");
        return [.. query.Periods.Select(p =>
        {
            var n = context.Dataset.Children.Count(c => c.AgeOn(p.End) >= minimum);
            return new IndicatorResult { Methodology = Definition.Ref, AreaCode = "E92000001", Period = p, Numerator = n, Value = n, Unit = Definition.Unit };
        })];
    }
}

internal static class Data
{
    internal static LocalDate D(int y, int m, int d) => new(y, m, d);

    internal static Child Child(string id, LocalDate? born = null, CareStatus care = CareStatus.None, string area = "E10000031") =>
        new(id, born ?? D(2006, 1, 1), Sex.Female, EthnicityCategory.WhiteBritish, area, care);

    /// <summary>The input of the first test case a plugin ships (a small, realistic dataset for that plugin).</summary>
    internal static Dataset ShippedInput(string pluginId) => LoadedPlugins.Registry.TestCases.First(c => c.PluginId == pluginId).Case.Input;

    internal static IndicatorQuery Year(int startYear) => IndicatorQuery.For(ReportingPeriod.FinancialYear(startYear));
}

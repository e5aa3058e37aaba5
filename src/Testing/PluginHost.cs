using NodaTime;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Hosting;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Testing;

/// <summary>
/// The plugins the build put beside the test assembly (<c>$(OutDir)plugins/&lt;id&gt;/</c>, through
/// <c>plugins/Plugins.targets</c>), loaded from disk with the real loader and composed as a host composes them.
/// </summary>
public static class PluginHost
{
    /// <summary>Where the build put the plugins.</summary>
    public static string PluginsDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "plugins");

    private static readonly Lazy<YouthJusticeRegistry> LazyRegistry = new(() =>
        new YouthJusticeRegistry(PluginCatalog.LoadFrom(PluginsDirectory), []));

    /// <summary>The registry over the plugins beside the tests, composed once (fail-fast: a faulty plugin fails the tests).</summary>
    public static YouthJusticeRegistry Registry => LazyRegistry.Value;

    /// <summary>A programme the plugins registered, by code or alias.</summary>
    /// <exception cref="InvalidOperationException">No loaded plugin registered it.</exception>
    public static ProgrammeKind Programme(string code) =>
        Registry.Vocabulary.TryGetProgramme(code, out var p) ? p : throw new InvalidOperationException($"No loaded plugin registered programme '{code}'.");

    /// <summary>The input of the first test case the plugin ships (a small, realistic dataset for that plugin).</summary>
    public static Dataset ShippedInput(string pluginId) => Registry.TestCases.First(c => c.PluginId == pluginId).Case.Input;
}

/// <summary>Small builders for hand-made datasets.</summary>
public static class Data
{
    /// <summary>A date.</summary>
    public static LocalDate D(int y, int m, int d) => new(y, m, d);

    /// <summary>A White British girl born on 1 January 2006 (unless told otherwise) living in <paramref name="area"/>.</summary>
    public static Child Child(string id, LocalDate? born = null, CareStatus care = CareStatus.None, string area = "E10000031") =>
        new(id, born ?? D(2006, 1, 1), Sex.Female, EthnicityCategory.WhiteBritish, area, care);

    /// <summary>A query for one financial year with no breakdowns.</summary>
    public static IndicatorQuery Year(int startYear) => IndicatorQuery.For(ReportingPeriod.FinancialYear(startYear));
}

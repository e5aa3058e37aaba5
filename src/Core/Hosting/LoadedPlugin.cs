using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Hosting;

/// <summary>A plugin that registered cleanly, with everything it registered.</summary>
/// <remarks>Immutable once created; thread-safe for reading.</remarks>
public sealed class LoadedPlugin
{
    internal LoadedPlugin(PluginManifest manifest, string? directory, Type entryType, RecordingRegistrar registrar)
    {
        Manifest = manifest;
        Directory = directory;
        EntryType = entryType;
        Programmes = [.. registrar.Programmes];
        Pathways = [.. registrar.Pathways];
        OutcomeTypes = [.. registrar.OutcomeTypes];
        EligibilityRules = [.. registrar.EligibilityRules];
        Indicators = [.. registrar.Indicators];
        ValidationRules = [.. registrar.ValidationRules];
        ReportSections = [.. registrar.ReportSections];
        Overrides = [.. registrar.Overrides];
        TestCases = [.. registrar.TestCases];
        Services = [.. registrar.Services];
    }

    /// <summary>The manifest.</summary>
    public PluginManifest Manifest { get; }

    /// <summary>The plugin's id.</summary>
    public string Id => Manifest.Id;

    /// <summary>The folder it was loaded from, or <see langword="null"/> for a plugin added in process.</summary>
    public string? Directory { get; }

    /// <summary>The entry point's type (from the plugin's own load context when loaded from disk).</summary>
    public Type EntryType { get; }

    /// <summary>Programmes added.</summary>
    public ImmutableArray<ProgrammeKind> Programmes { get; }

    /// <summary>Pathways of the programmes added.</summary>
    public ImmutableArray<ProgrammePathway> Pathways { get; }

    /// <summary>Local outcome types added.</summary>
    public ImmutableArray<OutcomeType> OutcomeTypes { get; }

    /// <summary>Eligibility rules added.</summary>
    public ImmutableArray<IEligibilityRule> EligibilityRules { get; }

    /// <summary>Indicators added.</summary>
    public ImmutableArray<IIndicator> Indicators { get; }

    /// <summary>Validation rules added.</summary>
    public ImmutableArray<IValidationRule> ValidationRules { get; }

    /// <summary>Report sections added.</summary>
    public ImmutableArray<IReportSection> ReportSections { get; }

    /// <summary>Overrides declared.</summary>
    public ImmutableArray<DefinitionOverride> Overrides { get; }

    /// <summary>Test cases shipped.</summary>
    public ImmutableArray<IPluginTestCases> TestCases { get; }

    /// <summary>Services the plugin registered: its components get them through their context's services (a provider of the plugin's own, with the host's behind it); they never join the host's container.</summary>
    public ImmutableArray<ServiceDescriptor> Services { get; }

    /// <summary>What the plugin added, by id.</summary>
    public PluginContributions Contributions => new(
        [.. Indicators.Select(i => i.Definition.Id)],
        [.. Programmes.Select(p => p.Code)],
        [.. Pathways.Select(p => p.ProgrammeCode)],
        [.. OutcomeTypes.Select(o => o.Code)],
        [.. EligibilityRules.Select(r => r.Id)],
        [.. ValidationRules.Select(r => r.Id)],
        [.. ReportSections.Select(s => s.Id)],
        [.. Overrides.Select(o => $"{o.Name} → {o.IndicatorId}")],
        TestCases.Sum(t => t.Cases.Count),
        Services.Length);

    /// <summary>The report entry for this plugin.</summary>
    public LoadedPluginInfo Info => new(Manifest, Directory, Contributions);
}

/// <summary>Records what a plugin registers, so nothing reaches the host until every check has passed.</summary>
internal sealed class RecordingRegistrar : IPluginRegistrar
{
    internal RecordingRegistrar(PluginManifest manifest, ImmutableSortedDictionary<string, string> settings)
    {
        Manifest = manifest;
        Settings = settings;
    }

    public PluginManifest Manifest { get; }
    public ImmutableSortedDictionary<string, string> Settings { get; }

    // A staging collection: a plugin that throws half-way through Register must leave nothing behind.
    public IServiceCollection Services { get; } = new ServiceCollection();

    internal List<ProgrammeKind> Programmes { get; } = [];
    internal List<ProgrammePathway> Pathways { get; } = [];
    internal List<OutcomeType> OutcomeTypes { get; } = [];
    internal List<IEligibilityRule> EligibilityRules { get; } = [];
    internal List<IIndicator> Indicators { get; } = [];
    internal List<IValidationRule> ValidationRules { get; } = [];
    internal List<IReportSection> ReportSections { get; } = [];
    internal List<DefinitionOverride> Overrides { get; } = [];
    internal List<IPluginTestCases> TestCases { get; } = [];

    // Test cases alone are not an addition: a plugin that ships only tests adds nothing to a host.
    internal int AdditionCount =>
        Programmes.Count + OutcomeTypes.Count + EligibilityRules.Count + Indicators.Count + ValidationRules.Count
        + ReportSections.Count + Overrides.Count + Services.Count;

    public void AddProgramme(ProgrammeKind programme, ProgrammePathway? pathway = null)
    {
        ArgumentNullException.ThrowIfNull(programme);
        Programmes.Add(programme);
        if (pathway is not null)
        {
            Pathways.Add(pathway);
        }
    }

    public void AddOutcomeType(OutcomeType outcomeType) => OutcomeTypes.Add(outcomeType ?? throw new ArgumentNullException(nameof(outcomeType)));

    public void AddEligibilityRule(IEligibilityRule rule) => EligibilityRules.Add(rule ?? throw new ArgumentNullException(nameof(rule)));

    public void AddIndicator(IIndicator indicator) => Indicators.Add(indicator ?? throw new ArgumentNullException(nameof(indicator)));

    public void AddValidationRule(IValidationRule rule) => ValidationRules.Add(rule ?? throw new ArgumentNullException(nameof(rule)));

    public void AddReportSection(IReportSection section) => ReportSections.Add(section ?? throw new ArgumentNullException(nameof(section)));

    public void DeclareOverride(DefinitionOverride definitionOverride) => Overrides.Add(definitionOverride ?? throw new ArgumentNullException(nameof(definitionOverride)));

    public void AddTestCases(IPluginTestCases testCases) => TestCases.Add(testCases ?? throw new ArgumentNullException(nameof(testCases)));
}

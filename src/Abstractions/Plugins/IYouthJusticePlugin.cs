using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;

namespace YouthJustice.Sdk.Plugins;

/// <summary>
/// A plugin's entry point. The host creates it with its public parameterless constructor and calls
/// <see cref="Register"/> once, when it composes the SDK (the first time its composition is resolved).
/// </summary>
/// <remarks>
/// <para>A plugin only <em>adds</em>: programmes, outcome types, eligibility rules, indicators, validation rules, report
/// sections, services and test cases. Changing a national definition is possible only as a
/// <see cref="DefinitionOverride"/> declared through <see cref="IPluginRegistrar.DeclareOverride"/>.</para>
/// <para>A plugin that registers nothing is an error, and so is one whose <see cref="Register"/> throws: the host reports
/// either by the plugin's id.</para>
/// </remarks>
public interface IYouthJusticePlugin
{
    /// <summary>Registers what the plugin adds.</summary>
    /// <param name="registrar">Where to register it.</param>
    void Register(IPluginRegistrar registrar);
}

/// <summary>What a plugin registers its additions through. Given to <see cref="IYouthJusticePlugin.Register"/>.</summary>
/// <remarks>The registrar records; the host checks everything (ids, duplicates) after <see cref="IYouthJusticePlugin.Register"/>
/// returns and reports problems by the plugin's id. Not thread-safe: call it only from <c>Register</c>.</remarks>
public interface IPluginRegistrar
{
    /// <summary>The plugin's manifest.</summary>
    PluginManifest Manifest { get; }

    /// <summary>The plugin's settings: the manifest's <c>settings</c> with any the host supplied laid over them.</summary>
    ImmutableSortedDictionary<string, string> Settings { get; }

    /// <summary>Services the plugin's own components use (through their context's services, with the host's behind them); never added to the host's container.</summary>
    IServiceCollection Services { get; }

    /// <summary>Adds a programme kind to the vocabulary, optionally with its pathway.</summary>
    /// <param name="programme">The programme; its code and aliases must not already be in use.</param>
    /// <param name="pathway">The states and transitions episodes of the programme follow, if any.</param>
    void AddProgramme(ProgrammeKind programme, ProgrammePathway? pathway = null);

    /// <summary>Adds a local outcome type to the vocabulary. Its code must not already be in use.</summary>
    void AddOutcomeType(OutcomeType outcomeType);

    /// <summary>Adds an eligibility rule. Its id must start with the plugin id and a dot.</summary>
    void AddEligibilityRule(IEligibilityRule rule);

    /// <summary>Adds an indicator. Its definition's id must start with the plugin id and a dot.</summary>
    void AddIndicator(IIndicator indicator);

    /// <summary>Adds a validation rule for the plugin's own data. Its id must start with the plugin id and a dot.</summary>
    void AddValidationRule(IValidationRule rule);

    /// <summary>Adds a report section. Its id must start with the plugin id and a dot.</summary>
    void AddReportSection(IReportSection section);

    /// <summary>Declares a named override of another indicator's definition (normally a national one).</summary>
    void DeclareOverride(DefinitionOverride definitionOverride);

    /// <summary>Adds test cases the host's test suite runs (input data and the expected results).</summary>
    void AddTestCases(IPluginTestCases testCases);
}

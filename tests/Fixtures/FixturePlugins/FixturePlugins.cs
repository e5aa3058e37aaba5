using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Plugins;

namespace YouthJustice.Fixtures.Plugins;

/// <summary>A small count indicator the fixtures register: children in the dataset.</summary>
public sealed class ChildCountIndicator(string id, bool throws = false) : IIndicator
{
    public IndicatorDefinition Definition { get; } = new()
    {
        Id = id,
        Name = "Children in the dataset",
        Unit = "children",
        Source = SourceCitation.ProjectDecision("Test fixture", "A fixture indicator for the loading tests."),
    };

    public IReadOnlyList<IndicatorResult> Compute(IndicatorContext context, IndicatorQuery query)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(query);
        if (throws)
        {
            throw new InvalidOperationException("The fixture indicator fails on purpose.");
        }
        return [.. query.Periods.Select(p => new IndicatorResult
        {
            Methodology = Definition.Ref,
            AreaCode = "E92000001",
            Period = p,
            Numerator = context.Dataset.Children.Count,
            Value = context.Dataset.Children.Count,
            Unit = Definition.Unit,
        })];
    }
}

public sealed class RegistersNothingPlugin : IYouthJusticePlugin
{
    public void Register(IPluginRegistrar registrar)
    {
        // Deliberately empty: the host must treat a plugin that adds nothing as an error.
    }
}

public sealed class ThrowsWhileRegisteringPlugin : IYouthJusticePlugin
{
    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.AddIndicator(new ChildCountIndicator("throws-registering.count"));
        throw new InvalidOperationException("Missing configuration file 'throws-registering.json'.");
    }
}

public sealed class ThrowsWhileComputingPlugin : IYouthJusticePlugin
{
    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.AddIndicator(new ChildCountIndicator("throws-computing.works"));
        registrar.AddIndicator(new ChildCountIndicator("throws-computing.broken", throws: true));
    }
}

public sealed class DuplicateIndicatorPlugin : IYouthJusticePlugin
{
    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.AddIndicator(new ChildCountIndicator("duplicate-indicator.count"));
        registrar.AddIndicator(new ChildCountIndicator("duplicate-indicator.count"));
    }
}

public sealed class DuplicateProgrammePlugin : IYouthJusticePlugin
{
    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        // DIVERSION is a national programme code: a plugin may not redefine it.
        registrar.AddProgramme(new ProgrammeKind("DIVERSION", "Our diversion", isLocal: true));
        registrar.AddIndicator(new ChildCountIndicator("duplicate-programme.count"));
    }
}

public sealed class IncompatibleVersionPlugin : IYouthJusticePlugin
{
    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.AddIndicator(new ChildCountIndicator("incompatible-version.count"));
    }
}

/// <summary>Declares a named override of the host's <c>test.children-aged</c> indicator: a local minimum age of 12.</summary>
public sealed class LocalOverridePlugin : IYouthJusticePlugin
{
    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        registrar.DeclareOverride(DefinitionOverride.SetParameter(
            "local-minimum-age-12",
            "test.children-aged",
            "Counts children from age 12, as the local board asked.",
            "minimumAge", "12"));
    }
}

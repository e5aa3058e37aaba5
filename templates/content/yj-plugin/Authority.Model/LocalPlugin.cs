using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Plugins;

namespace Authority.Model;

/// <summary>The plugin's entry point: the host finds this class, calls <see cref="Register"/> once, and uses what it adds.</summary>
public sealed class LocalPlugin : IYouthJusticePlugin
{
    /// <summary>The plugin's id (as in plugin.json): every indicator and rule id starts with it.</summary>
    public const string Id = "authority-model";

    /// <summary>The programme the sample indicator and rule look at: the national early intervention kind. A local
    /// programme of your own is added with <c>registrar.AddProgramme</c>.</summary>
    public static ProgrammeKind Programme => ProgrammeKinds.EarlyIntervention;

    /// <inheritdoc />
    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        var authority = registrar.Manifest.AuthorityCode;
        registrar.AddIndicator(new EngagedIndicator(PluginDefinitions.Get<LocalPlugin>(Id + ".engaged"), authority));
        registrar.AddValidationRule(new ReferralRouteRule());
    }
}

/// <summary>The sample indicator: of the episodes referred in the period, the share whose child engaged. Its methodology
/// (name, unit, programmes counted, citation) is in Definitions/authority-model.engaged.indicator.json.</summary>
internal sealed class EngagedIndicator(IndicatorDefinition definition, string authority) : AuthorityIndicator(definition, authority)
{
    protected override IEnumerable<IndicatorResult> ComputePeriod(IndicatorContext context, IndicatorQuery query, ReportingPeriod period, DatasetIndex index)
    {
        var referred = index.EpisodesOfProgrammes(Programmes).Where(e => period.Contains(e.ReferralDate)).ToList();
        var engaged = referred.Where(e => e.Engagement == Engagement.Engaged).ToList();
        yield return Proportion(query, period, BreakdownKey.Total, [.. engaged.Select(e => e.Id)], [.. referred.Select(e => e.Id)], "episode");
    }
}

/// <summary>The sample validation rule: every episode of the programme names the route it was referred by.</summary>
internal sealed class ReferralRouteRule : IValidationRule
{
    public string Id => LocalPlugin.Id + ".referral-route";

    public string Description => "Every early intervention episode names its referral route.";

    public IEnumerable<ValidationFinding> Validate(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        return dataset.Episodes
            .Where(e => e.Programme == LocalPlugin.Programme && string.IsNullOrWhiteSpace(e.Route))
            .Select(e => new ValidationFinding(Id, RecordKinds.Episode, e.Id, "Route", $"Episode '{e.Id}' has no referral route."));
    }
}

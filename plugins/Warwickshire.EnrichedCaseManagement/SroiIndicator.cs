using System.Collections.Immutable;
using System.Globalization;
using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;

namespace YouthJustice.Plugins.Warwickshire;

/// <summary>
/// A social return on investment calculator: avoided cost of crime over the service's cost (Warwickshire reports £12.85
/// per £1, without its inputs: Warwickshire Youth Justice Service Strategic Plan 2018/19, Cabinet report paragraph 1.3 and
/// section 1(ii), Financial resources). Avoided crime is each enrolled child's offences in the 12 months before
/// referral less those in the 12 months after, by offence group; each group is costed at a unit cost the authority
/// supplies with its citation (settings <c>sroi.unitCost.&lt;OffenceGroup&gt;</c>, <c>sroi.unitCostSource</c>,
/// <c>sroi.serviceCost</c>). Money is <see cref="decimal"/> throughout.
/// </summary>
internal sealed class SroiIndicator(IndicatorDefinition definition, string authority) : AuthorityIndicator(definition, authority)
{
    /// <summary>The SROI definition file with the plugin's <c>sroi.*</c> settings applied as parameter values.</summary>
    internal static IndicatorDefinition DefinitionFrom(IReadOnlyDictionary<string, string> settings, Func<IndicatorDefinition, IndicatorDefinition> configure)
    {
        var definition = configure(PluginDefinitions.Get<WarwickshirePlugin>(EcmIds.Sroi));
        // Money settings are read here, so a malformed one stops registration with an error naming the setting.
        var serviceCost = settings.GetSetting("sroi.serviceCost", "").Length == 0 ? "" : Money(settings, "sroi.serviceCost");
        definition = definition.WithSetting(WarwickshirePlugin.Id, "sroi.serviceCost", "serviceCost", serviceCost);
        definition = definition.WithSetting(WarwickshirePlugin.Id, "sroi.unitCostSource", "unitCostSource", settings.GetSetting("sroi.unitCostSource", ""));
        foreach (var group in Enum.GetValues<OffenceGroup>())
        {
            var name = "sroi.unitCost." + group;
            if (settings.GetSetting(name, "").Length > 0)
            {
                definition = definition.WithSetting(WarwickshirePlugin.Id, name, UnitCostParameter(group), Money(settings, name));
            }
        }
        return definition;
    }

    private static string Money(IReadOnlyDictionary<string, string> settings, string name)
    {
        var value = settings.GetDecimalSetting(name, 0m);
        return value >= 0m ? value.ToString(CultureInfo.InvariantCulture) : throw new PluginSettingException(name, settings.GetSetting(name, ""), "an amount of 0 or more");
    }

    /// <summary>The parameter holding an offence group's unit cost, e.g. <c>unitCostRobbery</c> (empty when not supplied).</summary>
    internal static string UnitCostParameter(OffenceGroup group) => "unitCost" + group;

    protected override IEnumerable<IndicatorResult> ComputePeriod(IndicatorContext context, IndicatorQuery query, ReportingPeriod period, DatasetIndex index)
    {
        var months = Definition.GetInt("windowMonths");
        var asOf = context.AsOf;
        var serviceText = Definition.GetString("serviceCost");
        var serviceCost = serviceText.Length == 0 ? 0m : decimal.Parse(serviceText, NumberStyles.Number, CultureInfo.InvariantCulture);
        var unitCosts = Enum.GetValues<OffenceGroup>()
            .Where(g => Definition.HasParameter(UnitCostParameter(g)) && Definition.GetString(UnitCostParameter(g)).Length > 0)
            .ToDictionary(g => g, g => Definition.GetDecimal(UnitCostParameter(g)));
        var cohort = index.Dataset.Episodes.Where(e => EcmIds.IsEcm(e, Programmes) && period.Contains(e.ReferralDate) && e.ReferralDate <= asOf)
            .GroupBy(e => e.ChildId, StringComparer.Ordinal).Select(g => (Child: g.Key, Referral: g.Min(e => e.ReferralDate))).ToList();

        var avoided = new Dictionary<OffenceGroup, int>();
        foreach (var (child, referral) in cohort)
        {
            foreach (var o in index.OffencesCommittedBetween(child, referral.PlusMonths(-months), referral))
            {
                avoided[o.Group] = avoided.GetValueOrDefault(o.Group) + 1;
            }
            var end = FollowUp.End(referral, months);
            foreach (var o in index.OffencesCommittedBetween(child, referral, end < asOf ? end : asOf))
            {
                avoided[o.Group] = avoided.GetValueOrDefault(o.Group) - 1;
            }
        }
        var avoidedCost = avoided.Sum(a => a.Value * unitCosts.GetValueOrDefault(a.Key));
        var uncosted = avoided.Where(a => a.Value != 0 && !unitCosts.ContainsKey(a.Key)).Select(a => a.Key.ToString()).ToList();
        var notes = new List<string>();
        if (unitCosts.Count == 0 || serviceCost <= 0)
        {
            notes.Add("Supply unit costs (sroi.unitCost.<OffenceGroup>) with their source (sroi.unitCostSource) and the service cost (sroi.serviceCost) to compute a ratio.");
        }
        if (uncosted.Count > 0)
        {
            notes.Add("No unit cost for " + string.Join(", ", uncosted) + ": counted at £0.");
        }
        var source = Definition.GetString("unitCostSource");
        if (source.Length > 0)
        {
            notes.Add("Unit costs: " + source + ".");
        }
        notes.Add("Avoided offences by group: " + string.Join(", ", avoided.OrderBy(a => a.Key).Select(a => string.Create(CultureInfo.InvariantCulture, $"{a.Key} {a.Value}"))) + ".");
        var open = cohort.Any(c => FollowUp.IsOpen(c.Referral, months, asOf));
        yield return new IndicatorResult
        {
            Methodology = Definition.Ref,
            AreaCode = AuthorityCode,
            Period = period,
            Numerator = avoidedCost,
            Denominator = serviceCost,
            Multiplier = 1m,
            Value = serviceCost > 0 && unitCosts.Count > 0 ? avoidedCost / serviceCost : null,
            Unit = Definition.Unit,
            Provisional = open,
            Note = string.Join(" ", notes),
            Evidence = query.CollectEvidence ? new ResultEvidence([.. cohort.Select(c => c.Child).Order(StringComparer.Ordinal)], [], "child", "service-cost") : null,
        };
    }
}

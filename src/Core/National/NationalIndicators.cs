using System.Collections.Immutable;
using System.Globalization;
using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.Indicators;

namespace YouthJustice.Sdk.National;

/// <summary>The ids of the national indicators.</summary>
public static class NationalIndicatorIds
{
    /// <summary>First time entrants: count.</summary>
    public const string FteCount = "fte-count";
    /// <summary>First time entrants per 100,000 of the 10-17 population.</summary>
    public const string FteRate = "fte-rate";
    /// <summary>Proven reoffending (MoJ): binary rate, %.</summary>
    public const string ReoffendingBinary = "reoffending-binary";
    /// <summary>Proven reoffending (MoJ): reoffences per cohort member.</summary>
    public const string ReoffendingFrequency = "reoffending-frequency";
    /// <summary>Proven reoffending (MoJ): reoffences per reoffender.</summary>
    public const string ReoffendingPerReoffender = "reoffending-per-reoffender";
    /// <summary>Live reoffending tracker: binary rate, %.</summary>
    public const string TrackerBinary = "tracker-binary";
    /// <summary>Live reoffending tracker: reoffences per cohort member.</summary>
    public const string TrackerFrequency = "tracker-frequency";
    /// <summary>Live reoffending tracker: reoffences per reoffender.</summary>
    public const string TrackerPerReoffender = "tracker-per-reoffender";
    /// <summary>Custodial sentences: count.</summary>
    public const string CustodyCount = "custody-count";
    /// <summary>Custodial sentences per 1,000 of the 10-17 population.</summary>
    public const string CustodyRate = "custody-rate";
    /// <summary>Remand episodes: count.</summary>
    public const string RemandEpisodes = "remand-episodes";
    /// <summary>Remand episodes per 1,000 of the 10-17 population.</summary>
    public const string RemandEpisodesRate = "remand-episodes-rate";
    /// <summary>Distinct children remanded: count.</summary>
    public const string RemandChildren = "remand-children";
    /// <summary>Distinct children remanded per 1,000 of the 10-17 population.</summary>
    public const string RemandChildrenRate = "remand-children-rate";
    /// <summary>Outcomes by type: shares, %.</summary>
    public const string OutcomeProfile = "outcome-profile";
    /// <summary>Proven offences by group and gravity: shares, %.</summary>
    public const string OffenceProfile = "offence-profile";
    /// <summary>Court outcomes as a share of court and out-of-court outcomes, %.</summary>
    public const string CourtShare = "court-share";

    /// <summary>The relative rate index id for a stage, e.g. <c>disproportionality-rri-custody</c>.</summary>
    public static string RelativeRateIndex(DisproportionalityStage stage) => "disproportionality-rri-" + Kebab(stage);

    /// <summary>The percentage-point gap id for a stage, e.g. <c>disproportionality-gap-court</c>.</summary>
    public static string PercentagePointGap(DisproportionalityStage stage) => "disproportionality-gap-" + Kebab(stage);

    private static string Kebab(DisproportionalityStage stage) => stage switch
    {
        DisproportionalityStage.AllOutcomes => "all-outcomes",
        DisproportionalityStage.OutOfCourt => "out-of-court",
        DisproportionalityStage.Court => "court",
        DisproportionalityStage.Custody => "custody",
        _ => "breach",
    };
}

/// <summary>
/// The national indicator catalogue: every built-in definition (methodology as data, read from the embedded definition
/// files <c>Indicators/National/Definitions/*.indicator.json</c>, each with its version, family, dates and sources),
/// a factory that makes the indicator applying any definition (national or revised), and helpers to run them all.
/// </summary>
/// <remarks>
/// <para>Revise a methodology with <see cref="IndicatorDefinition.WithParameter"/> (or a declared override) and pass the
/// result to <see cref="Create"/>: the indicator computes with the new parameters, its results carry the changed
/// definition's <see cref="MethodologyRef"/> (same version, with the variant naming the change), and each
/// result's <see cref="IndicatorResult.AppliedOverrides"/> lists the parameters that differ from the national definition.</para>
/// <para>All members are thread-safe.</para>
/// </remarks>
public static class NationalIndicators
{
    /// <summary>Youth cautions, youth conditional cautions and every court disposal: the statutory (substantive) outcome codes,
    /// as the built-in definition files give them (a test checks they agree; the calculators read the files).</summary>
    public const string StatutoryOutcomeCodes = "YC,YCC,ABSDIS,CONDIS,FINE,RO,YRO,YROISS,DTO,S250,S259";

    /// <summary>Custodial sentence codes, as the built-in definition files give them.</summary>
    public const string CustodialOutcomeCodes = "DTO,S250,S259";

    private static readonly Lazy<ImmutableArray<IndicatorDefinition>> AllDefinitions = new(Build);

    private static readonly Lazy<ImmutableDictionary<string, IndicatorDefinition>> ById =
        new(() => AllDefinitions.Value.ToImmutableDictionary(d => d.Id, StringComparer.Ordinal));

    /// <summary>Every built-in national definition, in catalogue order.</summary>
    public static IReadOnlyList<IndicatorDefinition> Definitions => AllDefinitions.Value;

    /// <summary>The FTE rate definition.</summary>
    public static IndicatorDefinition FirstTimeEntrantsRate => Get(NationalIndicatorIds.FteRate);

    /// <summary>The MoJ binary reoffending rate definition.</summary>
    public static IndicatorDefinition ReoffendingBinary => Get(NationalIndicatorIds.ReoffendingBinary);

    /// <summary>The live tracker binary rate definition.</summary>
    public static IndicatorDefinition TrackerBinary => Get(NationalIndicatorIds.TrackerBinary);

    /// <summary>The custody rate definition.</summary>
    public static IndicatorDefinition CustodyRate => Get(NationalIndicatorIds.CustodyRate);

    /// <summary>The outcome profile definition.</summary>
    public static IndicatorDefinition OutcomeProfile => Get(NationalIndicatorIds.OutcomeProfile);

    /// <summary>The built-in definition with the id.</summary>
    /// <exception cref="KeyNotFoundException">No national definition has the id.</exception>
    public static IndicatorDefinition Get(string id) =>
        TryGet(id, out var d) ? d : throw new KeyNotFoundException($"No national indicator has the id '{id}'.");

    /// <summary>Finds the built-in definition with the id.</summary>
    public static bool TryGet(string? id, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out IndicatorDefinition? definition)
    {
        definition = null;
        return id is not null && ById.Value.TryGetValue(id, out definition);
    }

    /// <summary>Makes the indicator that applies <paramref name="definition"/> (national or revised), chosen by its
    /// <see cref="NationalParameters.Calculation"/> parameter.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    /// <exception cref="KeyNotFoundException">The definition has no calculation parameter.</exception>
    /// <exception cref="ArgumentException">The calculation is not a national one.</exception>
    public static NationalIndicator Create(IndicatorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return definition.GetString(NationalParameters.Calculation) switch
        {
            "fte" => new FirstTimeEntrantsIndicator(definition),
            "moj-reoffending" => new ProvenReoffendingIndicator(definition),
            "live-tracker" => new LiveReoffendingTrackerIndicator(definition),
            "custody" => new CustodyIndicator(definition),
            "profile" => new ProfileIndicator(definition),
            "disproportionality" => new DisproportionalityIndicator(definition),
            var other => throw new ArgumentException($"'{other}' is not a national calculation.", nameof(definition)),
        };
    }

    /// <summary>Every national indicator, built from <see cref="Definitions"/>, in catalogue order.</summary>
    public static IReadOnlyList<IIndicator> CreateAll() => [.. Definitions.Select(Create)];

    /// <summary>Runs every indicator in <paramref name="indicators"/> (by default every national one) over the query, with
    /// comparators and RAG ratings applied as a <see cref="Hosting.IYouthJusticeRegistry"/> applies them (it runs them).</summary>
    /// <returns>The results, indicator by indicator in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> or <paramref name="query"/> is null.</exception>
    /// <exception cref="Hosting.PluginFailureException">An indicator threw.</exception>
    public static IReadOnlyList<IndicatorResult> ComputeAll(IndicatorContext context, IndicatorQuery query, IEnumerable<IIndicator>? indicators = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(query);
        var composition = Hosting.YouthJusticeComposition.Compose(new Hosting.PluginCatalog(), indicators ?? CreateAll());
        return new Hosting.YouthJusticeRegistry(composition).Compute(context, query).Results;
    }

    /// <summary>Serialises a definition to JSON in the definition file format (see <see cref="IndicatorDefinitions.Write"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    public static string ToJson(IndicatorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return IndicatorDefinitions.Write(definition);
    }

    /// <summary>Reads a definition written by <see cref="ToJson"/> (or a definition file); the result equals the original.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="DefinitionFormatException">The text is not a valid definition; the message names the field.</exception>
    public static IndicatorDefinition FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        return IndicatorDefinitions.Read(json, "JSON text");
    }

    /// <summary>The differences of <paramref name="definition"/> from the built-in definition with its id, as
    /// <c>name=value (national: value)</c>; empty for a national definition or one with no national counterpart.</summary>
    internal static ImmutableArray<string> OverridesOf(IndicatorDefinition definition)
    {
        if (!TryGet(definition.Id, out var national) || ReferenceEquals(national, definition))
        {
            return [];
        }
        var changes = ImmutableArray.CreateBuilder<string>();
        foreach (var key in national.Parameters.Keys.Union(definition.Parameters.Keys, StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            national.Parameters.TryGetValue(key, out var was);
            definition.Parameters.TryGetValue(key, out var now);
            if (was != now)
            {
                changes.Add($"{key}={now ?? "(removed)"} (national: {was ?? "(none)"})");
            }
        }
        if (national.Multiplier != definition.Multiplier)
        {
            changes.Add(string.Create(CultureInfo.InvariantCulture, $"multiplier={definition.Multiplier} (national: {national.Multiplier})"));
        }
        return changes.ToImmutable();
    }

    /// <summary>The catalogue order of the national definitions (the definitions themselves are the embedded files
    /// <c>Indicators/National/Definitions/*.indicator.json</c>).</summary>
    private static IEnumerable<string> CatalogueOrder()
    {
        string[] fixedOrder =
        [
            NationalIndicatorIds.FteCount, NationalIndicatorIds.FteRate,
            NationalIndicatorIds.ReoffendingBinary, NationalIndicatorIds.ReoffendingFrequency, NationalIndicatorIds.ReoffendingPerReoffender,
            NationalIndicatorIds.TrackerBinary, NationalIndicatorIds.TrackerFrequency, NationalIndicatorIds.TrackerPerReoffender,
            NationalIndicatorIds.CustodyCount, NationalIndicatorIds.CustodyRate, NationalIndicatorIds.RemandEpisodes,
            NationalIndicatorIds.RemandEpisodesRate, NationalIndicatorIds.RemandChildren, NationalIndicatorIds.RemandChildrenRate,
            NationalIndicatorIds.OutcomeProfile, NationalIndicatorIds.OffenceProfile, NationalIndicatorIds.CourtShare,
        ];
        return fixedOrder.Concat(DisproportionalityIndicator.Stages.SelectMany(stage =>
            new[] { NationalIndicatorIds.RelativeRateIndex(stage), NationalIndicatorIds.PercentagePointGap(stage) }));
    }

    private static ImmutableArray<IndicatorDefinition> Build()
    {
        var files = CoreDefinitions.All;
        var order = CatalogueOrder().ToList();
        var missing = order.Where(id => !files.ContainsKey(id)).ToList();
        // Only files of a national family are the catalogue's: the assembly also embeds the KPIs and the local measures.
        string[] nationalFamilies =
        [
            IndicatorFamilies.FirstTimeEntrants, IndicatorFamilies.Reoffending, IndicatorFamilies.CustodyAndRemand,
            IndicatorFamilies.Profiles, IndicatorFamilies.Disproportionality,
        ];
        var unlisted = files.Values.Where(d => nationalFamilies.Contains(d.Family, StringComparer.Ordinal) && !order.Contains(d.Id, StringComparer.Ordinal)).Select(d => d.Id).ToList();
        if (missing.Count > 0 || unlisted.Count > 0)
        {
            throw new InvalidOperationException(
                $"The national definition files do not match the catalogue: missing {string.Join(", ", missing)}; not in the catalogue {string.Join(", ", unlisted)}.");
        }
        return [.. order.Select(id => files[id])];
    }
}

using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json;
using YouthJustice.Sdk.Indicators.Engine;

namespace YouthJustice.Sdk.Indicators.National;

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
/// The national indicator catalogue: every built-in definition (methodology as data, version 1, with its source),
/// a factory that makes the indicator applying any definition (national or revised), and helpers to run them all.
/// </summary>
/// <remarks>
/// <para>Revise a methodology with <see cref="IndicatorDefinition.WithParameter"/> and pass the result to
/// <see cref="Create"/>: the indicator computes with the new parameters, its results carry the new version, and each
/// result's <see cref="IndicatorResult.AppliedOverrides"/> lists the parameters that differ from the national definition.</para>
/// <para>All members are thread-safe.</para>
/// </remarks>
public static class NationalIndicators
{
    /// <summary>Youth cautions, youth conditional cautions and every court disposal: the statutory (substantive) outcome codes.</summary>
    public const string StatutoryOutcomeCodes = "YC,YCC,ABSDIS,CONDIS,FINE,RO,YRO,YROISS,DTO,S250,S259";

    /// <summary>Custodial sentence codes.</summary>
    public const string CustodialOutcomeCodes = "DTO,S250,S259";

    private static readonly SourceCitation FteSource = new(
        "Ministry of Justice / Youth Justice Board, Youth justice statistics: first time entrants (PNC, per 100,000 aged 10-17); domain brief §3",
        "Definition of an FTE; published: Coventry 224 in 2019/20 from 71 FTEs (seed 003 L65), Leicester 207 (73) Oct 20-Sep 21 and 223 (78) Oct 19-Sep 20 (seed 002 L392-395)",
        "https://www.gov.uk/government/collections/youth-justice-statistics");

    private static readonly SourceCitation MojSource = new(
        "Ministry of Justice, Guide to proven reoffending statistics (2019) and Proven reoffending statistics quarterly bulletins",
        "§2.1 and Appendix A.1: proven reoffence, index event, 12-month follow-up and 6-month waiting period; 3-month cohorts since the October 2017 publication",
        "https://www.gov.uk/government/collections/proven-reoffending-statistics");

    private static readonly SourceCitation TrackerSource = new(
        "Youth Justice Board, reducing reoffending toolkit: live tracking tool; Coventry Youth Justice Plan 2021-23; Leicester Youth Justice Plan 2022-23",
        "Coventry: cohort by date the penalty was imposed, breach only where re-sentenced (seed 000 L838); Leicester quarterly cohorts (seed 002 L415-422)",
        "https://www.gov.uk/guidance/how-to-reduce-reoffending-by-children-and-young-people");

    private static readonly SourceCitation CustodySource = new(
        "Youth Justice Board / Ministry of Justice, Youth justice statistics: custody and remand; Leicester Youth Justice Plan 2022-23; Coventry Youth Justice Plan 2021-23",
        "Custodial sentences per 1,000 of the 10-17 population: Leicester 0.11 (2021), 0.29 (2020) (seed 002 §3); Coventry 0.29 (seed 000)",
        "https://www.gov.uk/government/collections/youth-justice-statistics");

    private static readonly SourceCitation ProfileSource = new(
        "Youth Justice Board / Ministry of Justice, Youth justice statistics: outcome and proven offence tables; domain brief §2 (outcome ladder)",
        "Outcomes by type, proven offences by offence group and gravity (ACPO Youth Gravity Matrix), court vs out-of-court");

    private static readonly SourceCitation DisproportionalitySource = new(
        "National Indicator 044 (ethnic composition of offenders on youth justice disposals); OJJDP relative rate index; Coventry Youth Justice Plan 2021-23; HMIP inspection of Coventry 2023",
        "Per-group percentage-point gap (NI 044) and relative rate index (OJJDP); White British vs others (seed 000 L867-869); recommendation 4 (seed 001)",
        "https://www.ojjdp.gov/ojstatbb/r-ed-databook/asp/dataneeds.asp");

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
    /// comparators and RAG ratings applied as a <see cref="Plugins.IYouthJusticeRegistry"/> applies them (it runs them).</summary>
    /// <returns>The results, indicator by indicator in order.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="context"/> or <paramref name="query"/> is null.</exception>
    /// <exception cref="Plugins.PluginFailureException">An indicator threw.</exception>
    public static IReadOnlyList<IndicatorResult> ComputeAll(IndicatorContext context, IndicatorQuery query, IEnumerable<IIndicator>? indicators = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(query);
        var composition = Plugins.YouthJusticeComposition.Compose(new Plugins.PluginCatalog(), indicators ?? CreateAll());
        return new Plugins.YouthJusticeRegistry(composition).Compute(context, query).Results;
    }

    /// <summary>Serialises a definition to JSON (System.Text.Json, web defaults).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    public static string ToJson(IndicatorDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(definition);
        return JsonSerializer.Serialize(definition, JsonOptions);
    }

    /// <summary>Reads a definition written by <see cref="ToJson"/>; the result equals the original.</summary>
    /// <exception cref="ArgumentNullException"><paramref name="json"/> is null.</exception>
    /// <exception cref="JsonException">The text is not a definition.</exception>
    public static IndicatorDefinition FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        var read = JsonSerializer.Deserialize<IndicatorDefinition>(json, JsonOptions) ?? throw new JsonException("The JSON is null.");
        return read with { Parameters = read.Parameters.WithComparers(StringComparer.Ordinal) };
    }

    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web) { WriteIndented = true };

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

    private static ImmutableArray<IndicatorDefinition> Build()
    {
        var list = ImmutableArray.CreateBuilder<IndicatorDefinition>();

        static IndicatorDefinition Def(string id, string name, string description, SourceCitation source, string unit, decimal multiplier,
            Direction direction, int decimals, params (string Key, string Value)[] parameters) => new()
            {
                Id = id,
                Name = name,
                Description = description,
                Source = source,
                Unit = unit,
                Multiplier = multiplier,
                Direction = direction,
                DisplayDecimals = decimals,
                Parameters = parameters.ToImmutableSortedDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal),
            };

        (string, string)[] ages = [(NationalParameters.MinAge, "10"), (NationalParameters.MaxAge, "17")];
        (string, string)[] fte =
        [
            (NationalParameters.Calculation, "fte"), .. ages,
            (NationalParameters.QualifyingOutcomeTypes, StatutoryOutcomeCodes),
            (NationalParameters.AgeRule, nameof(AgeRule.AgeAtOutcome)),
            (NationalParameters.PopulationYearRule, nameof(PopulationYearRule.PeriodStartYear)),
        ];
        const string FteDescription = "Children aged 10-17 resident in the area receiving their first ever statutory outcome (youth caution, youth conditional caution or court disposal) in the period. A child is an FTE once in a lifetime; informal outcomes never make an FTE.";
        list.Add(Def(NationalIndicatorIds.FteCount, "First time entrants", FteDescription, FteSource, "children", 1m, Direction.LowerIsBetter, 0,
            [.. fte, (NationalParameters.Measure, nameof(CountOrRate.Count))]));
        list.Add(Def(NationalIndicatorIds.FteRate, "First time entrants per 100,000 aged 10-17", FteDescription, FteSource, "per 100,000 aged 10-17", 100_000m, Direction.LowerIsBetter, 0,
            [.. fte, (NationalParameters.Measure, nameof(CountOrRate.Rate))]));

        (string, string)[] reoffending =
        [
            .. ages,
            (NationalParameters.IndexOutcomeTypes, StatutoryOutcomeCodes),
            (NationalParameters.CustodialOutcomeTypes, CustodialOutcomeCodes),
            (NationalParameters.ProvingOutcomeTypes, StatutoryOutcomeCodes),
            (NationalParameters.BreachOutcomeTypes, "BREACH"),
            (NationalParameters.BreachCountsOnlyIfResentenced, "true"),
            (NationalParameters.FollowUpMonths, "12"),
            (NationalParameters.MonthEndRule, nameof(MonthEndRule.ClampToMonthEnd)),
        ];
        (string, string)[] moj =
        [
            (NationalParameters.Calculation, "moj-reoffending"), .. reoffending,
            (NationalParameters.CustodyIndexDate, nameof(CustodyIndexDate.ReleaseDate)),
            (NationalParameters.WaitingPeriodMonths, "6"),
            (NationalParameters.CohortMonths, "3"),
        ];
        const string MojDescription = "Children aged 10-17 cautioned, convicted at court (non-custodial) or released from custody in the cohort period; a proven reoffence is an offence committed in the 12 months after the index date and proven by a caution or conviction within that year or a further 6 months.";
        list.Add(Def(NationalIndicatorIds.ReoffendingBinary, "Proven reoffending: binary rate", MojDescription, MojSource, "%", 100m, Direction.LowerIsBetter, 1,
            [.. moj, (NationalParameters.Measure, nameof(ReoffendingMeasure.Binary))]));
        list.Add(Def(NationalIndicatorIds.ReoffendingFrequency, "Proven reoffending: reoffences per cohort member", MojDescription, MojSource, "reoffences per cohort member", 1m, Direction.LowerIsBetter, 2,
            [.. moj, (NationalParameters.Measure, nameof(ReoffendingMeasure.Frequency))]));
        list.Add(Def(NationalIndicatorIds.ReoffendingPerReoffender, "Proven reoffending: reoffences per reoffender", MojDescription, MojSource, "reoffences per reoffender", 1m, Direction.LowerIsBetter, 2,
            [.. moj, (NationalParameters.Measure, nameof(ReoffendingMeasure.PerReoffender))]));

        (string, string)[] tracker =
        [
            (NationalParameters.Calculation, "live-tracker"), .. reoffending,
            (NationalParameters.CustodyIndexDate, nameof(CustodyIndexDate.SentenceDate)),
            (NationalParameters.WaitingPeriodMonths, "0"),
        ];
        const string TrackerDescription = "A local cohort of children aged 10-17 given a substantive outcome in the period (chosen by the date the penalty was imposed), followed for 12 months; provisional until every member's follow-up has expired.";
        list.Add(Def(NationalIndicatorIds.TrackerBinary, "Live reoffending tracker: binary rate", TrackerDescription, TrackerSource, "%", 100m, Direction.LowerIsBetter, 1,
            [.. tracker, (NationalParameters.Measure, nameof(ReoffendingMeasure.Binary))]));
        list.Add(Def(NationalIndicatorIds.TrackerFrequency, "Live reoffending tracker: reoffences per cohort member", TrackerDescription, TrackerSource, "reoffences per cohort member", 1m, Direction.LowerIsBetter, 2,
            [.. tracker, (NationalParameters.Measure, nameof(ReoffendingMeasure.Frequency))]));
        list.Add(Def(NationalIndicatorIds.TrackerPerReoffender, "Live reoffending tracker: reoffences per reoffender", TrackerDescription, TrackerSource, "reoffences per reoffender", 1m, Direction.LowerIsBetter, 2,
            [.. tracker, (NationalParameters.Measure, nameof(ReoffendingMeasure.PerReoffender))]));

        (string, string)[] custody =
        [
            (NationalParameters.Calculation, "custody"), .. ages,
            (NationalParameters.CustodialOutcomeTypes, CustodialOutcomeCodes),
            (NationalParameters.PopulationYearRule, nameof(PopulationYearRule.PeriodStartYear)),
        ];
        (string, string)[] remand =
        [
            (NationalParameters.Calculation, "custody"), .. ages,
            (NationalParameters.RemandOutcomeTypes, "REMAND"),
            (NationalParameters.RemandEpisodeRule, nameof(RemandEpisodeRule.StartedInPeriod)),
            (NationalParameters.PopulationYearRule, nameof(PopulationYearRule.PeriodStartYear)),
        ];
        (string, string) sentences = (NationalParameters.Measure, nameof(CustodyMeasure.CustodialSentences));
        (string, string) episodes = (NationalParameters.Measure, nameof(CustodyMeasure.RemandEpisodes));
        (string, string) remanded = (NationalParameters.Measure, nameof(CustodyMeasure.RemandChildren));
        list.Add(Def(NationalIndicatorIds.CustodyCount, "Custodial sentences", "Custodial sentences given in the period to children aged 10-17 resident in the area (sentences, not children).", CustodySource, "sentences", 1m, Direction.LowerIsBetter, 0, [.. custody, sentences]));
        list.Add(Def(NationalIndicatorIds.CustodyRate, "Custodial sentences per 1,000 aged 10-17", "Custodial sentences given in the period to children aged 10-17 resident in the area, per 1,000 of the area's 10-17 population (sentences, not children).", CustodySource, "per 1,000 aged 10-17", 1000m, Direction.LowerIsBetter, 2, [.. custody, sentences]));
        list.Add(Def(NationalIndicatorIds.RemandEpisodes, "Remand episodes", "Remands to youth detention accommodation that began in the period, children aged 10-17 resident in the area.", CustodySource, "episodes", 1m, Direction.LowerIsBetter, 0, [.. remand, episodes]));
        list.Add(Def(NationalIndicatorIds.RemandEpisodesRate, "Remand episodes per 1,000 aged 10-17", "Remand episodes that began in the period per 1,000 of the 10-17 population.", CustodySource, "per 1,000 aged 10-17", 1000m, Direction.LowerIsBetter, 2, [.. remand, episodes]));
        list.Add(Def(NationalIndicatorIds.RemandChildren, "Children remanded", "Distinct children aged 10-17 resident in the area with a remand episode that began in the period.", CustodySource, "children", 1m, Direction.LowerIsBetter, 0, [.. remand, remanded]));
        list.Add(Def(NationalIndicatorIds.RemandChildrenRate, "Children remanded per 1,000 aged 10-17", "Distinct children remanded in the period per 1,000 of the 10-17 population.", CustodySource, "per 1,000 aged 10-17", 1000m, Direction.LowerIsBetter, 2, [.. remand, remanded]));

        list.Add(Def(NationalIndicatorIds.OutcomeProfile, "Outcome profile", "Outcomes (substantive and not) given in the period to children aged 10-17 resident in the area, by outcome type: shares of all outcomes.", ProfileSource, "% of outcomes", 100m, Direction.Neutral, 1,
            [(NationalParameters.Calculation, "profile"), .. ages, (NationalParameters.Profile, nameof(ProfileKind.OutcomeType))]));
        list.Add(Def(NationalIndicatorIds.OffenceProfile, "Proven offence profile", "Offences proven (caution or conviction) in the period, children aged 10-17 resident in the area, by offence group and gravity score: shares of all proven offences.", ProfileSource, "% of proven offences", 100m, Direction.Neutral, 1,
            [(NationalParameters.Calculation, "profile"), .. ages, (NationalParameters.Profile, nameof(ProfileKind.Offence)), (NationalParameters.ProvingOutcomeTypes, StatutoryOutcomeCodes)]));
        list.Add(Def(NationalIndicatorIds.CourtShare, "Court share of disposals", "Court outcomes as a share of all court and out-of-court outcomes (informal included) given in the period to children aged 10-17 resident in the area.", ProfileSource, "% of disposals", 100m, Direction.Neutral, 1,
            [(NationalParameters.Calculation, "profile"), .. ages, (NationalParameters.Profile, nameof(ProfileKind.CourtShare))]));

        foreach (var stage in DisproportionalityIndicator.Stages)
        {
            (string, string)[] common =
            [
                (NationalParameters.Calculation, "disproportionality"), .. ages,
                (NationalParameters.Stage, stage.ToString()),
                (NationalParameters.Base, nameof(DisproportionalityBase.Population)),
                (NationalParameters.PopulationYearRule, nameof(PopulationYearRule.PeriodStartYear)),
            ];
            list.Add(Def(NationalIndicatorIds.RelativeRateIndex(stage), $"Disproportionality: relative rate index, {stage}",
                $"Per ethnicity group, the rate of children at the {stage} stage relative to White British (1.0 = parity), against the 10-17 population (or, revised, the previous stage).",
                DisproportionalitySource, "relative rate index (White British = 1)", 1m, Direction.Neutral, 2,
                [.. common, (NationalParameters.Measure, nameof(DisproportionalityMeasure.RelativeRateIndex))]));
            list.Add(Def(NationalIndicatorIds.PercentagePointGap(stage), $"Disproportionality: percentage-point gap, {stage}",
                $"Per ethnicity group, its share of the children at the {stage} stage minus its share of the 10-17 population (NI 044), in percentage points.",
                DisproportionalitySource, "percentage points", 1m, Direction.Neutral, 1,
                [.. common, (NationalParameters.Measure, nameof(DisproportionalityMeasure.PercentagePointGap))]));
        }
        return list.ToImmutable();
    }
}

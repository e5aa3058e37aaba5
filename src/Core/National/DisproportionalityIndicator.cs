using System.Collections.Immutable;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.Statistics;
using YouthJustice.Sdk.Indicators;

namespace YouthJustice.Sdk.National;

/// <summary>
/// Disproportionality at one decision stage, per ethnicity group: the relative rate index against White British
/// (RRI = (group count / group base) / (White British count / White British base), 1.0 = parity) with a Katz
/// log-RRI 95% interval, or the percentage-point gap between the group's share of the stage and its share of the base
/// (NI 044). Always one row per group (breakdown <c>ethnicity-group</c>), never one pooled minority figure; plus the
/// binary White British vs all other groups view (breakdown <c>white-british-vs-others</c>, value <c>all-other-groups</c>).
/// </summary>
/// <remarks>
/// <para>Counts are distinct children aged 10-17 (at the outcome) resident in the area with at least one outcome of the
/// stage dated in the period. Stages: all outcomes (any out-of-court or court outcome), out-of-court, court, custody,
/// breach. The base is the 10-17 population with the ethnicity group set (<see cref="DisproportionalityBase.Population"/>)
/// or the children at the previous stage (out-of-court and court ← all outcomes; custody and breach ← court; all outcomes
/// ← population). Children whose ethnicity is not known are left out of every group and of the shares.</para>
/// <para>The total row carries the stage count and base of all children of known ethnicity and no value (a relative rate
/// is only defined per group). An RRI is undefined when the group's base, White British's base or White British's count
/// is zero; its interval needs both counts above zero.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed class DisproportionalityIndicator : NationalIndicator
{
    private static readonly EthnicityGroup[] Groups =
        [EthnicityGroup.WhiteBritish, EthnicityGroup.WhiteOther, EthnicityGroup.Mixed, EthnicityGroup.Asian, EthnicityGroup.Black, EthnicityGroup.Other];

    private readonly DisproportionalityStage _stage;
    private readonly DisproportionalityBase _base;
    private readonly DisproportionalityMeasure _measure;
    private readonly PopulationYearRule _yearRule;

    /// <summary>Creates the indicator from a definition (see <see cref="NationalIndicators.Definitions"/>).</summary>
    /// <exception cref="ArgumentNullException"><paramref name="definition"/> is null.</exception>
    /// <exception cref="FormatException">A parameter cannot be read.</exception>
    public DisproportionalityIndicator(IndicatorDefinition definition)
        : base(definition)
    {
        _stage = Enum(definition, NationalParameters.Stage, DisproportionalityStage.AllOutcomes);
        _base = Enum(definition, NationalParameters.Base, DisproportionalityBase.Population);
        _measure = Enum(definition, NationalParameters.Measure, DisproportionalityMeasure.RelativeRateIndex);
        _yearRule = Enum(definition, NationalParameters.PopulationYearRule, PopulationYearRule.PeriodStartYear);
    }

    private static Func<OutcomeType, bool> StageTest(DisproportionalityStage stage) => stage switch
    {
        DisproportionalityStage.OutOfCourt => t => t.IsOutOfCourt,
        DisproportionalityStage.Court => t => t.IsCourt,
        DisproportionalityStage.Custody => t => t.IsCustodial,
        DisproportionalityStage.Breach => t => t.Category == OutcomeCategory.Breach,
        _ => t => t.IsOutOfCourt || t.IsCourt,
    };

    private static DisproportionalityStage? PreviousStage(DisproportionalityStage stage) => stage switch
    {
        DisproportionalityStage.OutOfCourt or DisproportionalityStage.Court => DisproportionalityStage.AllOutcomes,
        DisproportionalityStage.Custody or DisproportionalityStage.Breach => DisproportionalityStage.Court,
        _ => null,
    };

    private protected override void ComputePeriod(PeriodRequest request, List<IndicatorResult> sink)
    {
        var ix = request.Index;
        var previous = _base == DisproportionalityBase.PreviousStage ? PreviousStage(_stage) : null;
        var atStage = Children(request, ix.TypeMask(StageTest(_stage)));
        var atPrevious = previous is { } p ? Children(request, ix.TypeMask(StageTest(p))) : null;
        for (var slot = 0; slot < request.AreaCount; slot++)
        {
            var (year, popNote) = atPrevious is null ? PopulationYear(request, slot, _yearRule) : (null, null);
            var stage = new long[7];
            var baseCount = new long[7];
            foreach (var c in atStage[slot])
            {
                stage[(int)ix.ChildEthnicity[c]]++;
            }
            foreach (var g in Groups)
            {
                baseCount[(int)g] = atPrevious is null
                    ? Population(request, slot, year, MinAge, MaxAge, new PopulationTable.Slice(null, g))
                    : atPrevious[slot].Count(c => ix.ChildEthnicity[c] == g);
            }
            long stageKnown = 0, baseKnown = 0;
            foreach (var g in Groups)
            {
                stageKnown += stage[(int)g];
                baseKnown += baseCount[(int)g];
            }
            var baseName = atPrevious is null ? "10-17 population" : Invariant($"children at the {previous} stage");
            var wb = (int)EthnicityGroup.WhiteBritish;

            sink.Add(WithEvidence(request, slot, New(request, slot, null, stageKnown, baseKnown, null, BreakdownKey.Total,
                Invariant($"Stage {_stage} against the {baseName}; values are per ethnicity group. {popNote}").Trim()),
                atStage, atPrevious, null));

            foreach (var g in Groups)
            {
                var i = (int)g;
                sink.Add(WithEvidence(request, slot, Row(request, slot, stage[i], baseCount[i], stage[wb], baseCount[wb], stageKnown, baseKnown,
                    Dimensions.GroupKey(g), baseName), atStage, atPrevious, c => ix.ChildEthnicity[c] == g));
            }
            var othersStage = stageKnown - stage[wb];
            var othersBase = baseKnown - baseCount[wb];
            sink.Add(WithEvidence(request, slot, Row(request, slot, othersStage, othersBase, stage[wb], baseCount[wb], stageKnown, baseKnown,
                new BreakdownKey(Dimensions.WhiteBritishVsOthers, "all-other-groups"), baseName), atStage, atPrevious,
                c => ix.ChildEthnicity[c] is not (EthnicityGroup.WhiteBritish or EthnicityGroup.NotKnown)));
        }
    }

    private IndicatorResult Row(PeriodRequest request, int slot, long a, long n1, long c, long n2, long stageKnown, long baseKnown, BreakdownKey key, string baseName)
    {
        if (_measure == DisproportionalityMeasure.PercentagePointGap)
        {
            decimal? gap = stageKnown == 0 || baseKnown == 0 ? null : (((decimal)a / stageKnown) - ((decimal)n1 / baseKnown)) * 100m;
            return New(request, slot, gap, a, stageKnown, null, key,
                Invariant($"Share of the stage {a}/{stageKnown}; share of the {baseName} {n1}/{baseKnown}."));
        }
        decimal? rri = n1 == 0 || n2 == 0 || c == 0 ? null : (decimal)a / n1 / ((decimal)c / n2);
        ConfidenceInterval? interval = null;
        var variance = a > 0 && n1 > 0 && c > 0 && n2 > 0 ? (1.0 / a) - (1.0 / n1) + (1.0 / c) - (1.0 / n2) : -1;
        if (rri is { } r && r > 0 && variance >= 0)
        {
            var se = Math.Sqrt(variance);
            var z = ConfidenceIntervals.NormalQuantile(0.975);
            var log = Math.Log((double)r);
            interval = new ConfidenceInterval(Round(Math.Exp(log - (z * se))), Round(Math.Exp(log + (z * se))), 0.95m, "Katz log relative rate (normal approximation)");
        }
        return New(request, slot, rri, a, n1, interval, key,
            Invariant($"Rate {a}/{n1} against White British {c}/{n2} ({baseName})."));
    }

    private IndicatorResult New(PeriodRequest request, int slot, decimal? value, long numerator, long denominator, ConfidenceInterval? interval, BreakdownKey key, string note) =>
        new()
        {
            Methodology = Definition.Ref,
            AreaCode = request.AreaCodes[slot],
            Period = request.Period,
            Breakdown = key,
            Value = value,
            Numerator = numerator,
            Denominator = denominator,
            Multiplier = Definition.Multiplier,
            Unit = Definition.Unit,
            Interval = interval,
            Note = note,
        };

    private IndicatorResult WithEvidence(PeriodRequest request, int slot, IndicatorResult result, List<int>[] atStage, List<int>[]? atPrevious, Func<int, bool>? inGroup)
    {
        if (!request.CollectEvidence)
        {
            return result;
        }
        var ix = request.Index;
        bool Known(int c) => ix.ChildEthnicity[c] != EthnicityGroup.NotKnown;
        var numerator = atStage[slot].Where(c => (inGroup ?? Known)(c));
        IEnumerable<int> denominator = _measure == DisproportionalityMeasure.PercentagePointGap
            ? atStage[slot].Where(Known)
            : atPrevious is null ? [] : atPrevious[slot].Where(c => (inGroup ?? Known)(c));
        return result with
        {
            Evidence = Evidence(numerator.Select(c => ix.ChildIds[c]), denominator.Select(c => ix.ChildIds[c]), "child",
                _measure == DisproportionalityMeasure.PercentagePointGap || atPrevious is not null ? "child" : "population"),
        };
    }

    /// <summary>Per area slot, the distinct children (ascending) aged in range with an outcome of the stage in the period.</summary>
    private List<int>[] Children(PeriodRequest request, bool[] mask)
    {
        var ix = request.Index;
        var perArea = request.PerArea<int>();
        for (var c = 0; c < ix.ChildCount; c++)
        {
            var slot = request.SlotOfChild(c);
            if (slot < 0)
            {
                continue;
            }
            for (var o = ix.ChildOutcomeStart[c]; o < ix.ChildOutcomeStart[c + 1]; o++)
            {
                var day = ix.OutcomeDate[o];
                if (mask[ix.OutcomeType[o]] && day >= request.Start && day <= request.End && InAgeRange(ix.AgeOn(c, day, LeapDayRule)))
                {
                    perArea[slot].Add(c);
                    break;
                }
            }
        }
        return perArea;
    }

    private static decimal Round(double value) => Math.Round((decimal)value, 12);

    /// <summary>The stages, for the catalogue.</summary>
    internal static ImmutableArray<DisproportionalityStage> Stages { get; } = [.. System.Enum.GetValues<DisproportionalityStage>()];
}

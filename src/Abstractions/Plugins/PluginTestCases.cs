using System.Collections.Immutable;
using NodaTime;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;

namespace YouthJustice.Sdk.Plugins;

/// <summary>One expected indicator figure in a <see cref="PluginTestCase"/>.</summary>
/// <param name="IndicatorId">The indicator.</param>
/// <param name="Numerator">The expected numerator.</param>
/// <param name="Denominator">The expected denominator (<see langword="null"/> for a count).</param>
/// <param name="Breakdown">The breakdown slice; <see langword="null"/> for the total.</param>
/// <param name="Value">The expected value after rounding half away from zero to <paramref name="ValueDecimals"/> places, if checked.</param>
/// <param name="ValueDecimals">How many places <paramref name="Value"/> is given to.</param>
/// <param name="PeriodStart">Which result, when the indicator gives several per breakdown (e.g. before and after a date): the period's first day.</param>
public sealed record ExpectedResult(
    string IndicatorId,
    decimal Numerator,
    decimal? Denominator,
    BreakdownKey? Breakdown = null,
    decimal? Value = null,
    int ValueDecimals = 1,
    LocalDate? PeriodStart = null);

/// <summary>One expected eligibility decision in a <see cref="PluginTestCase"/>.</summary>
/// <param name="RuleId">The rule.</param>
/// <param name="ChildId">The child.</param>
/// <param name="AsOf">The date of the decision.</param>
/// <param name="IsEligible">The expected decision.</param>
/// <param name="Outcome">The expected chosen option, if the rule chooses one.</param>
public sealed record ExpectedEligibility(string RuleId, string ChildId, LocalDate AsOf, bool IsEligible, string? Outcome = null);

/// <summary>
/// A test case a plugin ships (in the manner of OpenFisca's YAML tests): an input dataset built in code, a query, and
/// the figures, eligibility decisions and validation findings it must produce.
/// </summary>
/// <param name="Name">What the case shows, as a sentence.</param>
/// <param name="Input">The input data.</param>
/// <param name="Query">What to compute.</param>
/// <param name="ExpectedResults">Expected indicator figures.</param>
/// <param name="ExpectedEligibility">Expected eligibility decisions.</param>
/// <param name="ExpectedFindingRuleIds">Validation rule ids expected to report findings on the input (empty: the input must be clean of the plugin's rules).</param>
public sealed record PluginTestCase(
    string Name,
    Dataset Input,
    IndicatorQuery Query,
    ImmutableArray<ExpectedResult> ExpectedResults,
    ImmutableArray<ExpectedEligibility> ExpectedEligibility,
    ImmutableArray<string> ExpectedFindingRuleIds);

/// <summary>A set of test cases a plugin ships for the host's test suite to run.</summary>
public interface IPluginTestCases
{
    /// <summary>The cases.</summary>
    IReadOnlyList<PluginTestCase> Cases { get; }
}

using System.Collections.Immutable;
using System.Globalization;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Hosting;

/// <summary>The outcome of running one plugin test case.</summary>
/// <param name="TestCase">The case.</param>
/// <param name="Failures">What did not match; empty when it passed.</param>
public sealed record PluginTestOutcome(RegisteredTestCase TestCase, ImmutableArray<string> Failures)
{
    /// <summary>Whether every expectation held.</summary>
    public bool Passed => Failures.IsEmpty;

    /// <summary>"PASS plugin: case" or "FAIL plugin: case" with the failures.</summary>
    public override string ToString() =>
        Passed ? $"PASS {TestCase}" : $"FAIL {TestCase}{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", Failures)}";
}

/// <summary>Runs plugins' shipped test cases against a registry, so a host's test suite can prove every plugin's rules.</summary>
/// <remarks>Thread-safe.</remarks>
public static class PluginTestRunner
{
    /// <summary>Runs every test case in the registry.</summary>
    public static IReadOnlyList<PluginTestOutcome> RunAll(IYouthJusticeRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(registry);
        return [.. registry.TestCases.Select(c => Run(registry, c))];
    }

    /// <summary>Runs one test case: computes the expected indicators, applies the expected eligibility rules and runs the
    /// plugin's validation rules, and lists every difference.</summary>
    public static PluginTestOutcome Run(IYouthJusticeRegistry registry, RegisteredTestCase testCase)
    {
        ArgumentNullException.ThrowIfNull(registry);
        ArgumentNullException.ThrowIfNull(testCase);
        var failures = new List<string>();
        var c = testCase.Case;
        try
        {
            var ids = c.ExpectedResults.Select(e => e.IndicatorId).Distinct(StringComparer.Ordinal).ToList();
            var run = registry.Compute(IndicatorContext.For(c.Input), c.Query, ids);
            failures.AddRange(run.Errors.Select(e => e.Message));
            foreach (var expected in c.ExpectedResults)
            {
                var breakdown = expected.Breakdown ?? BreakdownKey.Total;
                var matches = run.Results.Where(r => r.IndicatorId == expected.IndicatorId && r.Breakdown == breakdown
                    && (expected.PeriodStart is null || r.Period.Start == expected.PeriodStart)).ToList();
                var what = $"{expected.IndicatorId} [{breakdown}]" + (expected.PeriodStart is { } ps ? string.Create(CultureInfo.InvariantCulture, $" from {ps:uuuu-MM-dd}") : "");
                if (matches.Count != 1)
                {
                    failures.Add(string.Create(CultureInfo.InvariantCulture, $"{what}: expected one result, found {matches.Count}."));
                    continue;
                }
                var r = matches[0];
                if (r.Numerator != expected.Numerator)
                {
                    failures.Add(string.Create(CultureInfo.InvariantCulture, $"{what}: numerator {r.Numerator}, expected {expected.Numerator}."));
                }
                if (r.Denominator != expected.Denominator)
                {
                    failures.Add(string.Create(CultureInfo.InvariantCulture, $"{what}: denominator {r.Denominator}, expected {expected.Denominator}."));
                }
                if (expected.Value is { } value)
                {
                    var actual = r.Value is { } v ? DisplayRounding.Round(v, expected.ValueDecimals) : (decimal?)null;
                    if (actual != DisplayRounding.Round(value, expected.ValueDecimals))
                    {
                        failures.Add(string.Create(CultureInfo.InvariantCulture, $"{what}: value {actual}, expected {value}."));
                    }
                }
            }
            var child = c.Input.Children.ToDictionary(ch => ch.Id, StringComparer.Ordinal);
            foreach (var expected in c.ExpectedEligibility)
            {
                if (!child.TryGetValue(expected.ChildId, out var ch))
                {
                    failures.Add($"Eligibility {expected.RuleId}: child '{expected.ChildId}' is not in the input.");
                    continue;
                }
                var decision = registry.Decide(expected.RuleId, ch, new EligibilityContext(c.Input, expected.AsOf));
                if (decision.IsEligible != expected.IsEligible || (expected.Outcome is not null && decision.Outcome != expected.Outcome))
                {
                    failures.Add(string.Create(CultureInfo.InvariantCulture,
                        $"Eligibility {expected.RuleId} for {expected.ChildId} on {expected.AsOf:uuuu-MM-dd}: {(decision.IsEligible ? "eligible" : "not eligible")}" +
                        $"{(decision.Outcome is null ? "" : " (" + decision.Outcome + ")")}, expected {(expected.IsEligible ? "eligible" : "not eligible")}" +
                        $"{(expected.Outcome is null ? "" : " (" + expected.Outcome + ")")}; reasons: {string.Join("; ", decision.Reasons)}"));
                }
            }
            var validation = registry.Validate(c.Input);
            failures.AddRange(validation.Errors.Select(e => e.Message));
            var prefix = testCase.PluginId + ".";
            var found = validation.Findings.Where(f => f.RuleId.StartsWith(prefix, StringComparison.Ordinal))
                .Select(f => f.RuleId).ToHashSet(StringComparer.Ordinal);
            var wanted = c.ExpectedFindingRuleIds.ToHashSet(StringComparer.Ordinal);
            if (!found.SetEquals(wanted))
            {
                failures.Add($"Validation: rules with findings [{string.Join(", ", found.Order(StringComparer.Ordinal))}], expected [{string.Join(", ", wanted.Order(StringComparer.Ordinal))}]: " +
                    string.Join("; ", validation.Findings.Where(f => f.RuleId.StartsWith(prefix, StringComparison.Ordinal)).Select(f => f.Message)));
            }
        }
        catch (PluginFailureException ex)
        {
            failures.Add(ex.Message);
        }
        return new PluginTestOutcome(testCase, [.. failures]);
    }
}

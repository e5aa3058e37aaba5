using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Testing;
using static YouthJustice.Sdk.Testing.Data;

namespace YouthJustice.Plugins.Coventry.Tests;

/// <summary>The quarterly out-of-court decision audit against the routing matrix.</summary>
public class OutOfCourtAuditTests
{
    private const string Audit = "coventry-diversion.oocd-audit";

    private static Offence Offence(string id, string child, LocalDate on, int gravity) => new(id, child, on, OffenceGroup.Theft, gravity);

    private static Outcome Decision(string id, string child, string offence, LocalDate on, OutcomeType type, bool? admitted = true) =>
        new(id, child, [offence], on, type, type == OutcomeTypes.CommunityResolution ? DecidingBody.Police : DecidingBody.JointDecisionPanel, Admitted: admitted);

    /// <summary>Decisions of 2022/23: two outside the matrix (a caution for a first low-level offence, a community resolution
    /// for a second offence), five inside, and three that are not audited (no further action, a court sentence, a decision
    /// whose offence is not in the data).</summary>
    private static Dataset Decisions() => new()
    {
        AsOf = D(2023, 6, 30),
        Children = [.. new[] { "C1", "C2", "C3", "C4", "C5", "C6", "C7", "C8", "C9" }.Select(id => Child(id, area: "E08000026"))],
        Offences =
        [
            Offence("O1", "C1", D(2022, 4, 2), 2), Offence("O2", "C2", D(2022, 5, 2), 2), Offence("O3", "C3", D(2022, 7, 2), 3),
            Offence("O4", "C4", D(2022, 8, 2), 6), Offence("O5a", "C5", D(2022, 4, 20), 1), Offence("O5b", "C5", D(2022, 10, 1), 1),
            Offence("O6", "C6", D(2022, 11, 2), 2), Offence("O7", "C7", D(2022, 12, 2), 2), Offence("O8", "C8", D(2023, 1, 2), 7),
        ],
        Outcomes =
        [
            Decision("R1", "C1", "O1", D(2022, 4, 20), OutcomeTypes.CommunityResolution),
            Decision("R2", "C2", "O2", D(2022, 5, 20), OutcomeTypes.YouthCaution),
            Decision("R3", "C3", "O3", D(2022, 7, 20), OutcomeTypes.EnhancedCommunityResolution),
            Decision("R4", "C4", "O4", D(2022, 8, 20), OutcomeTypes.YouthConditionalCaution),
            Decision("R5a", "C5", "O5a", D(2022, 5, 1), OutcomeTypes.CommunityResolution),
            Decision("R5b", "C5", "O5b", D(2022, 10, 20), OutcomeTypes.CommunityResolution),
            Decision("R6", "C6", "O6", D(2022, 11, 20), OutcomeTypes.Outcome22, admitted: false),
            Decision("R7", "C7", "O7", D(2022, 12, 20), OutcomeTypes.NoFurtherAction),
            new("R8", "C8", ["O8"], D(2023, 2, 1), OutcomeTypes.ReferralOrder, DecidingBody.Court),
            Decision("R9", "C9", "O-missing", D(2023, 2, 1), OutcomeTypes.CommunityResolution),
        ],
    };

    private static System.Collections.Immutable.ImmutableArray<IndicatorResult> Compute(Dataset dataset, ReportingPeriod period) =>
        PluginHost.Registry.Compute(IndicatorContext.For(dataset), new IndicatorQuery([period], [], [], CollectEvidence: true), [Audit]).Results;

    private static IndicatorResult Cell(System.Collections.Immutable.ImmutableArray<IndicatorResult> results, string key) => Assert.Single(results, r => r.Breakdown.ToString() == key);

    [Fact]
    public void Decisions_outside_the_routing_matrix_are_counted_by_outcome_type()
    {
        var results = Compute(Decisions(), ReportingPeriod.FinancialYear(2022));

        var total = Cell(results, "total");
        Assert.Equal(["R2", "R5b"], total.Evidence!.NumeratorIds.ToArray());
        Assert.Equal(["R1", "R2", "R3", "R4", "R5a", "R5b", "R6"], total.Evidence.DenominatorIds.ToArray());
        Assert.Contains("1 routed to JOINT_DECISION_PANEL, 1 routed to POLICE_ONLY_CR", total.Note, StringComparison.Ordinal);
        Assert.Contains("1 left out", total.Note, StringComparison.Ordinal);
        Assert.Equal((1m, (decimal?)3m), (Cell(results, "outcome-type=CR").Numerator, Cell(results, "outcome-type=CR").Denominator));
        Assert.Equal((1m, (decimal?)1m), (Cell(results, "outcome-type=YC").Numerator, Cell(results, "outcome-type=YC").Denominator));
        Assert.Equal((0m, (decimal?)1m), (Cell(results, "outcome-type=O22").Numerator, Cell(results, "outcome-type=O22").Denominator));
        Assert.Equal((0m, (decimal?)1m), (Cell(results, "outcome-type=ECR").Numerator, Cell(results, "outcome-type=ECR").Denominator));
    }

    [Fact]
    public void Each_quarter_of_the_year_has_its_own_audit()
    {
        var results = Compute(Decisions(), ReportingPeriod.FinancialYear(2022));

        Assert.Equal((1m, (decimal?)3m), (Cell(results, "quarter=2022/23 Q1").Numerator, Cell(results, "quarter=2022/23 Q1").Denominator));
        Assert.Equal((0m, (decimal?)2m), (Cell(results, "quarter=2022/23 Q2").Numerator, Cell(results, "quarter=2022/23 Q2").Denominator));
        Assert.Equal((1m, (decimal?)2m), (Cell(results, "quarter=2022/23 Q3").Numerator, Cell(results, "quarter=2022/23 Q3").Denominator));
        Assert.Equal((0m, (decimal?)0m), (Cell(results, "quarter=2022/23 Q4").Numerator, Cell(results, "quarter=2022/23 Q4").Denominator));
        // A quarter asked for on its own is the same audit, without a quarter split.
        var q1 = Compute(Decisions(), ReportingPeriod.FinancialQuarter(2022, 1));
        Assert.Equal(1m, Cell(q1, "total").Numerator);
        Assert.DoesNotContain(q1, r => r.Breakdown.Dimension == "quarter");
    }

    [Fact]
    public void An_earlier_outcome_counts_only_when_it_came_before_the_decision()
    {
        // R5a is the child's first decision: the second offence's outcome comes later and does not make it a second offence.
        var results = Compute(Decisions(), ReportingPeriod.FinancialQuarter(2022, 1));

        Assert.DoesNotContain("R5a", Cell(results, "total").Evidence!.NumeratorIds);
        Assert.Contains("R5a", Cell(results, "total").Evidence!.DenominatorIds);
    }

    [Fact]
    public void The_audit_uses_the_routing_rules_gravity_and_says_it_does_so()
    {
        var definition = PluginHost.Registry.Indicators.Single(i => i.Definition.Id == Audit).Definition;

        Assert.Equal("2", definition.GetString("lowLevelMaxGravity"));
        Assert.Equal("4", definition.GetString("enhancedMaxGravity"));
        Assert.Contains(definition.Sources, s => s.Section.Contains("Threshold Analysis - Out of Court Disposals", StringComparison.Ordinal));
    }
}

using System.Collections.Immutable;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Synthetic;

namespace YouthJustice.Sdk.Synthetic.Tests;

/// <summary>The consistency check the generator's tests rely on must itself catch broken data.</summary>
public class DatasetConsistencyTests
{
    private static readonly Dataset Valid = Declared.Generate(
        new SyntheticOptions { Seed = 1, Areas = [new AreaProfile("E99000901", "Check Authority", 3_000, AreaProfile.Coventry.Ethnicity, 400)], FinancialYears = 1 });

    [Fact]
    public void The_check_passes_a_generated_dataset()
    {
        Assert.Empty(DatasetConsistency.Violations(Valid));
    }

    [Fact]
    public void The_check_reports_an_outcome_dated_before_its_offence()
    {
        var outcome = Valid.Outcomes.First(o => !o.OffenceIds.IsEmpty);
        var offence = Valid.Offences.First(o => o.Id == outcome.OffenceIds[0]);
        var broken = Valid with { Outcomes = [.. Valid.Outcomes.Select(o => o == outcome ? o with { OutcomeDate = offence.CommittedOn.PlusDays(-1) } : o)] };

        Assert.Contains(DatasetConsistency.Violations(broken), v => v.Contains("before its offence", StringComparison.Ordinal));
    }

    [Fact]
    public void The_check_reports_dangling_references_duplicate_ids_and_dates_after_the_as_of_date()
    {
        var child = Valid.Children[0];
        var broken = Valid with
        {
            Children = [.. Valid.Children, child],
            Offences = [.. Valid.Offences, new Offence("X-1", "NOBODY", Valid.AsOf.PlusDays(1), OffenceGroup.Theft, 9)],
            Outcomes = [.. Valid.Outcomes, new Outcome("X-2", child.Id, ImmutableArray.Create("MISSING"), Valid.AsOf, OutcomeTypes.Fine, DecidingBody.Court)],
        };

        var violations = DatasetConsistency.Violations(broken);

        Assert.Contains(violations, v => v.Contains("is not unique", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("unknown child NOBODY", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("after the as-of date", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("gravity 9", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("unknown offence MISSING", StringComparison.Ordinal));
    }

    [Fact]
    public void The_check_reports_an_offence_committed_before_the_age_of_10()
    {
        var offence = Valid.Offences[0];
        var child = Valid.Children.First(c => c.Id == offence.ChildId);
        var broken = Valid with { Children = [.. Valid.Children.Select(c => c == child ? c with { DateOfBirth = offence.CommittedOn.PlusYears(-9) } : c)] };

        Assert.Contains(DatasetConsistency.Violations(broken), v => v.Contains("at age 9", StringComparison.Ordinal));
    }
}

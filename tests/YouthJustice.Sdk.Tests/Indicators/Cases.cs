using System.Collections.Immutable;
using System.Globalization;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.National;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Tests.Indicators;

/// <summary>Builds case-level datasets in code: children, offences and outcomes, and population estimates.</summary>
internal sealed class Cases
{
    public const string Coventry = "E08000026";
    public const string Leicester = "E06000016";

    private readonly List<Child> _children = [];
    private readonly List<Offence> _offences = [];
    private readonly List<Outcome> _outcomes = [];
    private readonly List<PopulationEstimate> _populations = [];
    private readonly List<Area> _areas = [];
    private int _next;

    public static LocalDate D(int year, int month, int day) => new(year, month, day);

    public Cases WithArea(string code)
    {
        _areas.Add(new Area(code, code));
        return this;
    }

    public string Child(LocalDate dateOfBirth, Sex sex = Sex.Male, EthnicityCategory? ethnicity = null, string area = Coventry, string? id = null)
    {
        id ??= "C" + (++_next).ToString("D5", CultureInfo.InvariantCulture);
        _children.Add(new Child(id, dateOfBirth, sex, ethnicity ?? EthnicityCategory.WhiteBritish, area));
        return id;
    }

    /// <summary>A child aged 15 on 1 January 2020 (so 10-17 throughout 2015-2022).</summary>
    public string Teen(Sex sex = Sex.Male, EthnicityCategory? ethnicity = null, string area = Coventry) =>
        Child(D(2004, 6, 1), sex, ethnicity, area);

    public string Offence(string child, LocalDate committedOn, OffenceGroup group = OffenceGroup.Theft, int gravity = 3)
    {
        var id = "F" + (++_next).ToString("D5", CultureInfo.InvariantCulture);
        _offences.Add(new Offence(id, child, committedOn, group, gravity));
        return id;
    }

    public string Outcome(string child, LocalDate date, OutcomeType type, IEnumerable<string> offenceIds, bool resentenced = false,
        LocalDate? releaseDate = null, LocalDate? endDate = null)
    {
        var id = "O" + (++_next).ToString("D5", CultureInfo.InvariantCulture);
        _outcomes.Add(new Outcome(id, child, [.. offenceIds], date, type,
            type.IsCourt || type.Category is OutcomeCategory.Breach or OutcomeCategory.Remand ? DecidingBody.Court : DecidingBody.Police,
            Resentenced: resentenced, ReleaseDate: releaseDate, EndDate: endDate));
        return id;
    }

    /// <summary>One offence committed on <paramref name="committedOn"/> disposed of by one outcome; returns the offence id.</summary>
    public string Proven(string child, LocalDate committedOn, LocalDate outcomeDate, OutcomeType type, bool resentenced = false,
        LocalDate? releaseDate = null, OffenceGroup group = OffenceGroup.Theft, int gravity = 3)
    {
        var offence = Offence(child, committedOn, group, gravity);
        Outcome(child, outcomeDate, type, [offence], resentenced, releaseDate);
        return offence;
    }

    /// <summary>All-persons estimates for ages 10-17 adding up to <paramref name="total"/> (the remainder at age 10).</summary>
    public Cases Population(int year, int total, string area = Coventry)
    {
        for (var age = 10; age <= 17; age++)
        {
            _populations.Add(new PopulationEstimate(area, year, age, null, null, (total / 8) + (age == 10 ? total % 8 : 0)));
        }
        return this;
    }

    public Cases PopulationRow(PopulationEstimate row)
    {
        _populations.Add(row);
        return this;
    }

    public Dataset Build(LocalDate asOf) => new()
    {
        AsOf = asOf,
        Areas = [.. _areas],
        Children = [.. _children],
        Offences = [.. _offences],
        Outcomes = [.. _outcomes],
        Populations = [.. _populations],
    };
}

internal static class Run
{
    public static IReadOnlyList<IndicatorResult> All(IIndicator indicator, Dataset dataset, ReportingPeriod period, string area = Cases.Coventry, params string[] breakdowns) =>
        indicator.Compute(IndicatorContext.For(dataset), new IndicatorQuery([period], [area], [.. breakdowns]));

    public static IndicatorResult Total(IIndicator indicator, Dataset dataset, ReportingPeriod period, string area = Cases.Coventry) =>
        All(indicator, dataset, period, area).Single(r => r.Breakdown.IsTotal);

    public static IndicatorResult Total(string id, Dataset dataset, ReportingPeriod period, string area = Cases.Coventry) =>
        Total(NationalIndicators.Create(NationalIndicators.Get(id)), dataset, period, area);

    public static IndicatorResult Row(IIndicator indicator, Dataset dataset, ReportingPeriod period, string dimension, string value, string area = Cases.Coventry) =>
        All(indicator, dataset, period, area, dimension).Single(r => r.Breakdown == new BreakdownKey(dimension, value));
}

using System.Text.RegularExpressions;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.National;
using YouthJustice.Sdk.Kpis;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Hosting;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Tests.Indicators;

/// <summary>The national and KPI definition files: complete, cited to publications or project decisions, and round-tripping.</summary>
public partial class DefinitionFileTests
{
    private static readonly System.Reflection.Assembly Core = typeof(NationalIndicators).Assembly;

    /// <summary>Working notes (seed files, line numbers, the internal brief) are never a citation.</summary>
    // Written so this file does not match itself: [ ] is a space, [.] a dot.
    [GeneratedRegex("s[e]ed[ _-]?0[0-9]{2}|domain[.]md|domain[ ]brief|\\bL[0-9]{2,}", RegexOptions.IgnoreCase)]
    private static partial Regex NotACitation();

    /// <summary>What is wrong with a definition as a published methodology (empty when nothing is).</summary>
    internal static IEnumerable<string> Problems(IndicatorDefinition d)
    {
        if (d.Sources.IsDefaultOrEmpty)
        {
            yield return $"{d.Id}: no citation";
            yield break;
        }
        if (string.IsNullOrWhiteSpace(d.Family))
        {
            yield return $"{d.Id}: no family";
        }
        if (d.EffectiveFrom is null)
        {
            yield return $"{d.Id}: no effectiveFrom";
        }
        foreach (var key in d.Parameters.Keys.Where(k => !IndicatorDefinitions.IsCamelCase(k)))
        {
            yield return $"{d.Id}: parameter '{key}' is not camelCase";
        }
        foreach (var s in d.Sources)
        {
            foreach (var p in s.Problems())
            {
                yield return $"{d.Id}: citation '{s}': {p}";
            }
            var text = string.Join(" | ", s.Publisher, s.Title, s.Year, s.Section, s.Url, s.Reason);
            if (NotACitation().IsMatch(text))
            {
                yield return $"{d.Id}: citation '{s}' cites working notes, not a publication";
            }
        }
        if (NotACitation().IsMatch(d.Description))
        {
            yield return $"{d.Id}: the description cites working notes";
        }
    }

    [Fact]
    public void Every_national_and_kpi_definition_is_cited_to_a_publication_or_a_project_decision_has_a_family_and_camel_case_parameters()
    {
        var all = NationalIndicators.Definitions.Concat(KeyPerformanceIndicators.Definitions).ToList();

        Assert.Equal(38, all.Count);
        Assert.Empty(all.SelectMany(Problems));
        Assert.All(KeyPerformanceIndicators.Definitions, d => Assert.Equal("yjb-kpis", d.Family));
        Assert.Equal(
            ["custody-and-remand", "disproportionality", "first-time-entrants", "profiles", "reoffending"],
            NationalIndicators.Definitions.Select(d => d.Family).Distinct().Order(StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void Every_embedded_definition_file_round_trips_and_is_in_a_catalogue()
    {
        var files = IndicatorDefinitions.LoadEmbedded(Core);

        // 27 national, 11 KPI, 19 local measure and 8 plan input definitions.
        Assert.Equal(65, files.Count);
        foreach (var (id, definition) in files)
        {
            var json = IndicatorDefinitions.Write(definition);
            var back = IndicatorDefinitions.Read(json, id);
            Assert.Equal(definition, back);
            Assert.Equal(json, IndicatorDefinitions.Write(back));
        }
        Assert.Equal(files.Keys.Order(StringComparer.Ordinal),
            NationalIndicators.Definitions.Concat(KeyPerformanceIndicators.Definitions).Concat(Sdk.PlanMeasures.LocalMeasures.Definitions)
                .Concat(Plans.PlanIndicators.Definitions).Select(d => d.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void What_used_to_sit_in_citation_text_is_structured_data()
    {
        var moj = NationalIndicators.ReoffendingBinary;

        Assert.Equal(new NodaTime.LocalDate(2017, 10, 26), moj.EffectiveFrom);
        Assert.Null(moj.EffectiveTo);
        Assert.Equal("3", moj.GetString(NationalParameters.CohortMonths));
        Assert.Equal("Ministry of Justice, Guide to proven reoffending statistics (2019), " + moj.Source.Section, moj.Source.ToString());
        Assert.Contains(moj.Sources, s => s.Kind == CitationKind.ProjectDecision && s.Title.Contains("month end", StringComparison.Ordinal));
        // The live tracker is the YJB toolkit's, as Coventry and Leicester use it: the toolkit first, then the two plans.
        Assert.Equal(["Youth Justice Board", "Coventry Youth Justice Service", "Leicester City Council"],
            NationalIndicators.TrackerBinary.Sources.Where(s => s.Kind == CitationKind.Publication).Select(s => s.Publisher).Take(3).ToArray());
        Assert.Equal(new NodaTime.LocalDate(2023, 4, 1), KeyPerformanceIndicators.Accommodation.EffectiveFrom);
    }

    [Fact]
    public void The_outcome_code_constants_are_what_the_definition_files_say()
    {
        Assert.Equal(NationalIndicators.StatutoryOutcomeCodes, NationalIndicators.FirstTimeEntrantsRate.GetString(NationalParameters.QualifyingOutcomeTypes));
        Assert.Equal(NationalIndicators.CustodialOutcomeCodes, NationalIndicators.CustodyRate.GetString(NationalParameters.CustodialOutcomeTypes));
    }

    private const string Minimal = """
        {
          "id": "test-rate", "version": 1, "name": "Test", "description": "A test.", "family": "tests",
          "unit": "%", "multiplier": 100, "direction": "higherIsBetter", "displayDecimals": 1,
          "effectiveFrom": "2023-04-01",
          "parameters": { "followUpMonths": 12, "strict": true },
          "sources": [ { "kind": "publication", "publisher": "Youth Justice Board", "title": "A guide", "year": "2023", "section": "KPI 1" } ]
        }
        """;

    [Fact]
    public void A_minimal_file_reads_with_numbers_and_booleans_as_invariant_text()
    {
        var d = IndicatorDefinitions.Read(Minimal, "test.indicator.json");

        Assert.Equal(("12", "true"), (d.GetString("followUpMonths"), d.GetString("strict")));
        Assert.Equal(Direction.HigherIsBetter, d.Direction);
        Assert.Equal("Youth Justice Board, A guide (2023), KPI 1", d.Source.ToString());
        Assert.Equal(new MethodologyRef("test-rate", 1), d.Ref);
    }

    [Theory]
    [InlineData("\"family\": \"tests\",", "", "family")]
    [InlineData("\"effectiveFrom\": \"2023-04-01\"", "\"effectiveFrom\": \"1 April 2023\"", "effectiveFrom")]
    [InlineData("\"followUpMonths\"", "\"follow-up-months\"", "parameters.follow-up-months")]
    [InlineData("\"year\": \"2023\",", "", "sources[0].year")]
    [InlineData("\"direction\": \"higherIsBetter\"", "\"direction\": \"up\"", "direction")]
    [InlineData("\"multiplier\": 100", "\"multiplier\": \"100\"", "multiplier")]
    [InlineData("\"unit\": \"%\",", "\"unit\": \"%\", \"units\": \"%\",", "units")]
    [InlineData("\"kind\": \"publication\"", "\"kind\": \"blog\"", "sources[0].kind")]
    public void A_malformed_file_is_reported_with_the_resource_and_the_field(string from, string to, string field)
    {
        var ex = Assert.Throws<DefinitionFormatException>(() => IndicatorDefinitions.Read(Minimal.Replace(from, to, StringComparison.Ordinal), "bad.indicator.json"));

        Assert.Equal(("bad.indicator.json", field), (ex.DefinitionSource, ex.Field));
        Assert.StartsWith("bad.indicator.json: field '" + field + "'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_project_decision_needs_a_reason_and_a_file_needs_a_source()
    {
        var noReason = Minimal.Replace("""{ "kind": "publication", "publisher": "Youth Justice Board", "title": "A guide", "year": "2023", "section": "KPI 1" }""",
            """{ "kind": "projectDecision", "title": "Local choice" }""", StringComparison.Ordinal);
        var noSources = Minimal.Replace("""{ "kind": "publication", "publisher": "Youth Justice Board", "title": "A guide", "year": "2023", "section": "KPI 1" }""", "", StringComparison.Ordinal);

        Assert.Equal("sources[0]", Assert.Throws<DefinitionFormatException>(() => IndicatorDefinitions.Read(noReason, "x")).Field);
        Assert.Equal("sources", Assert.Throws<DefinitionFormatException>(() => IndicatorDefinitions.Read(noSources, "x")).Field);
    }

    [Fact]
    public void A_changed_definition_keeps_its_version_and_is_identified_by_its_changes_not_their_order()
    {
        var national = NationalIndicators.TrackerBinary;
        var a = national.WithParameter(NationalParameters.WaitingPeriodMonths, "3").WithParameter(NationalParameters.FollowUpMonths, "18");
        var b = national.WithParameter(NationalParameters.FollowUpMonths, "18").WithParameter(NationalParameters.WaitingPeriodMonths, "3");

        Assert.Equal(a, b);
        Assert.Equal(a.Ref, b.Ref);
        Assert.Equal("tracker-binary v1+followUpMonths=18+waitingPeriodMonths=3", a.Ref.ToString());
        // A second local edit of the same parameter replaces the first; setting the file's value again is no change.
        Assert.Equal("tracker-binary v1+waitingPeriodMonths=6", national.WithParameter(NationalParameters.WaitingPeriodMonths, "3").WithParameter(NationalParameters.WaitingPeriodMonths, "6").Ref.ToString());
        Assert.Same(national, national.WithParameter(NationalParameters.WaitingPeriodMonths, "0"));
        // A changed definition round-trips with its record of changes.
        Assert.Equal(a, NationalIndicators.FromJson(NationalIndicators.ToJson(a)));
    }

    [Fact]
    public void Two_declared_overrides_of_the_same_parameter_conflict_in_either_order()
    {
        var three = DefinitionOverride.SetParameter("waiting-3", NationalIndicatorIds.TrackerBinary, "Three months.", NationalParameters.WaitingPeriodMonths, "3").WithDeclaredBy("one");
        var six = DefinitionOverride.SetParameter("waiting-6", NationalIndicatorIds.TrackerBinary, "Six months.", NationalParameters.WaitingPeriodMonths, "6").WithDeclaredBy("two");

        Assert.Equal(["waitingPeriodMonths"], three.ConflictingFields(six));
        Assert.Throws<InvalidOperationException>(() => three.ApplyTo(six.ApplyTo(NationalIndicators.TrackerBinary)));
        Assert.Throws<InvalidOperationException>(() => six.ApplyTo(three.ApplyTo(NationalIndicators.TrackerBinary)));
        var applied = three.ApplyTo(NationalIndicators.TrackerBinary);
        Assert.Equal(("one/waiting-3", "one"), (applied.Variant, applied.AppliedOverrides.Single().DeclaredBy));
        Assert.Same(applied, three.ApplyTo(applied));
    }
}

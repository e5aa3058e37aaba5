using System.Collections.Immutable;
using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Plugins;

namespace YouthJustice.Plugins.Warwickshire;

/// <summary>
/// Warwickshire's enriched case management (ECM): trauma-informed supervision of children with high adverse childhood
/// experiences, with a team around the child, parents included in the assessment where a child has ACEs, and parents'
/// views gathered to evaluate it (Warwickshire County Council, <i>Warwickshire Youth Justice Service Strategic Plan 2018/19</i>,
/// section 2; eligibility from the related pathway in Coventry Youth Offending Service's <i>2020/21 Contingency and Recovery
/// Youth Justice Plan</i>, section "Adverse Childhood Experiences (ACEs), the Enhanced Case Management Pathway (ECMP)").
/// </summary>
public sealed class WarwickshirePlugin : IYouthJusticePlugin
{
    public const string Id = "warwickshire-ecm";

    public static readonly ProgrammeKind EnrichedCaseManagement = new("WARWICKSHIRE_ECM", "Enriched case management (Warwickshire)",
        ["Enriched Case Management", "WYJS ECM"], isLocal: true);

    /// <summary>The programme codes counted as enriched case management by default: the local code and, in
    /// Warwickshire's data, the national <c>ECM</c> kind (national extracts and generated data record it so). The setting
    /// <c>programmes</c> (comma-separated) replaces the list.</summary>
    public static IReadOnlyList<string> Programmes { get; } = [EnrichedCaseManagement.Code, ProgrammeKinds.EnrichedCaseManagement.Code];

    /// <summary>The assessment kind of the ECM assessment (as in national extracts and generated data).</summary>
    public const string EcmAssessmentKind = "ECM";


    /// <summary>State codes recorded as pathway events.</summary>
    public static class States
    {
        /// <summary>Referred (records that include the referral step start here; others start at the assessment).</summary>
        public const string Referred = "REFERRED";
        public const string Assessment = "ECM_ASSESSMENT";
        public const string TeamAroundTheChild = "TAC_MEETING";
        public const string ParentingWork = "PARENTING_WORK";
        public const string ParentFeedback = "PARENT_FEEDBACK";
        public const string Closed = "CLOSED";
        public const string EvaluationFeedback = "EVALUATION_FEEDBACK";
    }

    /// <summary>Referral (where recorded) → ECM assessment (with the parent where the child has ACEs) → team-around-the-child meetings, trauma-informed
    /// parenting work and parent feedback, in any order and repeated → closure → parents' views for the evaluation (the
    /// Strategic Plan 2018/19, section 2(iii), Improve outcomes for parents and families).</summary>
    public static ProgrammePathway Pathway { get; } = BuildPathway();

    private static ProgrammePathway BuildPathway()
    {
        var working = new[] { States.TeamAroundTheChild, States.ParentingWork, States.ParentFeedback, States.Closed };
        return ProgrammePathway.For(EnrichedCaseManagement.Code)
            .State(States.Referred, "Referred to ECM (by the case manager)", initial: true)
            .State(States.Assessment, "ECM assessment", initial: true)
            .State(States.TeamAroundTheChild, "Team-around-the-child meeting")
            .State(States.ParentingWork, "Trauma-informed parenting work")
            .State(States.ParentFeedback, "Parent or carer feedback")
            .State(States.Closed, "Closed")
            .State(States.EvaluationFeedback, "Parent or carer views for the evaluation", final: true)
            .Step(States.Referred, States.Assessment, States.Closed)
            .Step(States.Assessment, working)
            .Step(States.TeamAroundTheChild, working)
            .Step(States.ParentingWork, working)
            .Step(States.ParentFeedback, working)
            .Step(States.Closed, States.EvaluationFeedback)
            .RecordedAs(ProgrammeKinds.EnrichedCaseManagement.Code)
            .Route("CASE_MANAGER", ReferralSource.CaseManager, "THREE_OFFENCES_COMPLEX")
            // A typical episode, for the synthetic data generator: the ECM assessment (with a parent where the child has
            // ACEs), team-around-the-child meetings every four to eight weeks, a parent's score out of 5, closure. The work
            // has no start step: the start is the episode's start date.
            .Typically(ProgrammeKinds.EnrichedCaseManagement.Code, t => t
                .Step(States.Assessment, 5, 21, assessment: new TypicalAssessment(EcmAssessmentKind, 0.9, ParentOnlyWithAces: true))
                .Intervention(null, 3, 14, 0.8, (120, 300), (120, 300))
                .Repeat(States.TeamAroundTheChild, (7, 28), (28, 56))
                .Score(States.ParentFeedback, 0.7, 14, 2, 4, 14, 40, 40)
                .Closure(States.Closed)
                .ObservesStatus())
            .Build();
    }

    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        var settings = registrar.Settings;
        var criteria = EcmEligibilityCriteria.FromSettings(settings);
        var programmes = ProgrammeCodes.FromSettings(settings, "programmes", EnrichedCaseManagement, ProgrammeKinds.EnrichedCaseManagement);
        var rule = new EcmEligibilityRule(criteria, programmes);
        registrar.AddProgramme(EnrichedCaseManagement, Pathway);
        // The criteria in force, for services that need them (e.g. a host screen listing who is eligible and why).
        registrar.Services.AddSingleton(criteria);
        registrar.AddEligibilityRule(rule);

        var authority = registrar.Manifest.AuthorityCode;
        // The definition files hold the defaults; each setting given applies on top as the parameter's value.
        IndicatorDefinition Programmes(IndicatorDefinition d) => d.WithSetting(Id, "programmes", ProgrammeCodes.Parameter, ProgrammeCodes.Format(programmes));
        var eligibleEnrolled = Programmes(PluginDefinitions.Get<WarwickshirePlugin>(EcmIds.EligibleEnrolled))
            .WithSetting(Id, "eligibility.minimumOffences", "minimumOffences", Text(criteria.MinimumOffences))
            .WithSetting(Id, "eligibility.windowMonths", "windowMonths", Text(criteria.WindowMonths))
            .WithSetting(Id, "eligibility.complexityFlags", "complexityFlags", string.Join(",", criteria.ComplexityFlags))
            .WithSetting(Id, "eligibility.multipleAcesThreshold", "multipleAcesThreshold", Text(criteria.MultipleAcesThreshold))
            .WithSetting(Id, "eligibility.requireCurrentIntervention", "requireCurrentIntervention", criteria.RequireCurrentIntervention ? "true" : "false");
        var reoffending = Programmes(PluginDefinitions.Get<WarwickshirePlugin>(EcmIds.Reoffending))
            .WithSetting(Id, "reoffending.followUpMonths", "followUpMonths", Text(settings.GetIntSetting("reoffending.followUpMonths", 12)));
        var indicators = new List<IIndicator>
        {
            new EligibleEnrolledIndicator(rule, eligibleEnrolled, authority),
            new ParentIncludedIndicator(Programmes(PluginDefinitions.Get<WarwickshirePlugin>(EcmIds.ParentIncluded)), authority),
            new ReoffendingIndicator(rule, reoffending, authority),
            new SroiIndicator(SroiIndicator.DefinitionFrom(settings, Programmes), authority),
        };
        foreach (var indicator in indicators)
        {
            registrar.AddIndicator(indicator);
        }
        registrar.AddValidationRule(AuthorityScope.Rule(new ParentInclusionRule(), authority));
        registrar.AddValidationRule(AuthorityScope.Rule(new EcmRecordsRule(programmes), authority));
        registrar.AddReportSection(new EcmSection(indicators));
    }

    internal static string Text(int n) => n.ToString(CultureInfo.InvariantCulture);
}

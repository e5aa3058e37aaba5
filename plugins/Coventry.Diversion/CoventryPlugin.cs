using NodaTime;
using NodaTime.Text;
using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Plugins;

namespace YouthJustice.Plugins.Coventry;

/// <summary>
/// Coventry's diversion model (Coventry Youth Justice Service, <i>Coventry's Youth Justice Strategy and Plan 2021-23 (Update 2022)</i>, sections 7 and 8;
/// HM Inspectorate of Probation, <i>An inspection of youth offending services in Coventry</i>, February 2023; Coventry Youth
/// Offending Service, <i>2020/21 Contingency and Recovery Youth Justice Plan</i>): the diversion pathway for children arrested where
/// the police take no further action, the youth worker offer after a first police-only community resolution, the
/// out-of-court routing rule, and the measures the inspectorate asked for (recommendation 4).
/// </summary>
public sealed class CoventryPlugin : IYouthJusticePlugin
{
    public const string Id = "coventry-diversion";

    /// <summary>The diversion pathway: police referral after NFA, voluntary and with consent (Coventry Youth Justice Plan 2021-23, section 6, Resources and services; section 7, priority 6, Promoting Prevention and Diversion).</summary>
    public static readonly ProgrammeKind Diversion = new("COVENTRY_DIVERSION", "Diversion pathway (Coventry)",
        ["Diversion Project", "Diversion Offer", "Diversion Pathway"], isLocal: true);

    /// <summary>The Early Help youth worker offer after a first police-only community resolution (Coventry Youth Justice Plan 2021-23, section 5, Governance, leadership and partnership arrangements; section 7, priority 6, Promoting Prevention and Diversion).</summary>
    public static readonly ProgrammeKind YouthWorkerOffer = new("COVENTRY_YOUTH_WORKER", "Youth worker offer after a first police-only community resolution (Coventry)",
        ["Youth Worker offer"], isLocal: true);

    /// <summary>The programme codes counted as the diversion pathway by default: the local code and, in Coventry's data,
    /// the national <c>DIVERSION</c> kind (national extracts and generated data record the pathway as <c>DIVERSION</c>).
    /// The setting <c>diversion.programmes</c> (comma-separated) replaces the list.</summary>
    public static IReadOnlyList<string> DiversionProgrammes { get; } = [Diversion.Code, ProgrammeKinds.Diversion.Code];

    /// <summary>The programme codes counted as the youth worker offer by default: the local code only. The offer has no
    /// national kind, and an <c>EARLY_INTERVENTION</c> episode after a first police-only community resolution is early
    /// intervention (its own pathway), not this offer. The setting <c>youthWorker.programmes</c> replaces the list.</summary>
    public static IReadOnlyList<string> YouthWorkerProgrammes { get; } = [YouthWorkerOffer.Code];


    /// <summary>State codes of the diversion pathway.</summary>
    public static class DiversionStates
    {
        /// <summary>Referred (by the police after no further action: the route is <c>POLICE</c>).</summary>
        public const string Referred = "REFERRED";
        public const string ConsentSought = "CONSENT_SOUGHT";
        public const string Declined = "DECLINED";
        public const string Assessment = "ASSESSMENT";
        public const string HealthReferral = "HEALTH_REFERRAL";
        public const string SeniorPractitionerQa = "SENIOR_PRACTITIONER_QA";
        /// <summary>The voluntary intervention: the shared <c>INTERVENTION</c> state (one spelling across the plugins and the
        /// generator; Coventry's intervention is voluntary, Coventry Youth Justice Plan 2021-23, section 7, priority 6, Promoting Prevention and Diversion).</summary>
        public const string VoluntaryIntervention = "INTERVENTION";
        public const string Closed = "CLOSED";
        public const string FollowUp6Months = "FOLLOW_UP_6M";
        public const string FollowUp12Months = "FOLLOW_UP_12M";
    }

    /// <summary>
    /// Referral (by the police) → consent sought → declined (final), or assessment with a health referral for every child and
    /// quality assurance by a senior practitioner (both before any intervention) → voluntary intervention → closure →
    /// follow-up at 6 and 12 months (Coventry Youth Justice Plan 2021-23, section 7, priority 6, Promoting Prevention and Diversion; section 8, Health Profile; section 9, National standards; section 12, Evidence-based practice and innovation).
    /// </summary>
    public static ProgrammePathway DiversionPathway { get; } = ProgrammePathway.For(Diversion.Code)
        .State(DiversionStates.Referred, "Referred by the police after no further action", initial: true)
        .State(DiversionStates.ConsentSought, "Consent sought")
        .State(DiversionStates.Declined, "Declined (no consent)", final: true)
        .State(DiversionStates.Assessment, "Assessment")
        .State(DiversionStates.HealthReferral, "Referred to the YJS health team")
        .State(DiversionStates.SeniorPractitionerQa, "Quality assured by a senior practitioner")
        .State(DiversionStates.VoluntaryIntervention, "Voluntary intervention")
        .State(DiversionStates.Closed, "Closed")
        .State(DiversionStates.FollowUp6Months, "Follow-up for re-arrest and first time entry at 6 months")
        .State(DiversionStates.FollowUp12Months, "Follow-up for re-arrest and first time entry at 12 months", final: true)
        .Step(DiversionStates.Referred, DiversionStates.ConsentSought)
        .Step(DiversionStates.ConsentSought, DiversionStates.Declined, DiversionStates.Assessment)
        .Step(DiversionStates.Assessment, DiversionStates.HealthReferral, DiversionStates.SeniorPractitionerQa, DiversionStates.Closed)
        .Step(DiversionStates.HealthReferral, DiversionStates.SeniorPractitionerQa, DiversionStates.VoluntaryIntervention, DiversionStates.Closed)
        .Step(DiversionStates.SeniorPractitionerQa, DiversionStates.HealthReferral, DiversionStates.VoluntaryIntervention, DiversionStates.Closed)
        .Step(DiversionStates.VoluntaryIntervention, DiversionStates.VoluntaryIntervention, DiversionStates.Closed)
        .Step(DiversionStates.Closed, DiversionStates.FollowUp6Months)
        .Step(DiversionStates.FollowUp6Months, DiversionStates.FollowUp12Months)
        .Requires(DiversionStates.VoluntaryIntervention, DiversionStates.ConsentSought, DiversionStates.HealthReferral, DiversionStates.SeniorPractitionerQa)
        .RecordedAs(ProgrammeKinds.Diversion.Code)
        .Route("POLICE", ReferralSource.Police, "NFA")
        // A typical episode, for the synthetic data generator: consent within a fortnight of referral (about four in five
        // consent), then the assessment, the health referral and the senior practitioner's QA before the intervention.
        .Typically(ProgrammeKinds.Diversion.Code, t => t
            .Step(DiversionStates.ConsentSought, 1, 7)
            .Consent(0, 7, 0.78, DiversionStates.Declined)
            .Step(DiversionStates.Assessment, 3, 21, assessment: new TypicalAssessment("PREVENTION", 0.5))
            .Step(DiversionStates.HealthReferral, 0, 7)
            .Step(DiversionStates.SeniorPractitionerQa, 1, 10, after: DiversionStates.Assessment)
            .Intervention(DiversionStates.VoluntaryIntervention, 0, 7, 0.85, (42, 120), (14, 60))
            .Closure(DiversionStates.Closed)
            .FollowUp(DiversionStates.FollowUp6Months, 6)
            .FollowUp(DiversionStates.FollowUp12Months, 12))
        .Build();

    /// <summary>Offered → engaged or not engaged → completed (Coventry Youth Justice Plan 2021-23, section 7, priority 6, Promoting Prevention and Diversion; section 12, Evidence-based practice and innovation).</summary>
    public static ProgrammePathway YouthWorkerPathway { get; } = ProgrammePathway.For(YouthWorkerOffer.Code)
        .State("OFFERED", "Offered", initial: true)
        .State("ENGAGED", "Engaged")
        .State("NOT_ENGAGED", "Not engaged", final: true)
        .State("COMPLETED", "Completed", final: true)
        .Step("OFFERED", "ENGAGED", "NOT_ENGAGED")
        .Step("ENGAGED", "COMPLETED", "NOT_ENGAGED")
        .Build();

    public void Register(IPluginRegistrar registrar)
    {
        ArgumentNullException.ThrowIfNull(registrar);
        var settings = registrar.Settings;
        var authority = registrar.Manifest.AuthorityCode;
        registrar.AddProgramme(Diversion, DiversionPathway);
        registrar.AddProgramme(YouthWorkerOffer, YouthWorkerPathway);

        var routing = new OutOfCourtRouting(
            settings.GetIntSetting("routing.lowLevelMaxGravity", 2),
            settings.GetIntSetting("routing.enhancedMaxGravity", 4));
        registrar.AddEligibilityRule(new DiversionEligibilityRule(settings.GetIntSetting("diversion.nfaWindowMonths", 3)));
        registrar.AddEligibilityRule(new YouthWorkerOfferRule(routing.LowLevelMaxGravity));
        registrar.AddEligibilityRule(routing);

        var changeDate = LocalDatePattern.Iso.Parse(settings.GetSetting("disproportionality.changeDate", "2022-04-01")).GetValueOrThrow();
        var diversionCodes = ProgrammeCodes.FromSettings(settings, "diversion.programmes", Diversion, ProgrammeKinds.Diversion);
        var youthWorkerCodes = ProgrammeCodes.FromSettings(settings, "youthWorker.programmes", YouthWorkerOffer);
        var referencePopulation = settings.GetSetting("referrals.referencePopulation", "secondary-school-census");
        // The definition files hold the defaults; each setting given applies on top as the parameter's value.
        IndicatorDefinition Configure(IndicatorDefinition d)
        {
            if (d.HasParameter(ProgrammeCodes.Parameter))
            {
                d = CoventryIndicators.IsYouthWorker(d)
                    ? d.WithSetting(Id, "youthWorker.programmes", ProgrammeCodes.Parameter, ProgrammeCodes.Format(youthWorkerCodes))
                    : d.WithSetting(Id, "diversion.programmes", ProgrammeCodes.Parameter, ProgrammeCodes.Format(diversionCodes));
            }
            if (d.HasParameter("referencePopulation"))
            {
                d = d.WithSetting(Id, "referrals.referencePopulation", "referencePopulation", referencePopulation);
            }
            if (d.HasParameter("lowLevelMaxGravity"))
            {
                d = d.WithSetting(Id, "routing.lowLevelMaxGravity", "lowLevelMaxGravity", routing.LowLevelMaxGravity.ToString(System.Globalization.CultureInfo.InvariantCulture))
                    .WithSetting(Id, "routing.enhancedMaxGravity", "enhancedMaxGravity", routing.EnhancedMaxGravity.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
            if (d.HasParameter("changeDate"))
            {
                d = d.WithSetting(Id, "disproportionality.changeDate", "changeDate", LocalDatePattern.Iso.Format(changeDate));
            }
            return d;
        }
        var indicators = CoventryIndicators.Create(authority, Configure);
        foreach (var indicator in indicators)
        {
            registrar.AddIndicator(indicator);
        }
        registrar.AddValidationRule(AuthorityScope.Rule(new ConsentValidationRule(diversionCodes), authority));
        registrar.AddValidationRule(AuthorityScope.Rule(new HealthReferralValidationRule(diversionCodes), authority));
        registrar.AddReportSection(new DiversionSummarySection(indicators));
    }

    internal static LocalDate Parse(string iso) => LocalDatePattern.Iso.Parse(iso).GetValueOrThrow();
}

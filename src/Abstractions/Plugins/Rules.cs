using System.Collections.Immutable;
using NodaTime;
using YouthJustice.Sdk.Domain;

namespace YouthJustice.Sdk.Plugins;

/// <summary>The data an eligibility rule decides from.</summary>
/// <param name="Dataset">The dataset the child belongs to.</param>
/// <param name="AsOf">The date the decision is for (only records on or before it are considered).</param>
/// <param name="Services">Services, if any: for a plugin's rule its own services with the host's behind them, otherwise the host's.</param>
public sealed record EligibilityContext(Dataset Dataset, LocalDate AsOf, IServiceProvider? Services = null);

/// <summary>The outcome of an eligibility rule for one child on one date, with the reasons.</summary>
/// <param name="IsEligible">Whether the child is eligible.</param>
/// <param name="Reasons">Why, in plain words (each criterion met or failed).</param>
/// <param name="Outcome">For a rule that chooses among options (e.g. an out-of-court route), the option chosen.</param>
public sealed record EligibilityDecision(bool IsEligible, ImmutableArray<string> Reasons, string? Outcome = null)
{
    /// <summary>An eligible decision.</summary>
    public static EligibilityDecision Eligible(params string[] reasons) => new(true, [.. reasons]);

    /// <summary>A decision that the child is not eligible.</summary>
    public static EligibilityDecision NotEligible(params string[] reasons) => new(false, [.. reasons]);
}

/// <summary>Decides whether a child is eligible for something (a programme, a route) as at a date, with reasons.</summary>
/// <remarks>Implementations must be thread-safe and must not read the system clock: the date is <see cref="EligibilityContext.AsOf"/>.</remarks>
public interface IEligibilityRule
{
    /// <summary>The rule's id, prefixed by the plugin id, e.g. <c>leicester-early-intervention.eligibility</c>.</summary>
    string Id { get; }

    /// <summary>The display name.</summary>
    string Name { get; }

    /// <summary>The programme the rule decides entry to, if any.</summary>
    ProgrammeKind? Programme { get; }

    /// <summary>Decides for <paramref name="child"/>.</summary>
    EligibilityDecision Decide(Child child, EligibilityContext context);
}

/// <summary>How serious a validation finding is.</summary>
public enum FindingSeverity
{
    /// <summary>Worth a look; the record is still used.</summary>
    Warning = 0,
    /// <summary>The record breaks a rule; figures that use it may be wrong.</summary>
    Error = 1,
}

/// <summary>A problem a validation rule found in a record.</summary>
/// <param name="RuleId">The rule that found it.</param>
/// <param name="RecordKind">What kind of record: one of <see cref="RecordKinds"/>, e.g. <see cref="RecordKinds.Episode"/>.</param>
/// <param name="RecordId">The record's name as <see cref="RecordKinds"/> defines it: its id, or for a pathway event
/// <c>episode-id#n</c> (<see cref="RecordKinds.PathwayEventId"/>), or for another record without an id its position
/// <c>#n</c>. <see cref="RecordKinds.IdsOf"/> gives every record's name.</param>
/// <param name="Field">The field at fault, if one.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Severity">How serious it is. On import, an <see cref="FindingSeverity.Error"/> rejects the record; a
/// <see cref="FindingSeverity.Warning"/> is reported and rejects nothing.</param>
public sealed record ValidationFinding(string RuleId, string RecordKind, string RecordId, string? Field, string Message, FindingSeverity Severity = FindingSeverity.Error);

/// <summary>A check a plugin runs over its own data (e.g. routes it knows, consent before intervention).</summary>
/// <remarks>
/// <para>The registry runs it on demand (<c>IYouthJusticeRegistry.Validate</c>) and the importer runs it on every import
/// whose <c>ImportOptions.ValidationRules</c> hold it, after the row rules. On import, a finding that names a record kind
/// or id the dataset does not have is reported as an error of the rule, and a rule that throws is reported by its id and
/// not applied.</para>
/// <para>Implementations must be thread-safe and should return findings for bad data rather than throw.</para>
/// </remarks>
public interface IValidationRule
{
    /// <summary>The rule's id, prefixed by the plugin id.</summary>
    string Id { get; }

    /// <summary>What the rule checks, in a sentence.</summary>
    string Description { get; }

    /// <summary>Checks the dataset.</summary>
    IEnumerable<ValidationFinding> Validate(Dataset dataset);
}

using YouthJustice.Sdk.Internal;

namespace YouthJustice.Sdk.Domain;

/// <summary>
/// A type of outcome on the outcome ladder, with the properties the national counting rules read.
/// The national types are in <see cref="OutcomeTypes"/>; a plugin may add local ones (flagged <see cref="IsLocal"/>).
/// </summary>
/// <remarks>
/// <para>Two outcome types are equal when their codes are equal (ordinal, upper case).</para>
/// <para>This type is immutable and thread-safe.</para>
/// </remarks>
public sealed class OutcomeType : IEquatable<OutcomeType>
{
    /// <summary>Creates an outcome type.</summary>
    /// <param name="code">A short upper-case code, unique across the vocabulary, e.g. <c>YC</c>.</param>
    /// <param name="name">The display name.</param>
    /// <param name="category">Where the type sits on the ladder.</param>
    /// <param name="ladderRank">The rank on the ladder, 0 for no outcome, rising with formality.</param>
    /// <param name="requiresAdmission">Whether the outcome needs an admission of guilt.</param>
    /// <param name="isLocal">Whether a plugin (not the national vocabulary) defines it.</param>
    /// <exception cref="ArgumentException"><paramref name="code"/> or <paramref name="name"/> is blank.</exception>
    public OutcomeType(string code, string name, OutcomeCategory category, int ladderRank, bool requiresAdmission = false, bool isLocal = false)
    {
        Code = Preconditions.CheckNotBlank(code, nameof(code)).Trim().ToUpperInvariant();
        Name = Preconditions.CheckNotBlank(name, nameof(name));
        Category = category;
        LadderRank = ladderRank;
        RequiresAdmission = requiresAdmission;
        IsLocal = isLocal;
    }

    /// <summary>The short code, upper case.</summary>
    public string Code { get; }

    /// <summary>The display name.</summary>
    public string Name { get; }

    /// <summary>Where the type sits on the outcome ladder.</summary>
    public OutcomeCategory Category { get; }

    /// <summary>The rank on the ladder: 0 for no outcome, higher is more formal.</summary>
    public int LadderRank { get; }

    /// <summary>Whether the outcome needs the child to admit the offence.</summary>
    public bool RequiresAdmission { get; }

    /// <summary>Whether a plugin defines this type.</summary>
    public bool IsLocal { get; }

    /// <summary>A statutory criminal justice outcome: a youth caution, youth conditional caution or court disposal.</summary>
    public bool IsStatutory => Category is OutcomeCategory.StatutoryOutOfCourt or OutcomeCategory.CourtNonCustodial or OutcomeCategory.CourtCustodial;

    /// <summary>A substantive outcome: "one that forms part of a person's criminal record" (Coventry Youth Justice Service, <i>Coventry's Youth Justice Strategy and Plan 2021-23 (Update 2022)</i>, section 8, "Child Proven Offences Profile").</summary>
    public bool IsSubstantive => IsStatutory;

    /// <summary>Whether receiving this outcome for the first time makes a child a first time entrant.</summary>
    public bool CountsAsFirstTimeEntrant => IsStatutory;

    /// <summary>A court disposal (custodial or not).</summary>
    public bool IsCourt => Category is OutcomeCategory.CourtNonCustodial or OutcomeCategory.CourtCustodial;

    /// <summary>A custodial sentence.</summary>
    public bool IsCustodial => Category == OutcomeCategory.CourtCustodial;

    /// <summary>An out-of-court disposal: an outcome delivered without the matter going to court (informal or statutory).</summary>
    public bool IsOutOfCourt => Category is OutcomeCategory.InformalOutOfCourt or OutcomeCategory.StatutoryOutOfCourt;

    /// <inheritdoc />
    public bool Equals(OutcomeType? other) => other is not null && string.Equals(Code, other.Code, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as OutcomeType);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Code);

    /// <summary>The code.</summary>
    public override string ToString() => Code;
}

/// <summary>The national outcome types, from no further action to custody.</summary>
public static class OutcomeTypes
{
#pragma warning disable CS1591 // Each field's Name says what it is.
    public static readonly OutcomeType NoFurtherAction = new("NFA", "No further action", OutcomeCategory.NoFurtherAction, 0);
    public static readonly OutcomeType ReleasedUnderInvestigation = new("RUI", "Released under investigation", OutcomeCategory.NoFurtherAction, 0);
    public static readonly OutcomeType CommunityResolution = new("CR", "Community resolution (police only)", OutcomeCategory.InformalOutOfCourt, 1, requiresAdmission: true);
    public static readonly OutcomeType EnhancedCommunityResolution = new("ECR", "Enhanced community resolution", OutcomeCategory.InformalOutOfCourt, 2, requiresAdmission: true);
    public static readonly OutcomeType Outcome22 = new("O22", "Outcome 22/21 (deferred prosecution)", OutcomeCategory.InformalOutOfCourt, 2);
    public static readonly OutcomeType YouthCaution = new("YC", "Youth caution", OutcomeCategory.StatutoryOutOfCourt, 3, requiresAdmission: true);
    public static readonly OutcomeType YouthConditionalCaution = new("YCC", "Youth conditional caution", OutcomeCategory.StatutoryOutOfCourt, 4, requiresAdmission: true);
    public static readonly OutcomeType AbsoluteDischarge = new("ABSDIS", "Absolute discharge", OutcomeCategory.CourtNonCustodial, 5);
    public static readonly OutcomeType ConditionalDischarge = new("CONDIS", "Conditional discharge", OutcomeCategory.CourtNonCustodial, 5);
    public static readonly OutcomeType Fine = new("FINE", "Fine", OutcomeCategory.CourtNonCustodial, 5);
    public static readonly OutcomeType ReferralOrder = new("RO", "Referral order", OutcomeCategory.CourtNonCustodial, 6);
    public static readonly OutcomeType YouthRehabilitationOrder = new("YRO", "Youth rehabilitation order", OutcomeCategory.CourtNonCustodial, 7);
    public static readonly OutcomeType YouthRehabilitationOrderWithIss = new("YROISS", "Youth rehabilitation order with intensive supervision and surveillance", OutcomeCategory.CourtNonCustodial, 8);
    public static readonly OutcomeType DetentionAndTrainingOrder = new("DTO", "Detention and training order", OutcomeCategory.CourtCustodial, 9);
    public static readonly OutcomeType Section250 = new("S250", "Detention under s250 Sentencing Act 2020", OutcomeCategory.CourtCustodial, 10);
    public static readonly OutcomeType Section259 = new("S259", "Detention during His Majesty's pleasure (s259 Sentencing Act 2020)", OutcomeCategory.CourtCustodial, 11);
    public static readonly OutcomeType Remand = new("REMAND", "Remand to youth detention accommodation", OutcomeCategory.Remand, 0);
    public static readonly OutcomeType Breach = new("BREACH", "Breach of an order", OutcomeCategory.Breach, 0);
#pragma warning restore CS1591

    /// <summary>Every national outcome type, in ladder order.</summary>
    public static IReadOnlyList<OutcomeType> National { get; } =
    [
        NoFurtherAction, ReleasedUnderInvestigation, CommunityResolution, EnhancedCommunityResolution, Outcome22,
        YouthCaution, YouthConditionalCaution, AbsoluteDischarge, ConditionalDischarge, Fine, ReferralOrder,
        YouthRehabilitationOrder, YouthRehabilitationOrderWithIss, DetentionAndTrainingOrder, Section250, Section259,
        Remand, Breach,
    ];
}

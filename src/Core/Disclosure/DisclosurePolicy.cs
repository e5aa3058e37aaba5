using System.Collections.Immutable;
using System.Globalization;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Internal;
using YouthJustice.Sdk.Periods;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Disclosure;

/// <summary>Who the output is for.</summary>
public enum DisclosureMode
{
    /// <summary>For publication: the policy's suppression and rounding apply.</summary>
    Publication = 0,
    /// <summary>For internal use: every figure is shown exactly.</summary>
    Internal = 1,
}

/// <summary>How a published figure is shown.</summary>
public enum FigureStatus
{
    /// <summary>Shown as computed (a value rounded only for display).</summary>
    Shown = 0,
    /// <summary>A count shown rounded to the policy's base.</summary>
    Rounded = 1,
    /// <summary>Withheld: shown as the suppression symbol.</summary>
    Suppressed = 2,
    /// <summary>Undefined (a zero denominator): shown as the not-available symbol.</summary>
    NotAvailable = 3,
    /// <summary>Does not apply (a plain count has no denominator): shown empty.</summary>
    NotApplicable = 4,
}

/// <summary>Why a figure was suppressed.</summary>
public enum SuppressionReason
{
    /// <summary>Not suppressed.</summary>
    None = 0,
    /// <summary>Primary: a count at or below the threshold.</summary>
    AtOrBelowThreshold = 1,
    /// <summary>Primary: a zero count, under a policy that suppresses zeros.</summary>
    Zero = 2,
    /// <summary>Secondary: suppressed so that another suppressed count cannot be recovered from a total.</summary>
    Complementary = 3,
    /// <summary>A value (rate, percentage, interval) whose numerator or denominator is suppressed.</summary>
    DerivedFromSuppressedCount = 4,
}

/// <summary>The symbols a published table uses.</summary>
/// <param name="Suppressed">For a suppressed figure; <c>~</c> by default (mojSuppression); <c>*</c> is also common.</param>
/// <param name="NotAvailable">For an undefined figure; <c>..</c> by default.</param>
/// <param name="Nil">For a zero, when the policy shows zeros as nil; <c>-</c> by default.</param>
public sealed record DisclosureSymbols(string Suppressed = "~", string NotAvailable = "..", string Nil = "-");

/// <summary>One figure of a published result: its display text, status and, when suppressed, why.</summary>
/// <param name="Display">The text to print (invariant culture).</param>
/// <param name="Status">How it is shown.</param>
/// <param name="Reason">Why it was suppressed, or <see cref="SuppressionReason.None"/>.</param>
public sealed record PublishedFigure(string Display, FigureStatus Status, SuppressionReason Reason = SuppressionReason.None)
{
    /// <summary>Whether the figure is withheld.</summary>
    public bool IsSuppressed => Status == FigureStatus.Suppressed;
}

/// <summary>
/// A result as it may be published: what it describes (indicator, area, period, breakdown) and display text for the value,
/// numerator, denominator and interval. It carries no unsuppressed numbers, so it is safe to serialise for publication.
/// </summary>
/// <remarks>Immutable.</remarks>
public sealed record PublishedResult
{
    /// <summary>The methodology (indicator id and version).</summary>
    public required MethodologyRef Methodology { get; init; }

    /// <summary>The area.</summary>
    public required string AreaCode { get; init; }

    /// <summary>The period.</summary>
    public required ReportingPeriod Period { get; init; }

    /// <summary>The breakdown.</summary>
    public required BreakdownKey Breakdown { get; init; }

    /// <summary>The unit of the value.</summary>
    public required string Unit { get; init; }

    /// <summary>The value (computed from the unrounded counts, rounded half away from zero for display).</summary>
    public required PublishedFigure Value { get; init; }

    /// <summary>The numerator.</summary>
    public required PublishedFigure Numerator { get; init; }

    /// <summary>The denominator.</summary>
    public required PublishedFigure Denominator { get; init; }

    /// <summary>The confidence interval as "lower to upper", suppressed with the value; empty when there is none.</summary>
    public required PublishedFigure Interval { get; init; }

    /// <summary>Whether the figure may still change (copied from <see cref="IndicatorResult.Provisional"/>).</summary>
    public bool Provisional { get; init; }

    /// <summary>Whether anything in the result is withheld.</summary>
    public bool IsSuppressed => Value.IsSuppressed || Numerator.IsSuppressed || Denominator.IsSuppressed;

    /// <summary>Whether any count is shown rounded.</summary>
    public bool IsRounded => Numerator.Status == FigureStatus.Rounded || Denominator.Status == FigureStatus.Rounded || Value.Status == FigureStatus.Rounded;

    /// <summary>A sentence on what was withheld or rounded and why, or <see langword="null"/>.</summary>
    public string? Reason { get; init; }
}

/// <summary>
/// Statistical disclosure control for published indicator results: primary suppression of small counts, secondary
/// (complementary) suppression so that no suppressed count can be recovered from a total, optional rounding of counts, and
/// the symbols used. Rates are always computed from the unrounded counts, and a rate whose numerator or denominator is
/// suppressed is suppressed too. See <c>docs/disclosure.md</c>.
/// </summary>
/// <remarks>
/// <para>The policy never changes the results it is given: <see cref="Apply(IReadOnlyList{IndicatorResult}, DisclosureMode, IEnumerable{IndicatorDefinition})"/> returns new <see cref="PublishedResult"/>s.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed record DisclosurePolicy
{
    /// <summary>The default policy: threshold 5, zeros shown, secondary suppression on, no rounding, symbols <c>~ .. -</c>.</summary>
    public static DisclosurePolicy Default { get; } = new();

    /// <summary>Counts greater than zero and at or below this are suppressed. Default 5.</summary>
    public int Threshold { get; init; } = 5;

    /// <summary>Whether zero counts are suppressed too. Default <see langword="false"/> (a zero is shown).</summary>
    public bool SuppressZeros { get; init; }

    /// <summary>Whether to apply secondary suppression across breakdowns and their totals. Default <see langword="true"/>.</summary>
    public bool SecondarySuppression { get; init; } = true;

    /// <summary>
    /// With secondary suppression, also require the suppressed counts of a table to add up to more than the threshold
    /// (so their sum, recoverable from the total, is not itself a small number). Default <see langword="false"/>.
    /// </summary>
    public bool ProtectSuppressedSum { get; init; }

    /// <summary>Round published counts to this base (typically 5 or 10), half away from zero; <see langword="null"/> (default) for no rounding.</summary>
    public int? RoundTo { get; init; }

    /// <summary>Whether denominators are counts subject to suppression and rounding too. Default <see langword="true"/>.</summary>
    public bool ApplyToDenominators { get; init; } = true;

    /// <summary>Whether a zero count is shown as <see cref="DisclosureSymbols.Nil"/> rather than <c>0</c>. Default <see langword="false"/>.</summary>
    public bool ShowZeroAsNil { get; init; }

    /// <summary>The symbols.</summary>
    public DisclosureSymbols Symbols { get; init; } = new();

    /// <summary>
    /// Breakdown dimensions whose cells do not add up to the total (funnel stages are nested), so no table is formed over
    /// them. Default <c>stage</c>.
    /// </summary>
    public ImmutableArray<string> NonAdditiveDimensions { get; init; } = ["stage"];

    /// <summary>Decimal places for values whose indicator definition is not supplied to <see cref="Apply(IReadOnlyList{IndicatorResult}, DisclosureMode, IEnumerable{IndicatorDefinition})"/>. Default 1.</summary>
    public int DefaultValueDecimals { get; init; } = 1;

    /// <summary>
    /// Applies the policy to <paramref name="results"/>, returning one published result per input, in the same order.
    /// </summary>
    /// <param name="results">The results; never modified.</param>
    /// <param name="mode"><see cref="DisclosureMode.Publication"/> applies the policy; <see cref="DisclosureMode.Internal"/> shows everything.</param>
    /// <param name="definitions">Definitions whose <see cref="IndicatorDefinition.DisplayDecimals"/> set each value's decimals (optional;
    /// matched on id and version, else on id alone).</param>
    /// <exception cref="ArgumentNullException"><paramref name="results"/> is null or holds null.</exception>
    /// <exception cref="InvalidOperationException">The policy is invalid (negative threshold, a rounding base below 1).</exception>
    public IReadOnlyList<PublishedResult> Apply(
        IReadOnlyList<IndicatorResult> results, DisclosureMode mode = DisclosureMode.Publication, IEnumerable<IndicatorDefinition>? definitions = null)
    {
        Preconditions.CheckNotNull(results, nameof(results));
        if (Threshold < 0 || RoundTo is < 1)
        {
            throw new InvalidOperationException($"Invalid disclosure policy: threshold {Threshold}, rounding base {RoundTo}.");
        }
        var decimals = new Dictionary<MethodologyRef, int>();
        var decimalsById = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var d in definitions ?? [])
        {
            decimals[d.Ref] = d.DisplayDecimals;
            decimalsById[d.Id] = d.DisplayDecimals;
        }
        var cells = results.Select(r => Preconditions.CheckNotNull(r, nameof(results))).ToList();
        var numerators = new SuppressionReason[cells.Count];
        var denominators = new SuppressionReason[cells.Count];
        if (mode == DisclosureMode.Publication)
        {
            for (var i = 0; i < cells.Count; i++)
            {
                numerators[i] = Primary(cells[i].Numerator);
                denominators[i] = ApplyToDenominators && cells[i].Denominator is { } d ? Primary(d) : SuppressionReason.None;
            }
            if (SecondarySuppression)
            {
                SecondarySuppressor.Run(this, cells, numerators, denominators);
            }
        }
        return [.. cells.Select((r, i) => Publish(r, numerators[i], denominators[i], mode,
            decimals.TryGetValue(r.Methodology, out var places) || decimalsById.TryGetValue(r.IndicatorId, out places) ? places : DefaultValueDecimals))];
    }

    /// <summary>
    /// Applies the policy, for publication, to every figure of <paramref name="report"/> at once: the headline page, each
    /// family, every plugin section, trends and charts. A withheld count is removed from the figure (its state says why), and
    /// so is everything derived from it: the value, the interval, comparison differences and ratings, and changes. Apply it
    /// once, before any renderer runs.
    /// </summary>
    /// <param name="report">The report; never modified.</param>
    /// <returns>The report as it may be published, with <see cref="Reports.Report.Disclosure"/> describing this policy.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="report"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The policy is invalid, or the report was published already.</exception>
    public Reports.Report Apply(Reports.Report report)
    {
        Preconditions.CheckNotNull(report, nameof(report));
        if (report.Disclosure.Published)
        {
            throw new InvalidOperationException("The report has been published already: apply the policy to the internal report.");
        }
        return ReportSuppressor.Apply(this, report);
    }

    /// <summary>Rounds <paramref name="count"/> to the nearest multiple of <paramref name="roundingBase"/>, half away from zero (12.5 → 15 for base 5; 7.5 → 10).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="roundingBase"/> is below 1.</exception>
    public static decimal RoundToBase(decimal count, int roundingBase)
    {
        if (roundingBase < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(roundingBase), roundingBase, "The rounding base must be at least 1.");
        }
        return Math.Round(count / roundingBase, 0, MidpointRounding.AwayFromZero) * roundingBase;
    }

    internal SuppressionReason Primary(decimal count) =>
        count == 0m ? (SuppressZeros ? SuppressionReason.Zero : SuppressionReason.None)
        : Math.Abs(count) <= Threshold ? SuppressionReason.AtOrBelowThreshold
        : SuppressionReason.None;

    private PublishedResult Publish(IndicatorResult r, SuppressionReason numerator, SuppressionReason denominator, DisclosureMode mode, int decimals)
    {
        var numeratorFigure = CountFigure(r.Numerator, numerator, mode);
        var denominatorFigure = r.Denominator is { } d
            ? CountFigure(d, denominator, ApplyToDenominators ? mode : DisclosureMode.Internal)
            : new PublishedFigure("", FigureStatus.NotApplicable);
        var countSuppressed = numerator != SuppressionReason.None || denominator != SuppressionReason.None;

        PublishedFigure value;
        if (countSuppressed)
        {
            value = new PublishedFigure(Symbols.Suppressed, FigureStatus.Suppressed, SuppressionReason.DerivedFromSuppressedCount);
        }
        else if (r.Value is not { } v)
        {
            value = new PublishedFigure(Symbols.NotAvailable, FigureStatus.NotAvailable);
        }
        else if (r.Denominator is null && mode == DisclosureMode.Publication && RoundTo is { } step)
        {
            // A plain count: its value is the count times the multiplier, so it is rounded like the count.
            value = new PublishedFigure(Number(RoundToBase(r.Numerator, step) * r.Multiplier), FigureStatus.Rounded);
        }
        else
        {
            value = new PublishedFigure(Fixed(v, decimals), FigureStatus.Shown);
        }

        var interval = r.Interval is not { } ci
            ? new PublishedFigure("", FigureStatus.NotApplicable)
            : value.IsSuppressed
                ? new PublishedFigure(Symbols.Suppressed, FigureStatus.Suppressed, SuppressionReason.DerivedFromSuppressedCount)
                : new PublishedFigure($"{Fixed(ci.Lower, decimals)} to {Fixed(ci.Upper, decimals)}", FigureStatus.Shown);

        return new PublishedResult
        {
            Methodology = r.Methodology,
            AreaCode = r.AreaCode,
            Period = r.Period,
            Breakdown = r.Breakdown,
            Unit = r.Unit,
            Provisional = r.Provisional,
            Value = value,
            Numerator = numeratorFigure,
            Denominator = denominatorFigure,
            Interval = interval,
            Reason = Explain(numeratorFigure, denominatorFigure),
        };
    }

    private PublishedFigure CountFigure(decimal count, SuppressionReason reason, DisclosureMode mode)
    {
        if (reason != SuppressionReason.None)
        {
            return new PublishedFigure(Symbols.Suppressed, FigureStatus.Suppressed, reason);
        }
        if (mode == DisclosureMode.Internal)
        {
            return new PublishedFigure(Number(count), FigureStatus.Shown);
        }
        var shown = RoundTo is { } step ? RoundToBase(count, step) : count;
        var text = shown == 0m && ShowZeroAsNil ? Symbols.Nil : Number(shown);
        return new PublishedFigure(text, RoundTo is null ? FigureStatus.Shown : FigureStatus.Rounded);
    }

    private string? Explain(PublishedFigure numerator, PublishedFigure denominator)
    {
        var parts = new List<string>();
        void Add(string what, PublishedFigure f)
        {
            switch (f.Reason)
            {
                case SuppressionReason.AtOrBelowThreshold:
                    parts.Add(string.Create(CultureInfo.InvariantCulture, $"{what} suppressed: at or below the threshold of {Threshold}"));
                    break;
                case SuppressionReason.Zero:
                    parts.Add($"{what} suppressed: zero");
                    break;
                case SuppressionReason.Complementary:
                    parts.Add($"{what} suppressed so that another suppressed count cannot be worked out from a total");
                    break;
            }
        }
        Add("Numerator", numerator);
        Add("Denominator", denominator);
        if (parts.Count > 0)
        {
            parts.Add("the value is suppressed with it");
        }
        if (numerator.Status == FigureStatus.Rounded || denominator.Status == FigureStatus.Rounded)
        {
            parts.Add(string.Create(CultureInfo.InvariantCulture, $"counts rounded to the nearest {RoundTo}; the value is computed from the unrounded counts"));
        }
        return parts.Count == 0 ? null : string.Join("; ", parts) + ".";
    }

    private static string Number(decimal value) =>
        value == decimal.Truncate(value)
            ? decimal.Truncate(value).ToString("0", CultureInfo.InvariantCulture)
            : value.ToString("0.############", CultureInfo.InvariantCulture);

    private static string Fixed(decimal value, int decimals) =>
        DisplayRounding.Round(value, decimals).ToString("F" + decimals.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <inheritdoc />
    public bool Equals(DisclosurePolicy? other) =>
        other is not null && Threshold == other.Threshold && SuppressZeros == other.SuppressZeros
        && SecondarySuppression == other.SecondarySuppression && ProtectSuppressedSum == other.ProtectSuppressedSum
        && RoundTo == other.RoundTo && ApplyToDenominators == other.ApplyToDenominators && ShowZeroAsNil == other.ShowZeroAsNil
        && Symbols == other.Symbols && NonAdditiveDimensions.SequenceEqual(other.NonAdditiveDimensions)
        && DefaultValueDecimals == other.DefaultValueDecimals;

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Threshold, SuppressZeros, SecondarySuppression, RoundTo, Symbols);
}

using NodaTime;
using System.Collections.Immutable;
using YouthJustice.Sdk.Internal;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Hosting;

namespace YouthJustice.Sdk.Synthetic;

/// <summary>
/// What <see cref="SyntheticDatasetGenerator.Generate(SyntheticOptions)"/> produces: the seed, the areas, the financial
/// years covered, the as-of date and a scale factor. Start from a preset (<see cref="SingleAuthority(int, AreaProfile)"/>,
/// <see cref="National(int, int, int, int, double)"/>) and adjust it with a <see langword="with"/> expression.
/// </summary>
/// <remarks>
/// <para>The same options always produce the same dataset, on any machine, culture or time zone.</para>
/// <para>Immutable and thread-safe. Values are checked when generation starts
/// (<see cref="SyntheticDatasetGenerator.Generate(SyntheticOptions)"/> throws <see cref="ArgumentException"/> with the
/// offending option named).</para>
/// </remarks>
public sealed record SyntheticOptions
{
    /// <summary>The default first financial year of the presets: 2018/19.</summary>
    public const int DefaultFirstFinancialYear = 2018;

    /// <summary>The default number of financial years of the presets: five (2018/19 to 2022/23).</summary>
    public const int DefaultFinancialYears = 5;

    /// <summary>The seed. Different seeds give different data.</summary>
    public int Seed { get; init; }

    /// <summary>The areas to generate, in output order; their codes must be distinct. Defaults to Coventry alone.</summary>
    public ImmutableArray<AreaProfile> Areas { get; init; } = [AreaProfile.Coventry];

    /// <summary>
    /// The local programmes, as plugins declare them (e.g. <see cref="LocalProgrammeModel.FromRegistry"/> for the plugins a
    /// host loaded). Each national programme a local model takes referrals for (<see cref="TypicalEpisode.ReferredAs"/>:
    /// diversion, early intervention, enriched case management, …) is generated in every area along a local model: the
    /// area's own authority's where it declares one, else the first declared. National programmes no model takes get no
    /// episodes. Defaults to none: then only the national supervision programmes (out-of-court interventions, court
    /// orders, resettlement) have episodes.
    /// </summary>
    public ImmutableArray<LocalProgrammeModel> Programmes { get; init; } = [];

    /// <summary>The calendar year the first financial year starts in (2018 means 2018/19). 1990 to 2100.</summary>
    public int FirstFinancialYear { get; init; } = DefaultFirstFinancialYear;

    /// <summary>How many financial years of case activity to generate (1 to 30). Two further years of earlier history
    /// are generated before the first, so that children already known to the service exist when the first year begins
    /// and first time entrants are not overcounted.</summary>
    public int FinancialYears { get; init; } = DefaultFinancialYears;

    /// <summary>The date of the extract: no record is dated after it. <see langword="null"/> (the default) means the
    /// last day of the last financial year. It must fall inside the generated years.</summary>
    public LocalDate? AsOf { get; init; }

    /// <summary>Multiplies every area's 10-17 population, and with it the case volume (0.01 to 100). Rates stay
    /// realistic; only the counts change. Use it to grow benchmark data without more areas.</summary>
    public double Scale { get; init; } = 1.0;

    /// <summary>The as-of date in effect: <see cref="AsOf"/>, or 31 March at the end of the last financial year.</summary>
    public LocalDate EffectiveAsOf => AsOf ?? new LocalDate(FirstFinancialYear + FinancialYears, 3, 31);

    /// <summary>The first day of the first financial year (1 April).</summary>
    public LocalDate FirstDay => new(FirstFinancialYear, 4, 1);

    /// <summary>
    /// One authority (Coventry, <c>E08000026</c>, unless <paramref name="area"/> says otherwise) over 2018/19 to
    /// 2022/23, as of 31 March 2023: about 32,000 children aged 10-17, and around a thousand children known to the
    /// service with their offences, outcomes, programme episodes and the rest.
    /// </summary>
    /// <param name="seed">The seed.</param>
    /// <param name="area">The authority; <see langword="null"/> for <see cref="AreaProfile.Coventry"/>.</param>
    public static SyntheticOptions SingleAuthority(int seed, AreaProfile? area = null) =>
        new() { Seed = seed, Areas = [area ?? AreaProfile.Coventry] };

    /// <summary>
    /// Many authorities for benchmarks: Coventry, Leicester and Warwickshire first, then fictitious areas
    /// (<see cref="AreaProfile.Synthetic(int)"/>, codes <c>E99000001</c> onwards) up to <paramref name="areaCount"/>.
    /// 150 areas over five years at scale 1 give a few million records.
    /// </summary>
    /// <param name="seed">The seed.</param>
    /// <param name="areaCount">How many areas (1 to 1,000).</param>
    /// <param name="firstFinancialYear">The first financial year's starting calendar year.</param>
    /// <param name="financialYears">How many financial years.</param>
    /// <param name="scale">Multiplies every area's population and case volume.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="areaCount"/> is not between 1 and 1,000.</exception>
    public static SyntheticOptions National(int seed, int areaCount, int firstFinancialYear = DefaultFirstFinancialYear,
        int financialYears = DefaultFinancialYears, double scale = 1.0)
    {
        Preconditions.CheckRange(areaCount, 1, 1_000, nameof(areaCount));
        var named = new[] { AreaProfile.Coventry, AreaProfile.Leicester, AreaProfile.Warwickshire };
        var builder = ImmutableArray.CreateBuilder<AreaProfile>(areaCount);
        for (var i = 0; i < areaCount; i++)
        {
            builder.Add(i < named.Length ? named[i] : AreaProfile.Synthetic(i - named.Length + 1));
        }
        return new SyntheticOptions
        {
            Seed = seed,
            Areas = builder.MoveToImmutable(),
            FirstFinancialYear = firstFinancialYear,
            FinancialYears = financialYears,
            Scale = scale,
        };
    }

    /// <inheritdoc />
    public bool Equals(SyntheticOptions? other) =>
        other is not null && Seed == other.Seed && FirstFinancialYear == other.FirstFinancialYear
        && FinancialYears == other.FinancialYears && AsOf == other.AsOf && Scale.Equals(other.Scale)
        && Areas.AsSpan().SequenceEqual(other.Areas.AsSpan())
        && Programmes.IsDefault == other.Programmes.IsDefault && Programmes.AsSpan().SequenceEqual(other.Programmes.AsSpan());

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Seed, FirstFinancialYear, FinancialYears, AsOf, Scale, Areas.Length);

    internal void Validate()
    {
        if (Areas.IsDefaultOrEmpty)
        {
            throw new ArgumentException("At least one area is needed.", nameof(Areas));
        }
        for (var i = 0; i < Areas.Length; i++)
        {
            if (Areas[i] is null)
            {
                throw new ArgumentException($"Area {i} is null.", nameof(Areas));
            }
            for (var j = 0; j < i; j++)
            {
                if (string.Equals(Areas[i].Code, Areas[j].Code, StringComparison.OrdinalIgnoreCase))
                {
                    throw new ArgumentException($"Area code '{Areas[i].Code}' appears twice; area codes must be distinct.", nameof(Areas));
                }
            }
        }
        if (!Programmes.IsDefault && Programmes.Any(p => p is null))
        {
            throw new ArgumentException("A local programme model is null.", nameof(Programmes));
        }
        Preconditions.CheckRange(FirstFinancialYear, 1990, 2100, nameof(FirstFinancialYear));
        Preconditions.CheckRange(FinancialYears, 1, 30, nameof(FinancialYears));
        if (!(Scale >= 0.01 && Scale <= 100))
        {
            throw new ArgumentOutOfRangeException(nameof(Scale), Scale, "The scale must be between 0.01 and 100.");
        }
        var asOf = EffectiveAsOf;
        if (asOf < FirstDay || asOf > new LocalDate(FirstFinancialYear + FinancialYears, 3, 31))
        {
            throw new ArgumentOutOfRangeException(nameof(AsOf), asOf,
                string.Create(System.Globalization.CultureInfo.InvariantCulture, $"The as-of date must fall inside the generated financial years, {FirstFinancialYear}-04-01 to {FirstFinancialYear + FinancialYears}-03-31."));
        }
    }
}

using YouthJustice.Sdk.Internal;

namespace YouthJustice.Sdk.Synthetic;

/// <summary>
/// The shape of one local authority area for the synthetic generator: its code and name, the size and ethnic make-up
/// of its 10-17 population, and how much youth offending it has.
/// </summary>
/// <remarks>
/// <para>The three named profiles use real ONS codes and sizes close to the published ones
/// (<see cref="Coventry"/>, <see cref="Leicester"/>, <see cref="Warwickshire"/>); every case record generated for them
/// is still synthetic. <see cref="Synthetic(int)"/> makes clearly fictitious areas for national-scale runs.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed record AreaProfile
{
    /// <summary>Creates a profile.</summary>
    /// <param name="code">The ONS area code, e.g. <c>E08000026</c>.</param>
    /// <param name="name">The area's name.</param>
    /// <param name="population10To17">The 10-17 population in the first generated year (1,000 to 2,000,000).</param>
    /// <param name="ethnicity">The ethnic make-up of the 10-17 population.</param>
    /// <param name="fteRatePer100K">The first time entrant rate the area's case volume is calibrated to, per 100,000
    /// aged 10-17 (10 to 2,000). Realised rates scatter around it, as small numbers do.</param>
    /// <param name="schoolCensus">The ethnic make-up of the secondary school census, or <see langword="null"/> to use
    /// <paramref name="ethnicity"/> with a small share of refusals.</param>
    /// <param name="annualPopulationGrowth">The yearly growth of the 10-17 population, as a fraction (-0.1 to 0.1).</param>
    /// <exception cref="ArgumentException">A code or name is blank, or a weight is negative.</exception>
    /// <exception cref="ArgumentOutOfRangeException">A number is outside its range.</exception>
    public AreaProfile(string code, string name, int population10To17, EthnicityMix ethnicity, double fteRatePer100K,
        EthnicityMix? schoolCensus = null, double annualPopulationGrowth = 0.01)
    {
        Code = Preconditions.CheckNotBlank(code, nameof(code)).Trim();
        Name = Preconditions.CheckNotBlank(name, nameof(name)).Trim();
        Population10To17 = Preconditions.CheckRange(population10To17, 1_000, 2_000_000, nameof(population10To17));
        Ethnicity = Preconditions.CheckNotNull(ethnicity, nameof(ethnicity));
        ethnicity.Validate(nameof(ethnicity));
        if (!(fteRatePer100K >= 10 && fteRatePer100K <= 2_000))
        {
            throw new ArgumentOutOfRangeException(nameof(fteRatePer100K), fteRatePer100K, "The FTE rate must be between 10 and 2,000 per 100,000.");
        }
        FteRatePer100K = fteRatePer100K;
        schoolCensus?.Validate(nameof(schoolCensus));
        SchoolCensus = schoolCensus ?? ethnicity with { NotKnown = ethnicity.Total * 0.01 };
        if (!(annualPopulationGrowth >= -0.1 && annualPopulationGrowth <= 0.1))
        {
            throw new ArgumentOutOfRangeException(nameof(annualPopulationGrowth), annualPopulationGrowth, "The annual growth must be between -0.1 and 0.1.");
        }
        AnnualPopulationGrowth = annualPopulationGrowth;
    }

    /// <summary>The ONS area code.</summary>
    public string Code { get; }

    /// <summary>The area's name.</summary>
    public string Name { get; }

    /// <summary>The 10-17 population in the first generated financial year (before the options' scale is applied).</summary>
    public int Population10To17 { get; }

    /// <summary>The ethnic make-up of the 10-17 population.</summary>
    public EthnicityMix Ethnicity { get; }

    /// <summary>The target first time entrant rate per 100,000 aged 10-17.</summary>
    public double FteRatePer100K { get; }

    /// <summary>The ethnic make-up of the secondary school census (the <c>secondary-school-census</c> reference population).</summary>
    public EthnicityMix SchoolCensus { get; }

    /// <summary>The yearly growth of the 10-17 population, as a fraction.</summary>
    public double AnnualPopulationGrowth { get; }

    /// <summary>
    /// Coventry (<c>E08000026</c>): about 31,700 aged 10-17 (71 FTEs at 224 per 100,000 in 2019/20), 44% White British
    /// with large Asian and Black groups, as in its January 2022 school census; FTE rate about 200.
    /// </summary>
    public static AreaProfile Coventry { get; } = new(
        "E08000026", "Coventry", 31_700,
        new EthnicityMix(WhiteBritish: 47, WhiteOther: 9, Mixed: 6, Asian: 23, Black: 12, Other: 3),
        fteRatePer100K: 200,
        schoolCensus: new EthnicityMix(WhiteBritish: 44, WhiteOther: 9, Mixed: 6, Asian: 22, Black: 13, Other: 3, NotKnown: 1));

    /// <summary>
    /// Leicester (<c>E06000016</c>): about 35,300 aged 10-17 (73 FTEs at 207 per 100,000, Oct 2020 - Sep 2021), an
    /// Asian majority; FTE rate about 210.
    /// </summary>
    public static AreaProfile Leicester { get; } = new(
        "E06000016", "Leicester", 35_300,
        new EthnicityMix(WhiteBritish: 27, WhiteOther: 6, Mixed: 6, Asian: 48, Black: 9, Other: 4),
        fteRatePer100K: 210,
        schoolCensus: new EthnicityMix(WhiteBritish: 24, WhiteOther: 7, Mixed: 6, Asian: 49, Black: 9, Other: 4, NotKnown: 1));

    /// <summary>
    /// Warwickshire (<c>E10000031</c>): a shire county of about 56,000 aged 10-17, mostly White British; FTE rate
    /// about 150 (the 2016/17 to 2017/18 plan reports 180 falling to 125).
    /// </summary>
    public static AreaProfile Warwickshire { get; } = new(
        "E10000031", "Warwickshire", 56_000,
        new EthnicityMix(WhiteBritish: 81, WhiteOther: 5, Mixed: 5, Asian: 6, Black: 2, Other: 1),
        fteRatePer100K: 150,
        annualPopulationGrowth: 0.012);

    /// <summary>
    /// A fictitious area for national-scale data, numbered from 1. Its code is ONS-shaped but uses the unassigned
    /// entity prefix <c>E99</c> (e.g. <c>E99000001</c>) so it can never be mistaken for a real authority; its name is
    /// <c>Synthetic Authority 001</c>. Its size (about 8,000 to 95,000 aged 10-17), ethnic mix and FTE rate (about 100 to
    /// 300) depend only on <paramref name="number"/>, so the same number is the same area whatever the seed.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="number"/> is not between 1 and 999,999.</exception>
    public static AreaProfile Synthetic(int number)
    {
        Preconditions.CheckRange(number, 1, 999_999, nameof(number));
        var random = new SyntheticRandom(0x5EED_A2EAUL, (ulong)number);
        // Squaring a uniform gives many small authorities and a few large ones, as in England.
        var u = random.NextDouble();
        var population = 8_000 + (int)(87_000 * u * u);
        var diverse = random.NextDouble();
        var whiteBritish = 90 - (70 * diverse * diverse);
        var rest = 100 - whiteBritish;
        var mix = new EthnicityMix(
            WhiteBritish: whiteBritish,
            WhiteOther: rest * (0.12 + (0.1 * random.NextDouble())),
            Mixed: rest * (0.12 + (0.06 * random.NextDouble())),
            Asian: rest * (0.3 + (0.3 * random.NextDouble())),
            Black: rest * (0.1 + (0.25 * random.NextDouble())),
            Other: rest * (0.04 + (0.04 * random.NextDouble())));
        var fte = 100 + (200 * random.NextDouble());
        var code = "E99" + number.ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
        var name = "Synthetic Authority " + number.ToString("D3", System.Globalization.CultureInfo.InvariantCulture);
        return new AreaProfile(code, name, population, mix, Math.Round(fte, 1, MidpointRounding.AwayFromZero),
            annualPopulationGrowth: -0.005 + (0.02 * random.NextDouble()));
    }
}

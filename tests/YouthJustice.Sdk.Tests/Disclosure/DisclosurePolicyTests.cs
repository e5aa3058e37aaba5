using YouthJustice.Sdk.Disclosure;
using YouthJustice.Sdk.Indicators;
using static YouthJustice.Sdk.Tests.Disclosure.DisclosureTestData;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Tests.Disclosure;

public class DisclosurePolicyTests
{
    private static readonly DisclosurePolicy PrimaryOnly = DisclosurePolicy.Default with { SecondarySuppression = false };

    private static PublishedResult Find(IReadOnlyList<PublishedResult> published, string key) =>
        Assert.Single(published, p => p.Breakdown.ToString() == key);

    [Fact]
    public void Defaults_are_threshold_5_zeros_shown_secondary_on_no_rounding_and_tilde()
    {
        var p = DisclosurePolicy.Default;
        Assert.Equal(5, p.Threshold);
        Assert.False(p.SuppressZeros);
        Assert.True(p.SecondarySuppression);
        Assert.Null(p.RoundTo);
        Assert.Equal(new DisclosureSymbols("~", "..", "-"), p.Symbols);
        Assert.Equal(["stage"], p.NonAdditiveDimensions.ToArray());
    }

    [Theory]
    [InlineData(1, true)]
    [InlineData(5, true)]
    [InlineData(6, false)]
    [InlineData(40, false)]
    public void Counts_at_or_below_the_threshold_are_suppressed(int count, bool suppressed)
    {
        var published = PrimaryOnly.Apply([Plain("total", count)]);

        Assert.Equal(suppressed, published[0].Numerator.IsSuppressed);
        Assert.Equal(suppressed ? "~" : count.ToString(System.Globalization.CultureInfo.InvariantCulture), published[0].Numerator.Display);
        Assert.Equal(suppressed ? SuppressionReason.AtOrBelowThreshold : SuppressionReason.None, published[0].Numerator.Reason);
        Assert.Equal(suppressed, published[0].Value.IsSuppressed);
    }

    [Fact]
    public void Zeros_are_shown_by_default_and_suppressed_when_the_policy_says_so()
    {
        Assert.Equal("0", PrimaryOnly.Apply([Plain("total", 0)])[0].Numerator.Display);

        var strict = PrimaryOnly with { SuppressZeros = true };
        var figure = strict.Apply([Plain("total", 0)])[0].Numerator;
        Assert.Equal("~", figure.Display);
        Assert.Equal(SuppressionReason.Zero, figure.Reason);

        Assert.Equal("-", (PrimaryOnly with { ShowZeroAsNil = true }).Apply([Plain("total", 0)])[0].Numerator.Display);
    }

    [Fact]
    public void A_rate_is_suppressed_when_its_numerator_or_its_denominator_is()
    {
        var published = PrimaryOnly.Apply([Ratio("total", 3, 40), Ratio("sex=female", 0, 4), Ratio("sex=male", 30, 40)]);

        Assert.Equal(("~", "40", "~"), (published[0].Numerator.Display, published[0].Denominator.Display, published[0].Value.Display));
        Assert.Equal(SuppressionReason.DerivedFromSuppressedCount, published[0].Value.Reason);
        Assert.Equal("~", published[0].Interval.Display);
        Assert.Equal(("0", "~", "~"), (published[1].Numerator.Display, published[1].Denominator.Display, published[1].Value.Display));
        Assert.Equal(("30", "40", "75.0"), (published[2].Numerator.Display, published[2].Denominator.Display, published[2].Value.Display));
    }

    [Fact]
    public void A_row_with_one_suppressed_cell_gets_a_second_so_the_first_cannot_be_recovered_from_the_total()
    {
        IndicatorResult[] row = [Plain("total", 30), Plain("sex=female", 3), Plain("sex=male", 12), Plain("sex=unknown", 15)];

        var published = DisclosurePolicy.Default.Apply(row);

        Assert.Equal("~", Find(published, "sex=female").Numerator.Display);
        var male = Find(published, "sex=male").Numerator;
        Assert.Equal(("~", SuppressionReason.Complementary), (male.Display, male.Reason));
        Assert.Equal("15", Find(published, "sex=unknown").Numerator.Display);
        Assert.Equal("30", Find(published, "total").Numerator.Display);
        // Total minus the published cells is 15: the sum of two suppressed cells, neither of them on its own.
        Assert.Equal(2, published.Count(p => p.Numerator.IsSuppressed));
        Assert.Contains("cannot be worked out from a total", Find(published, "sex=male").Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void The_complementary_cell_is_the_smallest_non_zero_one_rather_than_a_zero()
    {
        IndicatorResult[] row = [Plain("total", 60), Plain("g=a", 3), Plain("g=b", 0), Plain("g=c", 27), Plain("g=d", 30)];

        var published = DisclosurePolicy.Default.Apply(row);

        Assert.Equal(["~", "0", "~", "30"], published.Skip(1).Select(p => p.Numerator.Display));
    }

    [Fact]
    public void A_lone_cell_suppressed_as_a_complement_takes_its_row_margin_and_suppression_spreads_until_every_table_is_safe()
    {
        IndicatorResult[] results =
        [
            Plain("total", 40), Plain("point=start", 10), Plain("point=end", 30),
            Plain("setting=community", 12), Plain("setting=released", 28),
            Plain("point+setting=start+community", 10), Plain("point+setting=end+community", 2), Plain("point+setting=end+released", 28),
        ];

        var published = DisclosurePolicy.Default.Apply(results);
        string Show(string key) => Find(published, key).Numerator.Display;

        // end+community (2) is primary. Pass 1: point and setting tables are clean; the whole cross table takes its smallest
        // non-zero cell, start+community (10); row end (margin 30) takes end+released (28); row start has one cell, so its
        // margin point=start goes; column released has one cell, so setting=released goes. Pass 2: the point table takes
        // point=end and the setting table takes setting=community. Only the total is left.
        Assert.Equal(["40", "~", "~", "~", "~", "~", "~", "~"], published.Select(p => p.Numerator.Display));
        Assert.Equal(SuppressionReason.Complementary, Find(published, "point=start").Numerator.Reason);
        Assert.Equal(SuppressionReason.AtOrBelowThreshold, Find(published, "point+setting=end+community").Numerator.Reason);
        Assert.Equal("40", Show("total"));
    }

    [Fact]
    public void Cross_dimension_cells_are_protected_along_rows_and_columns()
    {
        IndicatorResult[] results =
        [
            Plain("total", 58),
            Plain("point=start", 23), Plain("point=end", 35),
            Plain("setting=community", 45), Plain("setting=released", 13),
            Plain("point+setting=start+community", 20), Plain("point+setting=start+released", 3),
            Plain("point+setting=end+community", 25), Plain("point+setting=end+released", 10),
        ];

        var published = DisclosurePolicy.Default.Apply(results);

        // start+released (3) is primary. Row start: start+community goes. Column released: end+released goes.
        // Row end now has one suppressed cell: end+community goes. The margins stay published.
        Assert.All(published.Where(p => p.Breakdown.Dimension == "point+setting"), p => Assert.True(p.Numerator.IsSuppressed));
        Assert.All(published.Where(p => p.Breakdown.Dimension != "point+setting"), p => Assert.False(p.Numerator.IsSuppressed));
    }

    [Fact]
    public void Margins_and_cells_of_a_cross_dimension_are_protected_together()
    {
        // point=start (4) and start+released (4) are primary. The point table takes point=end; the whole cross table takes
        // end+released (6), its smallest non-zero published cell.
        IndicatorResult[] results =
        [
            Plain("total", 40), Plain("point=start", 4), Plain("point=end", 36),
            Plain("point+setting=start+community", 0), Plain("point+setting=start+released", 4),
            Plain("point+setting=end+community", 30), Plain("point+setting=end+released", 6),
        ];

        var published = DisclosurePolicy.Default.Apply(results);
        string Show(string key) => Find(published, key).Numerator.Display;

        Assert.Equal("~", Show("point=start"));
        Assert.Equal("~", Show("point=end"));
        Assert.Equal("~", Show("point+setting=start+released"));
        Assert.Equal("~", Show("point+setting=end+released"));
        Assert.Equal(("0", "30", "40"), (Show("point+setting=start+community"), Show("point+setting=end+community"), Show("total")));
    }

    [Fact]
    public void Funnel_stages_are_not_additive_so_get_no_complementary_suppression()
    {
        IndicatorResult[] funnel = [Ratio("total", 8, 20), Ratio("stage=need", 20, 30), Ratio("stage=planned", 12, 20), Ratio("stage=attending", 8, 12)];
        IndicatorResult[] smallFunnel = [Ratio("total", 3, 9), Ratio("stage=need", 9, 30), Ratio("stage=planned", 7, 9), Ratio("stage=attending", 3, 7)];

        Assert.DoesNotContain(DisclosurePolicy.Default.Apply(funnel), p => p.IsSuppressed);
        var published = DisclosurePolicy.Default.Apply(smallFunnel);
        Assert.Equal(["~", "9", "7", "~"], published.Select(p => p.Numerator.Display));
        Assert.Equal(["9", "30", "9", "7"], published.Select(p => p.Denominator.Display));
    }

    [Fact]
    public void Denominators_that_add_up_to_the_total_are_protected_too()
    {
        IndicatorResult[] results = [Ratio("total", 20, 40), Ratio("point=start", 10, 4), Ratio("point=end", 10, 36)];

        var published = DisclosurePolicy.Default.Apply(results);

        Assert.Equal(["40", "~", "~"], published.Select(p => p.Denominator.Display));
        Assert.Equal(["20", "10", "10"], published.Select(p => p.Numerator.Display));
        Assert.Equal(["50.0", "~", "~"], published.Select(p => p.Value.Display));
    }

    [Theory]
    [InlineData(12.5, 5, 15)]
    [InlineData(7.5, 5, 10)]
    [InlineData(12, 5, 10)]
    [InlineData(13, 5, 15)]
    [InlineData(2.5, 5, 5)]
    [InlineData(-7.5, 5, -10)]
    [InlineData(15, 10, 20)]
    [InlineData(14, 10, 10)]
    [InlineData(25, 10, 30)]
    [InlineData(24.9, 10, 20)]
    public void Counts_round_to_the_base_half_away_from_zero(double count, int roundingBase, int expected) =>
        Assert.Equal((decimal)expected, DisclosurePolicy.RoundToBase((decimal)count, roundingBase));

    [Fact]
    public void Rounded_counts_are_published_but_the_rate_comes_from_the_unrounded_counts()
    {
        var policy = DisclosurePolicy.Default with { RoundTo = 5 };

        var published = policy.Apply([Ratio("total", 13, 27)], definitions: [Percent]);

        Assert.Equal(("15", FigureStatus.Rounded), (published[0].Numerator.Display, published[0].Numerator.Status));
        Assert.Equal("25", published[0].Denominator.Display);
        // 13 / 27 = 48.148...%; the rounded counts would give 60.0%.
        Assert.Equal("48.1", published[0].Value.Display);
        Assert.True(published[0].IsRounded);
        Assert.Contains("unrounded", published[0].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plain_count_value_is_rounded_like_its_count()
    {
        var published = (DisclosurePolicy.Default with { RoundTo = 10 }).Apply([Plain("total", 44)]);

        Assert.Equal(("40", "40"), (published[0].Numerator.Display, published[0].Value.Display));
    }

    [Fact]
    public void Internal_mode_shows_everything_exactly()
    {
        var policy = DisclosurePolicy.Default with { RoundTo = 5, SuppressZeros = true };

        var published = policy.Apply([Ratio("total", 3, 7), Ratio("sex=male", 0, 3), Ratio("sex=female", 3, 4)], DisclosureMode.Internal);

        Assert.Equal(["3", "0", "3"], published.Select(p => p.Numerator.Display));
        Assert.Equal(["7", "3", "4"], published.Select(p => p.Denominator.Display));
        Assert.Equal(["42.9", "0.0", "75.0"], published.Select(p => p.Value.Display));
        Assert.DoesNotContain(published, p => p.IsSuppressed || p.IsRounded);
    }

    [Fact]
    public void Symbols_are_configurable_and_an_undefined_value_is_not_available()
    {
        var policy = PrimaryOnly with { Symbols = new DisclosureSymbols("*", "n/a", "–") };

        var published = policy.Apply([Ratio("total", 2, 30), Ratio("sex=male", 0, 0)]);

        Assert.Equal("*", published[0].Value.Display);
        Assert.Equal(("n/a", FigureStatus.NotAvailable), (published[1].Value.Display, published[1].Value.Status));
    }

    [Fact]
    public void Applying_the_policy_never_changes_the_stored_results()
    {
        IndicatorResult[] results = [Plain("total", 30), Plain("sex=female", 3), Plain("sex=male", 27)];
        var copy = results.ToArray();

        _ = (DisclosurePolicy.Default with { RoundTo = 10 }).Apply(results);

        Assert.Equal(copy, results);
        Assert.Equal(3m, results[1].Numerator);
    }

    [Fact]
    public void The_published_result_says_what_it_describes_and_whether_it_is_provisional()
    {
        var result = Ratio("sex=male", 12, 40) with { Provisional = true };

        var published = DisclosurePolicy.Default.Apply([result], definitions: [Percent])[0];

        Assert.Equal((result.Methodology, "E08000026", Year, "sex=male", "%"), (published.Methodology, published.AreaCode, published.Period, published.Breakdown.ToString(), published.Unit));
        Assert.True(published.Provisional);
        Assert.Equal("30.0", published.Value.Display);
        Assert.Null(published.Reason);
    }

    [Fact]
    public void Different_areas_and_periods_are_separate_tables()
    {
        IndicatorResult[] results = [Plain("total", 30), Plain("sex=female", 30), Ratio("total", 3, null, "E06000001")];

        var published = DisclosurePolicy.Default.Apply(results);

        Assert.Equal(["30", "30", "~"], published.Select(p => p.Numerator.Display));
    }
}

using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using YouthJustice.Sdk.Statistics;

namespace YouthJustice.Sdk.Tests.Statistics;

public class ConfidenceIntervalTests
{
    // Reference values computed independently of this code: Wilson from the closed form in Python, and the exact
    // Poisson bounds by solving the Poisson tail sums P(X >= k | L) = 0.025 and P(X <= k | U) = 0.025 by bisection.
    [Theory]
    [InlineData(3, 48, 0.0214832, 0.1683544)]
    [InlineData(14, 47, 0.1865125, 0.4397767)]
    [InlineData(0, 10, 0.0, 0.2775328)]
    [InlineData(10, 10, 0.7224672, 1.0)]
    public void Wilson_interval_matches_published_reference_values(long x, long n, double lower, double upper)
    {
        var (lo, hi) = ConfidenceIntervals.Wilson(x, n);
        Assert.Equal(lower, lo, tolerance: 1e-6);
        Assert.Equal(upper, hi, tolerance: 1e-6);
    }

    [Theory]
    [InlineData(0, 0.0, 3.688879)]
    [InlineData(1, 0.025318, 5.571643)]
    [InlineData(8, 3.453832, 15.763189)]
    [InlineData(71, 55.451589, 89.556839)]
    public void Exact_poisson_interval_matches_published_reference_values(long count, double lower, double upper)
    {
        var (lo, hi) = ConfidenceIntervals.PoissonExact(count);
        Assert.Equal(lower, lo, tolerance: 1e-5);
        Assert.Equal(upper, hi, tolerance: 1e-5);
    }

    [Property(MaxTest = 300)]
    public Property Wilson_interval_contains_the_proportion_and_stays_within_zero_and_one() =>
        Prop.ForAll(
            Gen.Choose(0, 2000).SelectMany(n => Gen.Choose(0, n).Select(x => (x, n))).ToArbitrary(),
            t =>
            {
                var (x, n) = t;
                var (lo, hi) = ConfidenceIntervals.Wilson(x, n);
                var p = n == 0 ? 0.5 : (double)x / n;
                return lo >= 0 && hi <= 1 && lo <= p + 1e-12 && p <= hi + 1e-12;
            });

    [Fact]
    public void Wilson_rejects_more_successes_than_trials()
    {
        var ex = Assert.Throws<ArgumentOutOfRangeException>(() => ConfidenceIntervals.Wilson(5, 4));
        Assert.Contains("successes", ex.Message);
    }
}

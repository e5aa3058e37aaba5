using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Internal;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Statistics;

/// <summary>
/// Confidence intervals for small-number indicators: Wilson score intervals for proportions and exact (Garwood)
/// Poisson intervals for counts, rates and frequencies.
/// </summary>
/// <remarks>
/// <para>Local youth justice cohorts are tens of children, so normal-approximation intervals misbehave (they can go
/// below zero or above one). Wilson's interval stays within [0, 1] and is accurate at small n; Garwood's interval is
/// exact for a Poisson count.</para>
/// <para>All methods are pure and thread-safe. Intervals are returned unscaled (a proportion in [0, 1], a count);
/// <see cref="IndicatorResultBuilder"/> scales them by the indicator's multiplier.</para>
/// </remarks>
public static class ConfidenceIntervals
{
    /// <summary>The default confidence level, 95%.</summary>
    public const double DefaultLevel = 0.95;

    /// <summary>The Wilson score interval for <paramref name="successes"/> out of <paramref name="trials"/>.</summary>
    /// <returns>(lower, upper) as proportions in [0, 1]; (0, 1) when <paramref name="trials"/> is 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A count is negative, successes exceed trials, or the level is not in (0, 1).</exception>
    public static (double Lower, double Upper) Wilson(long successes, long trials, double level = DefaultLevel)
    {
        CheckLevel(level);
        if (successes < 0 || trials < 0 || successes > trials)
        {
            throw new ArgumentOutOfRangeException(nameof(successes), $"Need 0 <= successes ({successes}) <= trials ({trials}).");
        }
        if (trials == 0)
        {
            return (0d, 1d);
        }
        var z = NormalQuantile(1 - ((1 - level) / 2));
        double n = trials;
        var p = successes / n;
        var z2 = z * z;
        var denominator = 1 + (z2 / n);
        var centre = (p + (z2 / (2 * n))) / denominator;
        var half = z * Math.Sqrt((p * (1 - p) / n) + (z2 / (4 * n * n))) / denominator;
        // Clamp the exact ends: at 0 or n successes the formula gives 0 or 1 up to rounding error.
        var lower = successes == 0 ? 0d : Math.Max(0d, centre - half);
        var upper = successes == trials ? 1d : Math.Min(1d, centre + half);
        return (lower, upper);
    }

    /// <summary>The exact (Garwood) Poisson interval for an observed count.</summary>
    /// <returns>(lower, upper) for the expected count; the lower bound is 0 when <paramref name="count"/> is 0.</returns>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="count"/> is negative or the level is not in (0, 1).</exception>
    public static (double Lower, double Upper) PoissonExact(long count, double level = DefaultLevel)
    {
        CheckLevel(level);
        if (count < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(count), count, "A count cannot be negative.");
        }
        var alpha = 1 - level;
        // chi2(p; 2k)/2 is the p-quantile of Gamma(k, 1).
        var lower = count == 0 ? 0d : GammaQuantile(alpha / 2, count);
        var upper = GammaQuantile(1 - (alpha / 2), count + 1);
        return (lower, upper);
    }

    /// <summary>The standard normal quantile by Acklam's rational approximation (relative error below 1.2e-9).</summary>
    internal static double NormalQuantile(double p)
    {
        if (p <= 0 || p >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(p), p, "Probability must be in (0, 1).");
        }
        ReadOnlySpan<double> a = [-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02, 1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00];
        ReadOnlySpan<double> b = [-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02, 6.680131188771972e+01, -1.328068155288572e+01];
        ReadOnlySpan<double> c = [-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00, -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00];
        ReadOnlySpan<double> d = [7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00];
        const double pLow = 0.02425;
        double x;
        if (p < pLow)
        {
            var q = Math.Sqrt(-2 * Math.Log(p));
            x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        else if (p <= 1 - pLow)
        {
            var q = p - 0.5;
            var r = q * q;
            x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q / (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
        }
        else
        {
            var q = Math.Sqrt(-2 * Math.Log(1 - p));
            x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
        }
        return x;
    }

    /// <summary>The <paramref name="p"/>-quantile of the Gamma(<paramref name="shape"/>, 1) distribution, by bisection on the regularised incomplete gamma function.</summary>
    internal static double GammaQuantile(double p, double shape)
    {
        double lo = 0, hi = Math.Max(1, shape);
        while (RegularizedLowerGamma(shape, hi) < p)
        {
            hi *= 2;
        }
        for (var i = 0; i < 200 && hi - lo > 1e-12 * Math.Max(1, hi); i++)
        {
            var mid = (lo + hi) / 2;
            if (RegularizedLowerGamma(shape, mid) < p)
            {
                lo = mid;
            }
            else
            {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /// <summary>P(a, x), the regularised lower incomplete gamma function (series below a+1, continued fraction above).</summary>
    internal static double RegularizedLowerGamma(double a, double x)
    {
        if (x <= 0)
        {
            return 0;
        }
        var logPrefix = (a * Math.Log(x)) - x - LogGamma(a);
        if (x < a + 1)
        {
            double sum = 1 / a, term = sum, ap = a;
            for (var n = 0; n < 10_000; n++)
            {
                ap += 1;
                term *= x / ap;
                sum += term;
                if (Math.Abs(term) < Math.Abs(sum) * 1e-15)
                {
                    break;
                }
            }
            return Math.Min(1, sum * Math.Exp(logPrefix));
        }
        // Lentz's continued fraction for Q(a, x).
        const double tiny = 1e-300;
        double bb = x + 1 - a, cc = 1 / tiny, dd = 1 / bb, h = dd;
        for (var i = 1; i < 10_000; i++)
        {
            var an = -i * (i - a);
            bb += 2;
            dd = (an * dd) + bb;
            if (Math.Abs(dd) < tiny)
            {
                dd = tiny;
            }
            cc = bb + (an / cc);
            if (Math.Abs(cc) < tiny)
            {
                cc = tiny;
            }
            dd = 1 / dd;
            var delta = dd * cc;
            h *= delta;
            if (Math.Abs(delta - 1) < 1e-15)
            {
                break;
            }
        }
        return Math.Max(0, 1 - (Math.Exp(logPrefix) * h));
    }

    /// <summary>ln Γ(x) by the Lanczos approximation (g = 7, n = 9).</summary>
    internal static double LogGamma(double x)
    {
        ReadOnlySpan<double> g =
        [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
            12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
        ];
        if (x < 0.5)
        {
            return Math.Log(Math.PI / Math.Abs(Math.Sin(Math.PI * x))) - LogGamma(1 - x);
        }
        x -= 1;
        var sum = g[0];
        for (var i = 1; i < g.Length; i++)
        {
            sum += g[i] / (x + i);
        }
        var t = x + 7.5;
        return (0.5 * Math.Log(2 * Math.PI)) + ((x + 0.5) * Math.Log(t)) - t + Math.Log(sum);
    }

    private static void CheckLevel(double level) =>
        Preconditions.CheckArgument(level is > 0 and < 1, nameof(level), $"The confidence level must be in (0, 1); got {level}.");
}

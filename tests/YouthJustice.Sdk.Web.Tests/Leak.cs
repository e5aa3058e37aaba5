using System.Globalization;

namespace YouthJustice.Sdk.Web.Tests;

/// <summary>What an anonymous caller must never see.</summary>
public static class Leak
{
    /// <summary>The disclosure policy's threshold: counts of 1 to 5 are suppressed for publication.</summary>
    public const int Threshold = 5;

    /// <summary>Whether a displayed count is a small count the policy would suppress (1 to 5).</summary>
    public static bool IsSmallCount(string display) =>
        decimal.TryParse(display, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) && n is > 0 and <= Threshold;
}

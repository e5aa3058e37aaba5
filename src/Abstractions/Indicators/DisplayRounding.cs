namespace YouthJustice.Sdk.Indicators;

/// <summary>
/// Rounding for display. Published youth justice figures round half away from zero (6.25% → 6.3%);
/// .NET's default <see cref="Math.Round(decimal)"/> rounds half to even (6.2%) and must never be used for display.
/// </summary>
public static class DisplayRounding
{
    /// <summary>Rounds <paramref name="value"/> to <paramref name="decimals"/> places, half away from zero.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="decimals"/> is outside 0-28.</exception>
    public static decimal Round(decimal value, int decimals) =>
        Math.Round(value, decimals, MidpointRounding.AwayFromZero);
}

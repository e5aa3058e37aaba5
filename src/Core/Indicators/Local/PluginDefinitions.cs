using System.Collections.Immutable;

namespace YouthJustice.Sdk.Indicators.Local;

/// <summary>Builds a local indicator's definition the same way for every plugin.</summary>
public static class PluginDefinitions
{
    /// <summary>A version-1 definition; a multiplier of 1 is a plain count, shown as a whole number.</summary>
    /// <exception cref="ArgumentNullException">A required argument is null.</exception>
    public static IndicatorDefinition Create(string id, string name, string unit, decimal multiplier, Direction direction, string description,
        SourceCitation source, params (string Name, string Value)[] parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        return new()
        {
            Id = id,
            Name = name,
            Unit = unit,
            Multiplier = multiplier,
            DisplayDecimals = multiplier == 1m ? 0 : 1,
            Direction = direction,
            Description = description,
            Source = source,
            Parameters = parameters.ToImmutableSortedDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal),
        };
    }
}

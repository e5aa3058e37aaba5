using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Internal;

namespace YouthJustice.Sdk.Plugins;

/// <summary>
/// A named, declared change to another indicator's definition (normally a national one), e.g. a local parameter value.
/// The host applies it and lists <see cref="Name"/> in the <see cref="IndicatorResult.AppliedOverrides"/> of every result
/// the changed indicator produces.
/// </summary>
/// <remarks>
/// <para>The target indicator must implement <see cref="IOverridableIndicator"/>; the host reports an override of an
/// indicator that is missing or cannot be overridden as an error of the declaring plugin. <see cref="Apply"/> must keep
/// the definition's id; changes made through <see cref="IndicatorDefinition.WithParameter"/> also raise its version.</para>
/// <para>Immutable and thread-safe if <see cref="Apply"/> is.</para>
/// </remarks>
public sealed class DefinitionOverride
{
    /// <summary>Declares an override.</summary>
    /// <param name="name">A unique name, e.g. <c>coventry-live-tracker-without-waiting-period</c>.</param>
    /// <param name="indicatorId">The id of the indicator to change.</param>
    /// <param name="description">What it changes and why, in a sentence.</param>
    /// <param name="apply">Returns the changed definition.</param>
    /// <exception cref="ArgumentException">An argument is blank.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="apply"/> is null.</exception>
    public DefinitionOverride(string name, string indicatorId, string description, Func<IndicatorDefinition, IndicatorDefinition> apply)
    {
        Name = Preconditions.CheckNotBlank(name, nameof(name));
        IndicatorId = Preconditions.CheckNotBlank(indicatorId, nameof(indicatorId));
        Description = Preconditions.CheckNotBlank(description, nameof(description));
        Apply = Preconditions.CheckNotNull(apply, nameof(apply));
    }

    /// <summary>The override's name, shown in every affected result.</summary>
    public string Name { get; }

    /// <summary>The id of the indicator it changes.</summary>
    public string IndicatorId { get; }

    /// <summary>What it changes and why.</summary>
    public string Description { get; }

    /// <summary>The change.</summary>
    public Func<IndicatorDefinition, IndicatorDefinition> Apply { get; }

    /// <summary>The name.</summary>
    public override string ToString() => Name;
}

/// <summary>An indicator whose methodology can be swapped for a changed definition, so declared overrides can apply to it.</summary>
/// <remarks>National indicators implement this so a plugin can declare a <see cref="DefinitionOverride"/> of them.</remarks>
public interface IOverridableIndicator : IIndicator
{
    /// <summary>Returns an indicator that computes with <paramref name="definition"/> instead of <see cref="IIndicator.Definition"/>.</summary>
    IIndicator WithDefinition(IndicatorDefinition definition);
}

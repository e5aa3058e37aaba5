using System.Collections.Immutable;
using System.Globalization;
using System.Text;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Hosting;

/// <summary>What a host does when a plugin is faulty.</summary>
public enum PluginFailurePolicy
{
    /// <summary>Throw a <see cref="PluginFailureException"/> naming every faulty plugin and the reason.</summary>
    FailFast = 0,
    /// <summary>Leave faulty plugins out, report them in the <see cref="PluginLoadReport"/> (or the run's errors), and carry on.</summary>
    ContinueWithoutFaultyPlugins = 1,
}

/// <summary>Why a plugin was refused or failed.</summary>
public enum PluginErrorKind
{
    /// <summary>The plugin's folder, manifest or assembly could not be read or loaded (including type-identity problems and missing dependencies).</summary>
    CannotLoad = 0,
    /// <summary>The plugin does not support the running SDK version (its manifest range, or the Abstractions version it was built against).</summary>
    IncompatibleVersion = 1,
    /// <summary>The plugin's <c>Register</c> added nothing.</summary>
    RegistersNothing = 2,
    /// <summary>The plugin's <c>Register</c> threw.</summary>
    ThrowsWhileRegistering = 3,
    /// <summary>An indicator, report section, eligibility or validation rule threw while computing.</summary>
    ThrowsWhileComputing = 4,
    /// <summary>An indicator id is already registered (nationally, by another plugin, or twice by the same plugin).</summary>
    DuplicateIndicatorId = 5,
    /// <summary>A programme code or alias is already in the vocabulary.</summary>
    DuplicateProgrammeId = 6,
    /// <summary>An outcome type code is already in the vocabulary.</summary>
    DuplicateOutcomeType = 7,
    /// <summary>Another plugin with the same id is already loaded.</summary>
    DuplicatePluginId = 8,
    /// <summary>A registration breaks a rule (an id without the plugin's prefix, a pathway for another programme, a duplicate rule or section id).</summary>
    InvalidRegistration = 9,
    /// <summary>A declared override names an indicator that is missing or cannot be overridden, or its change failed.</summary>
    InvalidOverride = 10,
    /// <summary>A test case the plugin ships as a data file (<c>test-cases/*.case.json</c>) cannot be read.</summary>
    InvalidTestCase = 11,
}

/// <summary>A problem with one plugin: which plugin, what kind of problem, and a message that says both.</summary>
/// <param name="PluginId">The plugin's id (or its folder's name when the manifest could not be read); <c>core</c> for a national indicator.</param>
/// <param name="Kind">The kind of problem.</param>
/// <param name="Message">A sentence naming the plugin and the reason.</param>
/// <param name="Exception">The exception behind it, if any.</param>
/// <param name="ComponentId">The indicator, rule or section at fault, where there is one.</param>
public sealed record PluginError(string PluginId, PluginErrorKind Kind, string Message, Exception? Exception = null, string? ComponentId = null)
{
    /// <summary>The id used for problems in national (non-plugin) indicators.</summary>
    public const string CoreId = "core";

    /// <summary>"[Kind] message".</summary>
    public override string ToString() => $"[{Kind}] {Message}";
}

/// <summary>Thrown under <see cref="PluginFailurePolicy.FailFast"/> when a plugin is faulty. Lists every problem found.</summary>
public sealed class PluginFailureException : Exception
{
    /// <summary>Creates the exception for <paramref name="errors"/>.</summary>
    public PluginFailureException(IEnumerable<PluginError> errors)
        : this([.. errors ?? throw new ArgumentNullException(nameof(errors))], null)
    {
    }

    private PluginFailureException(ImmutableArray<PluginError> errors, Exception? inner)
        : base(Describe(errors), inner ?? errors.Select(e => e.Exception).FirstOrDefault(e => e is not null))
    {
        Errors = errors;
    }

    /// <summary>Creates the exception with a message.</summary>
    public PluginFailureException() : this([], null)
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    public PluginFailureException(string message) : base(message)
    {
        Errors = [];
    }

    /// <summary>Creates the exception with a message and an inner exception.</summary>
    public PluginFailureException(string message, Exception innerException) : base(message, innerException)
    {
        Errors = [];
    }

    /// <summary>The problems, one per faulty plugin component.</summary>
    public ImmutableArray<PluginError> Errors { get; }

    private static string Describe(ImmutableArray<PluginError> errors)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"{errors.Length} plugin problem(s):");
        foreach (var e in errors)
        {
            sb.AppendLine().Append("  ").Append(e.ToString());
        }
        return sb.ToString();
    }
}

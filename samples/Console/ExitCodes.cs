namespace YouthJustice.Sdk.Samples.Console;

/// <summary>The console's documented exit codes (see README.md, "The console").</summary>
internal static class ExitCodes
{
    /// <summary>The command did what was asked.</summary>
    public const int Success = 0;

    /// <summary>The data has errors: a strict import failed, an import could not produce a dataset under either policy
    /// (no manifest, no children), a lenient import rejected rows or reported errors and <c>--fail-on-rejects</c> was given,
    /// or a case-sample file given to <c>inspect</c> has errors.</summary>
    public const int DataErrors = 1;

    /// <summary>The command line was wrong: unknown command or option, missing argument, a value not among the valid ones
    /// (format, policy, preset, period, area, breakdown, indicator), a number out of range, a bad comparators, targets or plan inputs file,
    /// <c>tracker --publish</c> (child-level output is never published), or a plugin setting given outside plugin.json that
    /// is malformed, names no loaded plugin, or has a value the plugin cannot read.</summary>
    public const int UsageError = 2;

    /// <summary>A plugin failed to load and the host was asked to fail fast (the default; <c>validate</c> never stops for it).</summary>
    public const int PluginError = 3;

    /// <summary>A file or folder could not be read or written.</summary>
    public const int IoError = 4;

    /// <summary><c>yj plugins test</c>: a plugin's shipped test case failed.</summary>
    public const int TestCasesFailed = 5;

    /// <summary>An unexpected internal error: a bug; the message says where.</summary>
    public const int InternalError = 70;
}

using System.Collections.Immutable;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Hosting;

/// <summary>Runs a plugin's <c>Register</c> and checks what it registered on its own (the catalog checks it against others).</summary>
internal static class PluginRegistration
{
    internal static (LoadedPlugin? Plugin, PluginError? Error) Register(
        IYouthJusticePlugin instance, PluginManifest manifest, string? directory, IReadOnlyDictionary<string, string>? hostSettings)
    {
        var id = manifest.Id;
        var settings = manifest.Settings;
        if (hostSettings is not null)
        {
            settings = settings.SetItems(hostSettings);
        }
        var registrar = new RecordingRegistrar(manifest, settings);
        try
        {
            instance.Register(registrar);
        }
#pragma warning disable CA1031 // A plugin may throw anything; the host must report it by name, not crash.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return (null, new PluginError(id, PluginErrorKind.ThrowsWhileRegistering,
                $"Plugin '{id}' threw while registering: {ex.GetType().Name}: {ex.Message}", ex));
        }

        if (registrar.AdditionCount == 0)
        {
            return (null, new PluginError(id, PluginErrorKind.RegistersNothing,
                $"Plugin '{id}' registered nothing. A plugin that adds nothing is usually a build mistake: check that its entry point calls the registrar, " +
                "and that it references YouthJustice.Sdk.Abstractions and YouthJustice.Sdk with Private=false and ExcludeAssets=runtime."));
        }

        var prefix = id + ".";
        foreach (var (kind, componentId) in registrar.Indicators.Select(i => ("indicator", i.Definition.Id))
                     .Concat(registrar.EligibilityRules.Select(r => ("eligibility rule", r.Id)))
                     .Concat(registrar.ValidationRules.Select(r => ("validation rule", r.Id)))
                     .Concat(registrar.ReportSections.Select(s => ("report section", s.Id))))
        {
            if (componentId is null || !componentId.StartsWith(prefix, StringComparison.Ordinal) || componentId.Length == prefix.Length)
            {
                return (null, new PluginError(id, PluginErrorKind.InvalidRegistration,
                    $"Plugin '{id}' registered {kind} '{componentId}', whose id does not start with '{prefix}'.", ComponentId: componentId));
            }
        }

        var badId = registrar.Indicators.Select(i => i.Definition.Id).FirstOrDefault(i => !YouthJusticeComposition.IsValidIndicatorId(i));
        if (badId is not null)
        {
            return (null, new PluginError(id, PluginErrorKind.InvalidRegistration,
                $"Plugin '{id}' registered indicator '{badId}', which is not a valid id: use lower-case letters and digits in words joined by '-', after '{prefix}'.", ComponentId: badId));
        }

        var duplicateIndicator = FirstDuplicate(registrar.Indicators.Select(i => i.Definition.Id), StringComparer.Ordinal);
        if (duplicateIndicator is not null)
        {
            return (null, new PluginError(id, PluginErrorKind.DuplicateIndicatorId,
                $"Plugin '{id}' registered indicator id '{duplicateIndicator}' more than once.", ComponentId: duplicateIndicator));
        }
        var duplicateProgramme = FirstDuplicate(registrar.Programmes.SelectMany(p => p.Aliases.Prepend(p.Code)), StringComparer.OrdinalIgnoreCase);
        if (duplicateProgramme is not null)
        {
            return (null, new PluginError(id, PluginErrorKind.DuplicateProgrammeId,
                $"Plugin '{id}' registered programme code or alias '{duplicateProgramme}' more than once.", ComponentId: duplicateProgramme));
        }
        var duplicateOutcome = FirstDuplicate(registrar.OutcomeTypes.Select(o => o.Code), StringComparer.OrdinalIgnoreCase);
        if (duplicateOutcome is not null)
        {
            return (null, new PluginError(id, PluginErrorKind.DuplicateOutcomeType,
                $"Plugin '{id}' registered outcome type '{duplicateOutcome}' more than once.", ComponentId: duplicateOutcome));
        }
        var duplicateRule = FirstDuplicate(registrar.EligibilityRules.Select(r => r.Id)
            .Concat(registrar.ValidationRules.Select(r => r.Id)).Concat(registrar.ReportSections.Select(s => s.Id)), StringComparer.Ordinal);
        if (duplicateRule is not null)
        {
            return (null, new PluginError(id, PluginErrorKind.InvalidRegistration,
                $"Plugin '{id}' used the id '{duplicateRule}' for more than one rule or report section.", ComponentId: duplicateRule));
        }
        var codes = registrar.Programmes.Select(p => p.Code).ToHashSet(StringComparer.Ordinal);
        var strayPathway = registrar.Pathways.FirstOrDefault(p => !codes.Contains(p.ProgrammeCode));
        if (strayPathway is not null)
        {
            return (null, new PluginError(id, PluginErrorKind.InvalidRegistration,
                $"Plugin '{id}' registered a pathway for programme '{strayPathway.ProgrammeCode}' with a different programme.", ComponentId: strayPathway.ProgrammeCode));
        }
        var duplicateOverride = FirstDuplicate(registrar.Overrides.Select(o => o.Name), StringComparer.Ordinal);
        if (duplicateOverride is not null)
        {
            return (null, new PluginError(id, PluginErrorKind.InvalidOverride,
                $"Plugin '{id}' declared override '{duplicateOverride}' more than once.", ComponentId: duplicateOverride));
        }

        if (directory is not null)
        {
            // The cases it ships as data files, read with its own codes: a case file that cannot be read is a faulty package.
            // (A code that clashes with the national vocabulary is the composition's to report; it is left out here.)
            var vocabulary = registrar.Programmes.Aggregate(
                registrar.OutcomeTypes.Aggregate(DomainVocabulary.National, (v, o) => v.TryGetOutcomeType(o.Code, out _) ? v : v.WithOutcomeType(o)),
                (v, p) => p.Aliases.Prepend(p.Code).Any(c => v.TryGetProgramme(c, out _)) ? v : v.WithProgramme(p));
            try
            {
                var files = PluginTestCaseFiles.Load(directory, vocabulary);
                if (files.Cases.Count > 0)
                {
                    registrar.AddTestCases(files);
                }
            }
            catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
            {
                return (null, new PluginError(id, PluginErrorKind.InvalidTestCase, $"Plugin '{id}' ships a test case that cannot be read: {ex.Message}", ex));
            }
        }

        return (new LoadedPlugin(manifest, directory, instance.GetType(), registrar), null);
    }

    private static string? FirstDuplicate(IEnumerable<string> values, StringComparer comparer)
    {
        var seen = new HashSet<string>(comparer);
        return values.FirstOrDefault(v => !seen.Add(v));
    }
}

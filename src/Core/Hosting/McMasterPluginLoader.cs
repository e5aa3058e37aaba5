using System.Reflection;
using McMaster.NETCore.Plugins;
using Microsoft.Extensions.DependencyInjection;
using NodaTime;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Engine;

namespace YouthJustice.Sdk.Hosting;

/// <summary>
/// The default <see cref="IPluginLoader"/>, built on McMaster.NETCore.Plugins: each plugin gets its own load context, and
/// the contract (YouthJustice.Sdk.Abstractions), the engine (YouthJustice.Sdk), NodaTime and the DI and logging abstractions
/// are shared with the host so types match.
/// </summary>
/// <remarks>
/// <para>Every plugin assembly is verified eagerly with <see cref="Assembly.GetTypes"/>, so a missing or mismatched
/// dependency is reported at load time rather than at first use.</para>
/// <para>Load contexts are not unloadable: a loaded plugin stays for the life of the process. Thread-safe.</para>
/// </remarks>
public sealed class McMasterPluginLoader : IPluginLoader
{
    // Sharing one type from each assembly shares the whole assembly: the host's copy is used, so a plugin's IIndicator
    // is the host's IIndicator (McMaster issues #42, #159) and IServiceCollection matches (issue #302). A plugin computes
    // with the host's engine (the dataset index, result builder, intervals), so YouthJustice.Sdk is shared the same way:
    // one index per dataset, whoever asks.
    private static readonly Type[] SharedTypes =
    [
        typeof(IYouthJusticePlugin),
        typeof(Engine.DatasetIndex),
        typeof(LocalDate),
        typeof(IServiceCollection),
        typeof(Microsoft.Extensions.Logging.ILogger),
    ];

    /// <summary>The version of the running SDK (the Abstractions assembly's version, major.minor.build).</summary>
    public static Version RunningSdkVersion { get; } = Normalise(typeof(IYouthJusticePlugin).Assembly.GetName().Version ?? new Version(0, 0, 0));

    /// <inheritdoc />
    public IReadOnlyList<PluginLoadAttempt> LoadAll(string pluginsDirectory, Version sdkVersion)
    {
        ArgumentNullException.ThrowIfNull(pluginsDirectory);
        ArgumentNullException.ThrowIfNull(sdkVersion);
        if (!System.IO.Directory.Exists(pluginsDirectory))
        {
            throw new DirectoryNotFoundException($"The plugins folder '{pluginsDirectory}' does not exist.");
        }
        return [.. System.IO.Directory.GetDirectories(pluginsDirectory)
            .OrderBy(d => d, StringComparer.Ordinal)
            .Select(d => LoadOne(Path.GetFullPath(d), Normalise(sdkVersion)))];
    }

    private static PluginLoadAttempt LoadOne(string directory, Version sdkVersion)
    {
        var folderName = Path.GetFileName(directory);
        var manifestPath = Path.Combine(directory, PluginManifestReader.FileName);
        if (!File.Exists(manifestPath))
        {
            return Fail(directory, null, folderName, PluginErrorKind.CannotLoad,
                $"Plugin folder '{folderName}' cannot be loaded: it has no {PluginManifestReader.FileName}.");
        }
        PluginManifest manifest;
        try
        {
            manifest = PluginManifestReader.Read(manifestPath);
        }
        catch (Exception ex) when (ex is FormatException or IOException or UnauthorizedAccessException)
        {
            return Fail(directory, null, folderName, PluginErrorKind.CannotLoad,
                $"Plugin folder '{folderName}' cannot be loaded: its manifest is invalid: {ex.Message}", ex);
        }
        var id = manifest.Id;
        if (!manifest.SdkVersion.Includes(sdkVersion))
        {
            return Fail(directory, manifest, id, PluginErrorKind.IncompatibleVersion,
                $"Plugin '{id}' {manifest.Version} supports SDK versions {manifest.SdkVersion}, but this is SDK {sdkVersion.ToString(3)}.");
        }
        var assemblyPath = Path.Combine(directory, manifest.EntryAssembly);
        if (!File.Exists(assemblyPath))
        {
            return Fail(directory, manifest, id, PluginErrorKind.CannotLoad,
                $"Plugin '{id}' cannot be loaded: its entry assembly '{manifest.EntryAssembly}' is not in '{directory}'.");
        }

        Assembly assembly;
        Type[] types;
        try
        {
            var loader = PluginLoader.CreateFromAssemblyFile(assemblyPath, SharedTypes);
            assembly = loader.LoadDefaultAssembly();
            // A plugin built against a newer contract cannot work here even if its range says so (McMaster issue #242).
            var sdkAssemblies = new[] { typeof(IYouthJusticePlugin).Assembly.GetName().Name, typeof(Engine.DatasetIndex).Assembly.GetName().Name };
            var newer = assembly.GetReferencedAssemblies()
                .FirstOrDefault(a => sdkAssemblies.Contains(a.Name) && a.Version is { } v && Normalise(v) > RunningSdkVersion);
            if (newer is not null)
            {
                return Fail(directory, manifest, id, PluginErrorKind.IncompatibleVersion,
                    $"Plugin '{id}' was built against {newer.Name} {Normalise(newer.Version!).ToString(3)}, newer than this host's {RunningSdkVersion.ToString(3)}.");
            }
            types = assembly.GetTypes();
        }
        catch (ReflectionTypeLoadException ex)
        {
            var reasons = string.Join("; ", ex.LoaderExceptions.Where(e => e is not null).Select(e => e!.Message).Distinct());
            return Fail(directory, manifest, id, PluginErrorKind.CannotLoad,
                $"Plugin '{id}' cannot be loaded: its types could not be loaded ({reasons}). This usually means a dependency is missing " +
                "from the plugin's folder or it references an incompatible version of a shared library.", ex);
        }
#pragma warning disable CA1031 // Whatever loading a plugin throws, the host reports it by name and carries on.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            return Fail(directory, manifest, id, PluginErrorKind.CannotLoad,
                $"Plugin '{id}' cannot be loaded from '{manifest.EntryAssembly}': {ex.GetType().Name}: {ex.Message}", ex);
        }

        var entryTypes = types.Where(t => t is { IsClass: true, IsAbstract: false, IsPublic: true } && typeof(IYouthJusticePlugin).IsAssignableFrom(t)).ToList();
        if (manifest.EntryType is not null)
        {
            entryTypes = [.. entryTypes.Where(t => t.FullName == manifest.EntryType)];
        }
        if (entryTypes.Count != 1)
        {
            var lookalikes = types.Where(t => t.GetInterfaces().Any(i => i.FullName == typeof(IYouthJusticePlugin).FullName)).ToList();
            var reason = entryTypes.Count > 1
                ? $"it has {entryTypes.Count} entry points ({string.Join(", ", entryTypes.Select(t => t.FullName))}); name one in the manifest's entryType"
                : lookalikes.Count > 0
                    ? $"its entry type {lookalikes[0].FullName} implements a different copy of IYouthJusticePlugin. The plugin carries its own " +
                      "YouthJustice.Sdk.Abstractions: reference it with Private=false and ExcludeAssets=runtime so the host's copy is used"
                    : manifest.EntryType is not null
                        ? $"it has no public class {manifest.EntryType} implementing IYouthJusticePlugin"
                        : "it has no public class implementing IYouthJusticePlugin";
            return Fail(directory, manifest, id, PluginErrorKind.CannotLoad, $"Plugin '{id}' cannot be loaded: {reason}.");
        }

        try
        {
            var entryPoint = (IYouthJusticePlugin)Activator.CreateInstance(entryTypes[0])!;
            return new PluginLoadAttempt(directory, manifest, entryPoint, null);
        }
#pragma warning disable CA1031 // As above: a throwing constructor is reported, not propagated.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            var inner = ex is TargetInvocationException { InnerException: { } i } ? i : ex;
            return Fail(directory, manifest, id, PluginErrorKind.CannotLoad,
                $"Plugin '{id}' cannot be loaded: creating {entryTypes[0].FullName} failed: {inner.GetType().Name}: {inner.Message}", inner);
        }
    }

    private static PluginLoadAttempt Fail(string directory, PluginManifest? manifest, string id, PluginErrorKind kind, string message, Exception? ex = null) =>
        new(directory, manifest, null, new PluginError(id, kind, message, ex));

    private static Version Normalise(Version v) => new(v.Major, v.Minor, Math.Max(v.Build, 0));
}

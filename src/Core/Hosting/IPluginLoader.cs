using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Indicators;
using YouthJustice.Sdk.Engine;
namespace YouthJustice.Sdk.Hosting;

/// <summary>One plugin folder the loader tried: the plugin's entry point, or why it could not be had.</summary>
/// <param name="Directory">The plugin's folder.</param>
/// <param name="Manifest">The manifest, if it could be read.</param>
/// <param name="EntryPoint">The plugin's entry point, created; <see langword="null"/> when <paramref name="Error"/> is set.</param>
/// <param name="Error">Why the plugin could not be loaded, if it could not.</param>
public sealed record PluginLoadAttempt(string Directory, PluginManifest? Manifest, IYouthJusticePlugin? EntryPoint, PluginError? Error);

/// <summary>
/// Finds plugins in a folder and loads each into its own load context. Our own seam over the loading library, so the
/// library (McMaster.NETCore.Plugins today) can be replaced without touching hosts.
/// </summary>
public interface IPluginLoader
{
    /// <summary>
    /// Loads every plugin under <paramref name="pluginsDirectory"/>: one subfolder per plugin, each holding a
    /// <c>plugin.json</c> and the plugin's assemblies. Never throws for a faulty plugin: its attempt carries the error.
    /// </summary>
    /// <param name="pluginsDirectory">The plugins folder.</param>
    /// <param name="sdkVersion">The running SDK's version, checked against each manifest's range.</param>
    /// <returns>One attempt per subfolder, in ordinal order of folder name.</returns>
    /// <exception cref="DirectoryNotFoundException">The plugins folder does not exist.</exception>
    IReadOnlyList<PluginLoadAttempt> LoadAll(string pluginsDirectory, Version sdkVersion);
}

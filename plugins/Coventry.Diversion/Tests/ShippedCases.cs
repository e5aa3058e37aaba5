using YouthJustice.Sdk.PluginTestSupport;

namespace YouthJustice.Plugins.Coventry.Tests;

/// <summary>The test cases this plugin ships, run as a host runs them.</summary>
public sealed class ShippedCases : ShippedCaseTests;

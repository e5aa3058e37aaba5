using YouthJustice.Sdk.Testing;

namespace YouthJustice.Plugins.Warwickshire.Tests;

/// <summary>The test cases this plugin ships, run as a host runs them.</summary>
public sealed class ShippedCases : ShippedCaseTests;

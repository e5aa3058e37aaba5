using YouthJustice.Sdk.Testing;

namespace Authority.Model.Tests;

/// <summary>Every case in ../Authority.Model/test-cases/, one theory row each, run against the plugin as a host loads it.
/// Add a case by adding a file there: no code.</summary>
public sealed class ShippedCases : ShippedCaseTests;

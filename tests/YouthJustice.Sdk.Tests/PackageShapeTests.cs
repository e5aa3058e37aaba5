using System.Reflection;
using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.Plugins;

namespace YouthJustice.Sdk.Tests;

/// <summary>Which types live in which package: a namespace says which package a type is in, and Core knows no local model.</summary>
public class PackageShapeTests
{
    private static readonly Assembly Abstractions = typeof(IYouthJusticePlugin).Assembly;
    private static readonly Assembly Core = typeof(DatasetIndex).Assembly;

    private static readonly string[] AbstractionsNamespaces =
        ["YouthJustice.Sdk.Domain", "YouthJustice.Sdk.Periods", "YouthJustice.Sdk.Indicators", "YouthJustice.Sdk.Plugins", "YouthJustice.Sdk.Reporting"];

    [Fact]
    public void The_contracts_public_types_are_in_its_own_five_namespaces()
    {
        var namespaces = Abstractions.GetExportedTypes().Select(t => t.Namespace).Distinct().Order(StringComparer.Ordinal);

        Assert.Equal(AbstractionsNamespaces.Order(StringComparer.Ordinal), namespaces);
    }

    [Fact]
    public void No_public_type_of_the_engine_is_in_a_namespace_of_the_contract()
    {
        var misplaced = Core.GetExportedTypes().Where(t => AbstractionsNamespaces.Contains(t.Namespace)).Select(t => t.FullName);

        Assert.Empty(misplaced);
        Assert.All(Core.GetExportedTypes(), t => Assert.True(
            t.Namespace!.StartsWith("YouthJustice.Sdk.", StringComparison.Ordinal) || t.Namespace == "Microsoft.Extensions.DependencyInjection",
            $"{t.FullName} is outside the package's namespaces."));
    }

    [Fact]
    public void The_engine_package_holds_no_synthetic_generator_and_no_local_model()
    {
        var types = Core.GetTypes();

        Assert.DoesNotContain(types, t => t.Namespace?.StartsWith("YouthJustice.Sdk.Synthetic", StringComparison.Ordinal) == true);
        Assert.DoesNotContain(types, t => t.FullName!.Contains("Coventry", StringComparison.Ordinal)
            || t.FullName.Contains("Leicester", StringComparison.Ordinal) || t.FullName.Contains("Warwickshire", StringComparison.Ordinal));
        Assert.DoesNotContain(Core.GetReferencedAssemblies(), a => a.Name == "YouthJustice.Sdk.Synthetic");
    }
}

using YouthJustice.Sdk.Engine;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Plugins;

namespace YouthJustice.Plugins.Leicester;

/// <summary>Every Early Intervention Team episode names a known referral route and, if recorded, a known eligibility basis.</summary>
internal sealed class RouteValidationRule(IReadOnlyCollection<string> programmes) : IValidationRule
{
    public string Id => LeicesterPlugin.Id + ".routes";

    public string Description => "Early Intervention Team episodes have a known referral route and eligibility basis.";

    public IEnumerable<ValidationFinding> Validate(Dataset dataset)
    {
        ArgumentNullException.ThrowIfNull(dataset);
        foreach (var e in dataset.Episodes.Where(e => ProgrammeCodes.Contains(programmes, e.Programme)))
        {
            if (!LeicesterPlugin.Routes.All.Contains(e.Route ?? "", StringComparer.OrdinalIgnoreCase))
            {
                yield return new ValidationFinding(Id, RecordKinds.Episode, e.Id, "Route",
                    $"Route '{e.Route}' is not one of {string.Join(", ", LeicesterPlugin.Routes.All)}.");
            }
            if (e.EligibilityBasis is { } basis && !LeicesterPlugin.Bases.All.Contains(basis, StringComparer.OrdinalIgnoreCase))
            {
                yield return new ValidationFinding(Id, RecordKinds.Episode, e.Id, "EligibilityBasis",
                    $"Eligibility basis '{basis}' is not one of {string.Join(", ", LeicesterPlugin.Bases.All)}.");
            }
        }
    }
}

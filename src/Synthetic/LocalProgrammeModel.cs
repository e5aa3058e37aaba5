using System.Collections.Immutable;
using YouthJustice.Sdk.Domain;
using YouthJustice.Sdk.Internal;
using YouthJustice.Sdk.Plugins;
using YouthJustice.Sdk.Hosting;

namespace YouthJustice.Sdk.Synthetic;

/// <summary>
/// A local programme as a plugin declares it, for the generator: the authority whose plugin declares it, the programme
/// and its pathway. The generator writes the programme's episodes and pathway events from the pathway's declared
/// referral routes (<see cref="ProgrammePathway.Routes"/>), typical episode (<see cref="ProgrammePathway.Typical"/>) and
/// recorded code (<see cref="ProgrammePathway.RecordedAs"/>); it knows no local state, route or code of its own.
/// </summary>
/// <remarks>
/// <para>A model whose pathway declares no typical episode is ignored by the generator.</para>
/// <para>Immutable and thread-safe.</para>
/// </remarks>
public sealed record LocalProgrammeModel
{
    /// <summary>Creates a model.</summary>
    /// <param name="authorityCode">The ONS code of the authority whose plugin declares the programme, e.g. <c>E08000026</c>.</param>
    /// <param name="programme">The programme.</param>
    /// <param name="pathway">Its pathway.</param>
    /// <exception cref="ArgumentNullException">An argument is <see langword="null"/>.</exception>
    /// <exception cref="ArgumentException">The authority code is blank, or the pathway is another programme's.</exception>
    public LocalProgrammeModel(string authorityCode, ProgrammeKind programme, ProgrammePathway pathway)
    {
        AuthorityCode = Preconditions.CheckNotBlank(authorityCode, nameof(authorityCode)).Trim();
        Programme = Preconditions.CheckNotNull(programme, nameof(programme));
        Pathway = Preconditions.CheckNotNull(pathway, nameof(pathway));
        Preconditions.CheckArgument(string.Equals(pathway.ProgrammeCode, programme.Code, StringComparison.OrdinalIgnoreCase), nameof(pathway),
            $"The pathway is {pathway.ProgrammeCode}'s, not {programme.Code}'s.");
    }

    /// <summary>The ONS code of the authority whose plugin declares the programme.</summary>
    public string AuthorityCode { get; }

    /// <summary>The programme.</summary>
    public ProgrammeKind Programme { get; }

    /// <summary>The programme's pathway, with its routes and typical episode.</summary>
    public ProgrammePathway Pathway { get; }

    /// <summary>The national programme whose referrals the programme takes (<see cref="TypicalEpisode.ReferredAs"/>), or
    /// <see langword="null"/> when the pathway declares no typical episode.</summary>
    public string? ReferredAs => Pathway.Typical?.ReferredAs;

    /// <summary>
    /// Every programme with a pathway that the registry's plugins registered, each with its plugin's authority: what a
    /// host passes as <see cref="SyntheticOptions.Programmes"/> to generate data for the plugins it loaded. Plugins in
    /// load order, each plugin's programmes in the order it registered them.
    /// </summary>
    /// <param name="registry">The composed SDK.</param>
    /// <exception cref="ArgumentNullException"><paramref name="registry"/> is <see langword="null"/>.</exception>
    public static ImmutableArray<LocalProgrammeModel> FromRegistry(IYouthJusticeRegistry registry)
    {
        Preconditions.CheckNotNull(registry, nameof(registry));
        var models = ImmutableArray.CreateBuilder<LocalProgrammeModel>();
        foreach (var plugin in registry.LoadReport.Loaded)
        {
            foreach (var code in plugin.Adds.PathwayProgrammeCodes)
            {
                var pathway = registry.Pathways.FirstOrDefault(p => string.Equals(p.ProgrammeCode, code, StringComparison.OrdinalIgnoreCase));
                if (pathway is not null && registry.Vocabulary.TryGetProgramme(code, out var programme))
                {
                    models.Add(new LocalProgrammeModel(plugin.Manifest.AuthorityCode, programme, pathway));
                }
            }
        }
        return models.ToImmutable();
    }
}

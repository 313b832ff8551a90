using Declarative.Core.Graph;
using Declarative.Core.Providers;
using Declarative.Core.State;

using static Declarative.Core.State.Storage.EnumWords;

namespace Declarative.Core.Planning.Saved;

/// <summary>
/// <see cref="SavedPlan"/> ⇄ <see cref="SavedPlanFileV1"/>: the plan-level fields, edges and addresses; each
/// change goes through <see cref="SavedChangeMapper"/>. Invalid content throws <see cref="InvalidDataException"/>.
/// </summary>
internal static class SavedPlanMapper
{
    public static SavedPlanFileV1 ToFile(SavedPlan saved, SecretSealer sealer, string keyCheck)
    {
        var plan = saved.Plan;
        return new SavedPlanFileV1
        {
            FormatVersion = SavedPlanFileV1.Version,
            DeclarativeVersion = saved.DeclarativeVersion,
            CreatedAt = saved.CreatedAt,
            Project = plan.Project,
            Environment = plan.Environment,
            ProjectRoot = saved.ProjectRoot,
            BaseRevision = plan.BaseRevision,
            Target = new()
            {
                KubernetesServer = plan.Target.KubernetesServer,
                KubernetesContext = plan.Target.KubernetesContext,
                DefaultNamespace = plan.Target.DefaultNamespace,
                DockerHost = plan.Target.DockerHost,
            },
            KeyCheck = keyCheck,
            Changes = [.. plan.Changes.Select(c => SavedChangeMapper.ToFile(c, sealer))],
            Edges = [.. plan.Edges.Select(e => new SavedEdgeV1(ToFile(e.From), ToFile(e.To), e.Reason, Word(e.Kind)))],
        };
    }

    public static SavedPlan FromFile(SavedPlanFileV1 file, SecretSealer sealer)
    {
        var target = new TargetIdentity(file.Target.KubernetesServer, file.Target.KubernetesContext, file.Target.DefaultNamespace, file.Target.DockerHost);
        var plan = new Plan(
            file.Project,
            file.Environment,
            file.BaseRevision,
            target,
            [.. file.Changes.Select(c => SavedChangeMapper.FromFile(c, sealer))],
            [.. file.Edges.Select(e => new Edge(FromFile(e.From), FromFile(e.To), e.Reason, Parse<DependencyKind>(e.Kind, "edge kind")))]);
        return new SavedPlan(plan, file.ProjectRoot, file.CreatedAt, file.DeclarativeVersion);
    }

    public static SavedAddressV1 ToFile(ResourceAddress address) =>
        new() { Module = address.Module, Group = address.Group, Kind = address.Kind, Namespace = address.Namespace, Name = address.Name };

    public static ResourceAddress FromFile(SavedAddressV1 address) => new(address.Module, address.Group, address.Kind, address.Namespace, address.Name);
}

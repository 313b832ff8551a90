using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Planning;
using Declarative.Core.Providers;
using Declarative.Providers.Docker.Runtime.Shared;
using Docker.DotNet;

namespace Declarative.Providers.Docker.Runtime.Containers;

/// <summary>
/// Plans a container (docs/containers.md): the applied spec against the inspected container on the paths of the
/// document, plus its state and the image ID its reference names now. A container cannot be changed in place, so
/// any change is a replace with the fields that force it; only the restart policy and a stopped container are
/// fixed in place (docker update, docker start).
/// </summary>
internal sealed class ContainerPlanner(IDockerClient client, DockerProviderOptions options)
{
    /// <summary>Paths an in-place update can fix.</summary>
    private static readonly ImmutableArray<string> InPlace = ["spec.restart", "status.state"];

    /// <summary>What a container that was removed by hand reads as, so the plan shows that as drift.</summary>
    private const string Missing = "missing";

    public async Task<PlannedChange> PlanAsync(DesiredResource desired, LiveResource? live, AppliedResource? lastApplied, CancellationToken cancellationToken)
    {
        var spec = ContainerDocument.Read(desired.Object, options.DocumentFolders.GetValueOrDefault(desired.Address));
        var imageKnown = !desired.Unknowns.Any(u => u.Path == "/spec/image");
        if (imageKnown && spec.Image is { } image)
        {
            spec = spec with { ImageId = await LocalImages.IdOfAsync(client, image, cancellationToken).ConfigureAwait(false) };
        }

        var last = lastApplied is null ? null : ContainerJson.Of(ContainerDocument.Read(lastApplied.Object, null));
        var removedByHand = live is null && lastApplied is not null;
        var liveObject = removedByHand ? new JsonObject { ["status"] = new JsonObject { ["state"] = Missing } } : live?.Object;
        var compared = new ComparedObjects(desired, ContainerJson.Of(spec), liveObject, last, live);
        var diffs = compared.Diffs();
        if (live is null)
        {
            return compared.Change(ChangeAction.Create, diffs, removedByHand ? ["status.state"] : []);
        }

        var drift = compared.DriftPaths();
        if (diffs.IsEmpty)
        {
            return compared.Change(ChangeAction.NoOp, diffs, drift);
        }

        var forcing = diffs.Select(d => d.Path).Where(p => !InPlace.Any(i => FieldPath.IsUnder(p, i))).Distinct().ToList();
        return forcing.Count == 0
            ? compared.Change(ChangeAction.Update, diffs, drift)
            : compared.Change(ChangeAction.Replace, diffs, drift, ReplaceReason(forcing, imageKnown));
    }

    private static string ReplaceReason(IReadOnlyList<string> paths, bool imageKnown)
    {
        if (!imageKnown)
        {
            return "a container cannot be changed in place, and its image is known only after apply";
        }

        var named = paths.Select(p => p == "status.imageId" ? "the image ID behind spec.image" : p).Take(3).ToList();
        var more = paths.Count > named.Count ? $" and {paths.Count - named.Count} more" : string.Empty;
        return $"a container cannot be changed in place ({string.Join(", ", named)}{more} changed)";
    }
}

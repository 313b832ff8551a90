using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Planning;
using Declarative.Core.Providers;
using Declarative.Providers.Docker.Registries;
using Declarative.Providers.Docker.Runtime.Shared;
using Docker.DotNet;

namespace Declarative.Providers.Docker.Runtime.Images;

/// <summary>
/// Plans an Image (docs/images.md): its tag is the digest of its inputs, known before any build. An Image whose tag
/// is already in its repository (or, never pushed, on the engine) is a no-op whose reference is known now, pinned
/// by the registry's digest; otherwise it is "+ push" (built here already) or "+ build", and its reference is known
/// after apply.
/// </summary>
internal sealed class ImagePlanner(IDockerClient client, ImageRegistries registries, DockerProviderOptions options)
{
    public const string ReferencePath = "reference";

    public async Task<PlannedChange> PlanAsync(DesiredResource desired, LiveResource? live, AppliedResource? lastApplied, CancellationToken cancellationToken)
    {
        var image = ImageSpec.Read(desired.Object, options.DocumentFolders.GetValueOrDefault(desired.Address));
        var (_, tag) = await new ImageTagger(options).TagAsync(image, cancellationToken).ConfigureAwait(false);
        var local = image.LocalReference(tag);
        var imageId = await LocalImages.IdOfAsync(client, local, cancellationToken).ConfigureAwait(false);
        if (image.Repository is { } repository)
        {
            if (await RemoteDigestAsync(image, tag, cancellationToken).ConfigureAwait(false) is { } digest)
            {
                return NoOp(desired, live, Outputs(($"{repository}:{tag}@{digest}", tag, digest, imageId)));
            }

            return Change(desired, live, lastApplied, tag, imageId is null ? "build" : "push");
        }

        return imageId is null
            ? Change(desired, live, lastApplied, tag, "build")
            : NoOp(desired, live, Outputs((local, tag, null, imageId)));
    }

    public static ResourceOutputs Outputs((string Reference, string Tag, string? Digest, string? ImageId) values)
    {
        var outputs = ImmutableSortedDictionary.CreateBuilder<string, string>(StringComparer.Ordinal);
        outputs[ReferencePath] = values.Reference;
        outputs["tag"] = values.Tag;
        if (values.Digest is { } digest)
        {
            outputs["digest"] = digest;
        }

        if (values.ImageId is { } id)
        {
            outputs["imageId"] = id;
        }

        return new ResourceOutputs(outputs.ToImmutable());
    }

    private static PlannedChange NoOp(DesiredResource desired, LiveResource? live, ResourceOutputs known) =>
        new(desired.Address, ChangeAction.NoOp, [], [], null, [], [], desired, live, KnownOutputs: known);

    private static PlannedChange Change(DesiredResource desired, LiveResource? live, AppliedResource? lastApplied, string tag, string verb)
    {
        var lastTag = lastApplied?.Outputs["tag"];
        var lastReference = lastApplied?.Outputs[ReferencePath];
        var diffs = ImmutableArray.CreateBuilder<FieldDiff>();
        if (lastTag != tag)
        {
            diffs.Add(new FieldDiff("tag", lastTag is null ? FieldDiffKind.Added : FieldDiffKind.Changed, lastTag is null ? null : JsonValue.Create(lastTag), JsonValue.Create(tag)));
        }

        diffs.Add(new FieldDiff(ReferencePath, lastReference is null ? FieldDiffKind.Added : FieldDiffKind.Changed, lastReference is null ? null : JsonValue.Create(lastReference), null, Unknown: true));
        return new PlannedChange(
            desired.Address,
            lastApplied is null ? ChangeAction.Create : ChangeAction.Update,
            diffs.ToImmutable(),
            [],
            null,
            [],
            [ReferencePath],
            desired,
            live,
            verb);
    }

    /// <summary>The tag's digest in the repository. A registry that cannot be asked yet (its container is created by
    /// this same apply) or refuses the credential plans a push; the push itself reports the problem.</summary>
    private async Task<string?> RemoteDigestAsync(ImageSpec image, string tag, CancellationToken cancellationToken)
    {
        try
        {
            return await registries.DigestAsync(registries.TargetOf(image), tag, cancellationToken).ConfigureAwait(false);
        }
        catch (RegistryException)
        {
            return null;
        }
    }
}

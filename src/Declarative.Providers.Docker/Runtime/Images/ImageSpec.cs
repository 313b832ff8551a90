using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;
using Declarative.Providers.Docker.Images;
using Declarative.Providers.Docker.Runtime.Shared;

namespace Declarative.Providers.Docker.Runtime.Images;

/// <summary>
/// An Image document as the provider needs it. <see cref="Context"/> is absolute: a document's context is relative
/// to the document's folder, and what is stored after apply holds the absolute path so that a rollback or a drift
/// check needs no project folder.
/// </summary>
internal sealed record ImageSpec(
    string Name,
    string Project,
    string Context,
    string? Dockerfile,
    ImmutableSortedDictionary<string, string?> BuildArgs,
    string? Target,
    string? Platform,
    ImmutableSortedDictionary<string, string> Labels,
    string? Repository,
    string? Registry)
{
    /// <summary>What the build sees besides the context: the input digest covers all of it.</summary>
    public ImageBuildInputs Inputs => new(BuildArgs, Target, Platform, Labels);

    /// <summary>The reference the image is tagged with: <c>repository:tag</c>, or <c>project-name:tag</c> for an
    /// image that is never pushed.</summary>
    public string LocalReference(string tag) => $"{Repository ?? LocalRepository}:{tag}";

    /// <summary>Docker repository names are lowercase.</summary>
    private string LocalRepository => $"{Project}-{Name}".ToLowerInvariant();

    public static ImageSpec Read(JsonObject document, string? folder)
    {
        var spec = document["spec"] as JsonObject ?? [];
        var context = JsonText.Of(spec["context"]) ?? ".";
        return new ImageSpec(
            JsonText.At(document, "/metadata/name") ?? string.Empty,
            JsonText.At(document, $"/metadata/labels/{JsonPointer.Escape(WellKnown.ProjectLabel)}") ?? "declarative",
            Path.IsPathRooted(context) || folder is null ? context : Path.GetFullPath(Path.Combine(folder, context)),
            JsonText.Of(spec["dockerfile"]),
            (spec["buildArgs"] as JsonObject ?? []).ToImmutableSortedDictionary(p => p.Key, p => p.Value is null ? null : Scalars.Text(p.Value), StringComparer.Ordinal),
            JsonText.Of(spec["target"]),
            JsonText.Of(spec["platform"]),
            Scalars.StringMap(spec["labels"]).ToImmutableSortedDictionary(StringComparer.Ordinal),
            JsonText.Of(spec["repository"]),
            JsonText.Of(spec["registry"]));
    }

    /// <summary>The document with its context made absolute: what is applied and stored.</summary>
    public static JsonObject WithAbsoluteContext(JsonObject document, string? folder)
    {
        var copy = (JsonObject)document.DeepClone();
        if (folder is not null && copy["spec"] is JsonObject spec && JsonText.Of(spec["context"]) is { } context && !Path.IsPathRooted(context))
        {
            spec["context"] = Path.GetFullPath(Path.Combine(folder, context));
        }

        return copy;
    }
}

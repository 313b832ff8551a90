using System.Text.Json.Nodes;
using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;
using Declarative.Providers.Docker.Catalog.Schema;

namespace Declarative.Providers.Docker.Catalog;

/// <summary>
/// Checks one Docker document against schema v1 and reports every problem: an unknown kind or version
/// (DCL132), a missing name (DCL103), then the whole document through <see cref="DockerSchemas"/>.
/// </summary>
internal static class DocumentValidator
{
    public static IReadOnlyList<Diagnostic> Validate(RenderedDocument document)
    {
        var type = new ResourceType(document.ApiVersion ?? string.Empty, document.Kind ?? string.Empty);
        var walk = new SchemaWalk(document, type.Kind);
        var versionKnown = CheckVersion(type, walk);
        var shape = CheckKind(type, walk) && versionKnown ? DockerSchemas.Document(type.Kind) : null;
        CheckNamePresent(document, walk);
        if (shape is null)
        {
            CheckMetadataOnly(document, walk);
        }
        else
        {
            shape.Validate(document.Content, string.Empty, walk);
            CheckMissingSpec(document, type.Kind, walk);
        }

        return walk.Diagnostics;
    }

    private static bool CheckVersion(ResourceType type, SchemaWalk walk)
    {
        if (type.Version == DockerKinds.Version)
        {
            return true;
        }

        walk.Add(Diagnostic.Error(
            DiagnosticCodes.UnknownKind,
            $"Unknown apiVersion {type.ApiVersion}",
            walk.Source.Locate("/apiVersion"),
            $"The Docker kinds are served as {DockerKinds.ApiVersion} only.",
            $"Change apiVersion to {DockerKinds.ApiVersion}."));
        return false;
    }

    private static bool CheckKind(ResourceType type, SchemaWalk walk)
    {
        if (DockerKinds.All.Contains(type.Kind, StringComparer.Ordinal))
        {
            return true;
        }

        var suggestion = Suggestions.Closest(type.Kind, DockerKinds.All);
        walk.Add(Diagnostic.Error(
            DiagnosticCodes.UnknownKind,
            $"Unknown kind {type.Kind}",
            walk.Source.Locate("/kind"),
            $"{DockerKinds.Group} has the kinds {string.Join(", ", DockerKinds.All)}.",
            suggestion is null
                ? "Change kind to one of those, or change apiVersion to the group of the kind you meant."
                : $"Did you mean {suggestion}? Change kind to {suggestion}."));
        return false;
    }

    private static void CheckNamePresent(RenderedDocument document, SchemaWalk walk)
    {
        var metadata = document.Content["metadata"];
        if (metadata is JsonObject obj ? obj["name"] is not null : metadata is not null)
        {
            return;
        }

        walk.Add(Diagnostic.Error(
            DiagnosticCodes.MissingTypeOrName,
            "Missing metadata.name",
            walk.Source.Locate("/metadata"),
            "Every Docker resource needs metadata.name: it is the name of the Docker object and of the resource.",
            "Add metadata.name."));
    }

    private static void CheckMetadataOnly(RenderedDocument document, SchemaWalk walk)
    {
        if (document.Content["metadata"] is { } metadata)
        {
            DockerSchemas.Metadata.Validate(metadata, "/metadata", walk);
        }
    }

    /// <summary>A document without spec still lacks the spec's required fields; they are reported where
    /// spec would be.</summary>
    private static void CheckMissingSpec(RenderedDocument document, string kind, SchemaWalk walk)
    {
        if (document.Content["spec"] is null && DockerSchemas.Spec(kind) is { } spec)
        {
            spec.CheckContent(new JsonObject(), "/spec", walk);
        }
    }
}

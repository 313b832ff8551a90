using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;

namespace Declarative.Core.Graph;

/// <summary>
/// Turns an environment's documents into resources: picks the owning catalog (first that owns the type),
/// checks the document with it, resolves scope and address (a namespaced object without a namespace gets
/// <see cref="CatalogContext.DefaultNamespace"/>), and reports duplicate addresses naming both places.
/// The input documents are never mutated; every resource holds its own deep clone of the content.
/// </summary>
public static class ResourceResolver
{
    private const string NamePointer = "/metadata/name";

    public static StageResult<ImmutableArray<Resource>> Resolve(
        ImmutableArray<RenderedDocument> documents,
        IReadOnlyList<IKindCatalog> catalogs,
        CatalogContext context)
    {
        var diagnostics = new DiagnosticBag();
        var resources = ImmutableArray.CreateBuilder<Resource>();
        // Keyed without the module path: two module instances producing one object would fight over it.
        var byAddress = new Dictionary<ResourceAddress, Resource>();
        foreach (var document in documents)
        {
            var resource = ResolveOne(document, catalogs, context, diagnostics);
            if (resource is null)
            {
                continue;
            }

            var objectAddress = resource.Address with { Module = string.Empty };
            if (byAddress.TryGetValue(objectAddress, out var first))
            {
                diagnostics.Add(Duplicate(first, resource));
                continue;
            }

            byAddress.Add(objectAddress, resource);
            resources.Add(resource);
        }

        return new StageResult<ImmutableArray<Resource>>(resources.ToImmutable(), diagnostics.ToImmutable());
    }

    private static Resource? ResolveOne(
        RenderedDocument document,
        IReadOnlyList<IKindCatalog> catalogs,
        CatalogContext context,
        DiagnosticBag diagnostics)
    {
        if (DocumentTypeReader.Read(document, diagnostics) is not { } type)
        {
            return null;
        }

        var catalog = catalogs.FirstOrDefault(c => c.Owns(type));
        if (catalog is null)
        {
            diagnostics.Add(UnknownKind(document, type));
            return null;
        }

        var problems = catalog.Validate(document, context).ToList();
        diagnostics.AddRange(problems);
        if (problems.Exists(d => d.Severity == Severity.Error))
        {
            return null;
        }

        if (JsonText.At(document.Content, NamePointer) is not { } name)
        {
            diagnostics.Add(MissingName(document));
            return null;
        }

        var info = catalog.Describe(type, context);
        var (ns, content) = ApplyScope(document.Content, info.Scope, context.DefaultNamespace);
        var address = new ResourceAddress(document.Module, info.Kind.Group, info.Kind.Kind, ns, name);
        return new Resource(address, type, info.Scope, catalog.ProviderName, content, document.Source);
    }

    private static (string? Namespace, JsonObject Content) ApplyScope(JsonObject original, ResourceScope scope, string defaultNamespace)
    {
        var content = (JsonObject)original.DeepClone();
        var written = JsonText.At(original, "/metadata/namespace");
        switch (scope)
        {
            case ResourceScope.Namespaced:
                var ns = written ?? defaultNamespace;
                if (content["metadata"] is JsonObject metadata && !metadata.ContainsKey("namespace"))
                {
                    // Right after the name, where people write it, so rendered output reads naturally.
                    var nameIndex = metadata.IndexOf("name");
                    metadata.Insert(nameIndex < 0 ? 0 : nameIndex + 1, "namespace", ns);
                }
                else if (content["metadata"] is JsonObject existing)
                {
                    existing["namespace"] = ns;
                }

                return (ns, content);
            case ResourceScope.Cluster:
                return (null, content);
            default:
                return (written, content);
        }
    }


    private static Diagnostic Duplicate(Resource first, Resource second) =>
        first.Address.Module == second.Address.Module
            ? Diagnostic.Error(
                DiagnosticCodes.DuplicateAddress,
                "Duplicate resource address",
                second.Source.Locate(NamePointer),
                $"{second.Address} is already defined at {first.Source.Locate(NamePointer)}.",
                "Give one of them another name or namespace, or remove the duplicate.")
            : Diagnostic.Error(
                DiagnosticCodes.DuplicateAddress,
                "Two modules produce the same object",
                second.Source.Locate(NamePointer),
                $"{second.Address} and {first.Address} (defined at {first.Source.Locate(NamePointer)}) are the same object in the cluster: {ModuleOf(second)} and {ModuleOf(first)} both produce it.",
                "Make the object's name depend on the instance, for example name: {{ module.name }}, or give the instances values that differ.");

    private static string ModuleOf(Resource resource) =>
        resource.Address.Module.Length == 0 ? "the project's own files" : $"module instance \"{resource.Address.Module}\"";

    private static Diagnostic UnknownKind(RenderedDocument document, ResourceType type) =>
        Diagnostic.Error(
            DiagnosticCodes.UnknownKind,
            "Unknown kind",
            document.Source.Locate("/kind"),
            $"No provider knows the kind {type.Kind} in apiVersion {type.ApiVersion}.",
            "Check the apiVersion and kind for typos.");

    private static Diagnostic MissingName(RenderedDocument document) =>
        Diagnostic.Error(
            DiagnosticCodes.MissingTypeOrName,
            "Document has no metadata.name",
            document.Source.Locate(NamePointer),
            "Every resource needs a name so that it can be tracked.",
            "Add metadata.name to the document.");
}

using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;
using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;
using Declarative.Providers.Kubernetes.Catalog;

namespace Declarative.Providers.Kubernetes.Schemas;

/// <summary>
/// Checks a document's fields against its schema: a built-in kind against the embedded schema file (read on the
/// first document that needs it), a custom resource against the openAPIV3Schema of its version in the project's
/// CRD. Kinds of neither kind, and versions no schema describes, are left alone. One per catalog.
/// </summary>
internal sealed class KubeSchemaValidator
{
    private readonly Lazy<BuiltInSchemas> _builtIn = new(() => new BuiltInSchemas(KubeSchemaFile.LoadEmbedded()));
    private readonly ConditionalWeakTable<JsonObject, SchemaShape> _crdShapes = [];

    public IEnumerable<Diagnostic> Validate(RenderedDocument document, ResourceType type, CatalogContext context)
    {
        if (type.Kind.Length == 0)
        {
            return [];
        }

        if (BuiltInKinds.Find(type.KindRef) is not null)
        {
            return _builtIn.Value.File.TypeOf(type) is { } typeName
                ? Walk(document, type.Kind, _builtIn.Value.Object(typeName), customResource: false)
                : [];
        }

        return ProjectCrds.SchemaOf(type, context) is { } schema
            ? Walk(document, type.Kind, _crdShapes.GetValue(schema, s => CrdSchemaShapes.ForResource(s, _builtIn.Value.Object("V1ObjectMeta"))), customResource: true)
            : [];
    }

    private static IReadOnlyList<Diagnostic> Walk(RenderedDocument document, string kind, SchemaShape shape, bool customResource)
    {
        var findings = new SchemaFindings(document, kind, customResource);
        new SchemaWalk(findings).Walk(document.Content, shape, string.Empty);
        return findings.Diagnostics;
    }
}

using System.Collections.Immutable;
using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;
using Declarative.Providers.Kubernetes.Schemas;

namespace Declarative.Providers.Kubernetes.Catalog;

/// <summary>
/// The static half of the Kubernetes provider. It owns every apiVersion/kind (the Cli asks it last), knows the
/// scope of the built-in kinds of Kubernetes 1.32 and of the custom kinds whose CRD is in the project, and
/// leaves every other kind's scope to discovery.
/// </summary>
public sealed class KubernetesKindCatalog : IKindCatalog
{
    public const string Name = "kubernetes";

    private static readonly ImmutableArray<string> SecretPaths = ["data", "stringData"];

    private readonly KubeSchemaValidator _schemas = new();

    public string ProviderName => Name;

    public ImmutableDictionary<string, KindRef> ReferenceSchemes => ImmutableDictionary<string, KindRef>.Empty;

    public bool Owns(ResourceType type) => !string.IsNullOrEmpty(type.ApiVersion) && !string.IsNullOrEmpty(type.Kind);

    public KindInfo Describe(ResourceType type, CatalogContext context)
    {
        var kind = type.KindRef;
        var scope = BuiltInKinds.Find(kind)?.Scope ?? ProjectCrds.Find(kind, context)?.Scope ?? ResourceScope.Unknown;
        return new KindInfo(kind, scope);
    }

    public IEnumerable<Diagnostic> Validate(RenderedDocument document, CatalogContext context)
    {
        var type = new ResourceType(document.ApiVersion ?? string.Empty, document.Kind ?? string.Empty);
        var scope = Describe(type, context).Scope;
        return
        [
            .. IdentityValidator.Validate(document, type.KindRef),
            .. NamespaceValidator.Validate(document, type.KindRef, scope),
            .. MetadataMapValidator.Validate(document),
            .. ApiVersionValidator.Validate(document, type, context),
            .. ReservedGroupValidator.Validate(document, type, context),
            .. Rules.KubernetesRules.Validate(document, type.KindRef),
            .. _schemas.Validate(document, type, context),
        ];
    }

    public IEnumerable<DependencyRequest> GetDependencies(Resource resource, CatalogContext context) =>
        KubernetesDependencies.For(resource, context);

    public ImmutableArray<string> GetSensitivePaths(Resource resource) =>
        resource.Type.KindRef == new KindRef(BuiltInKinds.CoreGroup, "Secret") ? SecretPaths : [];
}

using System.Collections.Immutable;

namespace Declarative.Kubernetes.ApiServer.Registry;

/// <summary>
/// One served resource of one group/version (reference sections 2.1 and 2.4). <see cref="Subresources"/> lists
/// "status", "scale"... Custom resources (<see cref="IsCustom"/>) come from CRDs and list with kind/apiVersion on
/// their items; built-in list items carry neither.
/// </summary>
public sealed record ApiResource(
    string Group,
    string Version,
    string Kind,
    string Plural,
    string Singular,
    bool Namespaced,
    ImmutableArray<string> ShortNames,
    ImmutableArray<string> Categories,
    ImmutableArray<string> Subresources,
    ImmutableArray<string> Verbs,
    bool IsCustom = false)
{
    public static readonly ImmutableArray<string> AllVerbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    public string GroupVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public string ApiVersion => GroupVersion;

    public string ListKind => Kind + "List";

    /// <summary>"deployments.apps", core: "configmaps" (NotFound, AlreadyExists, Conflict messages).</summary>
    public string GroupResource => Group.Length == 0 ? Plural : $"{Plural}.{Group}";

    /// <summary>"Deployment.apps", core: "ConfigMap" (Invalid messages).</summary>
    public string GroupKind => Group.Length == 0 ? Kind : $"{Kind}.{Group}";

    /// <summary>Versions of one resource share storage: the key leaves the version out.</summary>
    public string StorageKey => $"{Group}/{Plural}";

    public bool Has(string subresource) => Subresources.Contains(subresource);
}

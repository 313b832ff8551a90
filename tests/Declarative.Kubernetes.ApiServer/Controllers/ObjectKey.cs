using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Registry;
using Declarative.Kubernetes.ApiServer.Storage;

namespace Declarative.Kubernetes.ApiServer.Controllers;

/// <summary>One object a controller reconciles: its collection (group and plural) and its name.</summary>
public readonly record struct ObjectKey(string Group, string Plural, string? Namespace, string Name)
{
    public static ObjectKey Of(ApiResource resource, JsonObject obj) =>
        new(resource.Group, resource.Plural, ObjectMeta.Namespace(obj), ObjectMeta.Name(obj));

    public override string ToString() => Namespace is null ? $"{Plural}.{Group}/{Name}" : $"{Plural}.{Group}/{Namespace}/{Name}";
}

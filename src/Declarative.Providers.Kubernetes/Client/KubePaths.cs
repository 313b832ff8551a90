namespace Declarative.Providers.Kubernetes.Client;

/// <summary>REST paths of a resource (reference 2.4): core under /api/v1, named groups under /apis/g/v;
/// namespaced collections under namespaces/NS unless listing across all namespaces.</summary>
internal static class KubePaths
{
    public static string Collection(KubeResource resource, string? ns)
    {
        var prefix = resource.Group.Length == 0 ? $"/api/{resource.Version}" : $"/apis/{resource.Group}/{resource.Version}";
        var scope = resource.Namespaced && ns is not null ? $"/namespaces/{Uri.EscapeDataString(ns)}" : string.Empty;
        return $"{prefix}{scope}/{resource.Plural}";
    }

    public static string Item(KubeResource resource, string? ns, string name)
    {
        if (resource.Namespaced && ns is null)
        {
            throw new ArgumentException($"{resource.Kind} \"{name}\" is namespaced, so it needs a namespace.", nameof(ns));
        }

        return $"{Collection(resource, ns)}/{Uri.EscapeDataString(name)}";
    }

    public static string Query(params (string Name, string? Value)[] parameters) => string.Join(
        '&',
        parameters.Where(p => p.Value is not null).Select(p => $"{p.Name}={Uri.EscapeDataString(p.Value!)}"));
}

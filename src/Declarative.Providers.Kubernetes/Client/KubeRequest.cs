namespace Declarative.Providers.Kubernetes.Client;

/// <summary>What a request is about, for error messages: the API verb, the resource, namespace and name.</summary>
internal sealed record KubeRequest(string Verb, KubeResource? Resource, string? Namespace, string? Name)
{
    /// <summary>"deployments.apps \"web\" in namespace \"shop\"", or "the API server's discovery documents".</summary>
    public string Describe()
    {
        if (Resource is null)
        {
            return "the API server's discovery documents";
        }

        var what = Resource.Group.Length == 0 ? Resource.Plural : $"{Resource.Plural}.{Resource.Group}";
        var name = Name is null ? what : $"{what} \"{Name}\"";
        return Namespace is null || !Resource.Namespaced ? name : $"{name} in namespace \"{Namespace}\"";
    }

    public bool IsIdempotent => Verb is not "create";
}

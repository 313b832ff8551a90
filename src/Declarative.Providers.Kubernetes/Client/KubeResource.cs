using System.Collections.Immutable;

namespace Declarative.Providers.Kubernetes.Client;

/// <summary>A served resource as discovery describes it (reference 2.4): enough to build its REST paths.</summary>
public sealed record KubeResource(
    string Group,
    string Version,
    string Kind,
    string Plural,
    bool Namespaced,
    ImmutableArray<string> Verbs,
    ImmutableArray<string> Subresources)
{
    public string ApiVersion => Group.Length == 0 ? Version : $"{Group}/{Version}";

    public bool HasStatus => Subresources.Contains("status");
}

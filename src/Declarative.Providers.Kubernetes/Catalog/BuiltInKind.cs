using System.Collections.Immutable;
using Declarative.Core.Providers;

namespace Declarative.Providers.Kubernetes.Catalog;

/// <summary>A kind Kubernetes serves without a CRD: its group, GA versions, REST resource name and scope.</summary>
internal sealed record BuiltInKind(string Group, string Kind, string Resource, ResourceScope Scope, ImmutableArray<string> Versions)
{
    public KindRef KindRef => new(Group, Kind);

    /// <summary>The apiVersion to write for this kind: its group and its preferred (first) GA version.</summary>
    public string PreferredApiVersion => ApiVersionOf(Versions[0]);

    /// <summary>Every apiVersion that serves this kind, preferred first.</summary>
    public IEnumerable<string> ServedApiVersions => Versions.Select(ApiVersionOf);

    private string ApiVersionOf(string version) => Group.Length == 0 ? version : $"{Group}/{version}";
}

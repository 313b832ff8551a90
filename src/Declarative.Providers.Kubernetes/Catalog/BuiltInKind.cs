using System.Collections.Immutable;
using Declarative.Core.Providers;

namespace Declarative.Providers.Kubernetes.Catalog;

/// <summary>A kind Kubernetes serves without a CRD: its group, GA versions, REST resource name and scope.</summary>
internal sealed record BuiltInKind(string Group, string Kind, string Resource, ResourceScope Scope, ImmutableArray<string> Versions)
{
    public KindRef KindRef => new(Group, Kind);
}

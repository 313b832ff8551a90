using System.Collections.Immutable;
using Declarative.Core.Providers;

namespace Declarative.Providers.Kubernetes.Catalog;

/// <summary>What a CustomResourceDefinition document of the project says about the kind it defines.</summary>
internal sealed record ProjectCrd(string Group, string Kind, string Plural, ResourceScope Scope, ImmutableArray<string> Versions)
{
    /// <summary>The name the CRD must have: <c>&lt;plural&gt;.&lt;group&gt;</c>.</summary>
    public string Name => $"{Plural}.{Group}";
}

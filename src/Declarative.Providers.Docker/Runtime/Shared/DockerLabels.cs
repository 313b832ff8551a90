using System.Collections.Immutable;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;

namespace Declarative.Providers.Docker.Runtime.Shared;

/// <summary>The labels Declarative puts on Docker objects besides the user's, and the list filters that find ours.</summary>
internal static class DockerLabels
{
    /// <summary>SHA-256 of the applied spec: which document a container was created from.</summary>
    public const string SpecHash = "declarative.dev/spec-hash";

    public static bool IsOwnership(string key) =>
        key is WellKnown.ManagedByLabel or WellKnown.ProjectLabel or WellKnown.EnvironmentLabel;

    /// <summary>Labels the user never writes: ownership and Declarative's own bookkeeping.</summary>
    public static bool IsDeclarative(string key) => IsOwnership(key) || key == SpecHash;

    /// <summary>The Engine API's list filter for objects carrying all of <paramref name="owner"/>'s labels.</summary>
    public static IDictionary<string, IDictionary<string, bool>> OwnerFilter(OwnerSelector owner) =>
        new Dictionary<string, IDictionary<string, bool>>(StringComparer.Ordinal)
        {
            ["label"] = owner.Labels.ToDictionary(l => $"{l.Key}={l.Value}", _ => true, StringComparer.Ordinal),
        };

    public static ImmutableSortedDictionary<string, string> Ownership(IDictionary<string, string>? labels) =>
        (labels ?? new Dictionary<string, string>()).Where(l => IsOwnership(l.Key)).ToImmutableSortedDictionary(StringComparer.Ordinal);
}

using System.Collections.Immutable;
using Declarative.Core.Manifests;

namespace Declarative.Core.Providers;

/// <summary>Which objects are ours: the ownership labels of one project's environment.</summary>
public sealed record OwnerSelector(string Project, string Environment)
{
    public ImmutableSortedDictionary<string, string> Labels => ImmutableSortedDictionary.CreateRange(
        StringComparer.Ordinal,
        [
            new KeyValuePair<string, string>(WellKnown.ManagedByLabel, WellKnown.ManagedByValue),
            new KeyValuePair<string, string>(WellKnown.ProjectLabel, Project),
            new KeyValuePair<string, string>(WellKnown.EnvironmentLabel, Environment),
        ]);
}

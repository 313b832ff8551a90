using Declarative.Core.Providers;

namespace Declarative.Core.Planning.Engine;

/// <summary>Looks up the runtime provider a resource names.</summary>
internal static class ProviderPlanning
{
    public static IResourceProvider Get(IReadOnlyDictionary<string, IResourceProvider> providers, string name) =>
        providers.TryGetValue(name, out var provider)
            ? provider
            : throw new InvalidOperationException(
                $"No runtime provider named \"{name}\" is registered, but resources of the plan belong to it. This is a bug in Declarative; please report it.");
}

using Declarative.Core.Providers;
using Declarative.Providers.Kubernetes.Catalog;

namespace Declarative.Providers.Kubernetes.Runtime;

/// <summary>
/// The apiVersion to resolve a kind by when only its address is known (ReadAsync): what the caller says, else the
/// preferred GA version of a built-in kind.
/// </summary>
internal static class KindVersions
{
    public static string For(KindRef kind, IReadOnlyDictionary<KindRef, string> known)
    {
        if (known.TryGetValue(kind, out var apiVersion))
        {
            return apiVersion;
        }

        var builtIn = BuiltInKinds.Find(kind);
        return builtIn?.PreferredApiVersion ?? throw new InvalidOperationException(
            $"No apiVersion is known for kind {kind}, so it cannot be read. This is a bug in Declarative (or in provider kubernetes); please report it.");
    }
}

using System.Globalization;

namespace Declarative.Providers.Kubernetes.Runtime;

/// <summary>
/// Orders resourceVersions for one purpose: telling whether a state a shared watch observed is at least as new as
/// the one a waiter knows (the object it applied, the object it deleted). The reference calls them opaque, but every
/// etcd-backed API server (and the double) hands out increasing decimal integers, and without an order a cached
/// state from before the apply would pass for the result of the apply.
/// </summary>
internal static class ResourceVersions
{
    /// <summary>True when <paramref name="observed"/> is the same as or newer than <paramref name="minimum"/>, or when
    /// there is no minimum. Versions that are not integers are equal only to themselves and otherwise assumed newer:
    /// such a server cannot be ordered, and waiting forever would be worse than the old state's one evaluation.</summary>
    public static bool IsAtLeast(string? observed, string? minimum)
    {
        if (string.IsNullOrEmpty(minimum) || observed == minimum)
        {
            return true;
        }

        if (string.IsNullOrEmpty(observed))
        {
            return false;
        }

        return !(TryParse(observed, out var seen) && TryParse(minimum, out var wanted)) || seen >= wanted;
    }

    private static bool TryParse(string text, out ulong value) =>
        ulong.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
}

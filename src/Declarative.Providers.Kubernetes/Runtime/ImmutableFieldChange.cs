using Declarative.Providers.Kubernetes.Client;

namespace Declarative.Providers.Kubernetes.Runtime;

/// <summary>Recognizes a dry-run answer that says a field cannot change in place, which makes the change a replace.</summary>
internal static class ImmutableFieldChange
{
    private static readonly string[] Phrases =
    [
        "field is immutable", "may not change once set", "updates to statefulset spec for fields other than",
    ];

    /// <summary>"spec.selector cannot be changed in place", or null when the error is something else.</summary>
    public static string? ReasonFor(KubeApiException error)
    {
        if (!error.IsInvalid)
        {
            return null;
        }

        var cause = error.Causes.FirstOrDefault(c => Phrases.Any(p => c.Message.Contains(p, StringComparison.OrdinalIgnoreCase)));
        if (cause is not null)
        {
            var field = cause.Field.TrimStart('.');
            return field.Length == 0 ? "a field cannot be changed in place" : $"{field} cannot be changed in place";
        }

        return Phrases.Any(p => error.Message.Contains(p, StringComparison.OrdinalIgnoreCase)) ? "a field cannot be changed in place" : null;
    }
}

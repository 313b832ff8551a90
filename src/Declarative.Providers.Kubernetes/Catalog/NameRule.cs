using Declarative.Core.Providers;

namespace Declarative.Providers.Kubernetes.Catalog;

/// <summary>The syntax a kind's object names must follow, and how to tell the user.</summary>
internal sealed record NameRule(string Syntax, Func<string, string?> Check, string Advice)
{
    private static readonly NameRule Subdomain = new(
        "DNS subdomain (RFC 1123)",
        NameSyntax.Dns1123Subdomain,
        "Use lowercase letters, digits, '-' and '.', for example \"web-config\".");

    private static readonly NameRule Label = new(
        "DNS label (RFC 1123)",
        NameSyntax.Dns1123Label,
        "Use at most 63 lowercase letters, digits and '-', for example \"team-a\".");

    private static readonly NameRule ServiceLabel = new(
        "DNS label (RFC 1035)",
        NameSyntax.Dns1035Label,
        "Use at most 63 lowercase letters, digits and '-', starting with a letter, for example \"web\".");

    private static readonly NameRule Segment = new(
        "path segment",
        NameSyntax.PathSegment,
        "Remove '/' and '%' from the name.");

    /// <summary>The rule for <paramref name="kind"/>. Services need an RFC 1035 label (the API server checks
    /// that, not RFC 1123); RBAC names may hold ':' ("system:aggregate-to-view"); the API server accepts any
    /// CertificateSigningRequest name that fits in a URL path.</summary>
    public static NameRule For(KindRef kind) => (kind.Group, kind.Kind) switch
    {
        (BuiltInKinds.CoreGroup, "Namespace") => Label,
        (BuiltInKinds.CoreGroup, "Service") => ServiceLabel,
        (BuiltInKinds.Rbac, _) => Segment,
        ("certificates.k8s.io", "CertificateSigningRequest") => Segment,
        _ => Subdomain,
    };
}

using System.Collections.Immutable;

namespace Declarative.Providers.Kubernetes.Config;

/// <summary>
/// Whom requests act as (Impersonate-* headers, reference 1.4): a user, optionally with groups, a UID and extra
/// fields. The credentials still authenticate; the server checks they may impersonate.
/// </summary>
public sealed record KubeImpersonation(string User, ImmutableArray<string> Groups, string? Uid, ImmutableDictionary<string, ImmutableArray<string>> Extra)
{
    public KubeImpersonation(string user)
        : this(user, [], null, ImmutableDictionary<string, ImmutableArray<string>>.Empty)
    {
    }

    public override string ToString() =>
        $"KubeImpersonation {{ User = {User}, Groups = [{string.Join(", ", Groups)}], Uid = {Uid}, Extra = [{string.Join(", ", Extra.Keys)}] }}";
}

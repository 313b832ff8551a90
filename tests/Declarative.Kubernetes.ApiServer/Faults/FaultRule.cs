using System.Collections.Immutable;

namespace Declarative.Kubernetes.ApiServer.Faults;

/// <summary>
/// Answers <see cref="Share"/> (0..1) of the requests whose verb is in <see cref="Verbs"/> (empty: every verb)
/// with <see cref="Kind"/>. Verbs are the API server's: get, list, watch, create, update, patch, delete,
/// deletecollection. <see cref="RetryAfterSeconds"/> sets the Retry-After header (429 always has one, default 1).
/// </summary>
public sealed record FaultRule(FaultKind Kind, double Share, ImmutableArray<string> Verbs = default, int? RetryAfterSeconds = null)
{
    public ImmutableArray<string> Verbs { get; init; } = Verbs.IsDefault ? [] : Verbs;

    public bool Covers(string verb) => Verbs.IsEmpty || Verbs.Contains(verb);
}

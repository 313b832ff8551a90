using System.Collections.Immutable;
using Declarative.Core.Providers;

namespace Declarative.Core.Planning;

/// <summary>
/// One entry of a plan: the provider's verdict, which provider owns it, what it depends on (its graph edges, or
/// for a delete the stored edges reversed) and the sensitive paths of the object. <see cref="LastApplied"/> is the
/// inventory entry of the base revision (null when the resource is new).
/// </summary>
public sealed record ResourceChange(
    PlannedChange Change,
    string Provider,
    ImmutableArray<ResourceAddress> DependsOn,
    ImmutableArray<string> SensitivePaths,
    AppliedResource? LastApplied)
{
    public ResourceAddress Address => Change.Address;

    public ChangeAction Action => Change.Action;
}

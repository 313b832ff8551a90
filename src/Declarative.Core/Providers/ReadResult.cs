using System.Collections.Immutable;

namespace Declarative.Core.Providers;

/// <summary>
/// The answer to one bulk read: live objects by address (an address missing here does not exist), and objects
/// that carry the owner's labels but that no requested address names.
/// </summary>
public sealed record ReadResult(
    ImmutableDictionary<ResourceAddress, LiveResource> Live,
    ImmutableArray<LiveResource> Orphans);

using System.Collections.Immutable;
using Declarative.Core.Providers;

namespace Declarative.Core.State;

/// <summary>
/// One owned object in a revision: what was applied to it (unknowns resolved), its outputs and fingerprint, and the
/// paths whose values are secret (the store encrypts them at rest). Objects a run left untouched are carried forward.
/// </summary>
public sealed record InventoryEntry(
    string Provider,
    AppliedResource Applied,
    ImmutableArray<string> SensitivePaths)
{
    public ResourceAddress Address => Applied.Address;
}

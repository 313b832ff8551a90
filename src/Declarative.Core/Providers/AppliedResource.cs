using System.Text.Json.Nodes;

namespace Declarative.Core.Providers;

/// <summary>
/// What was applied to an object, as the engine records it in a revision and passes it back as
/// <c>lastApplied</c>: the object sent (unknowns resolved), its outputs and the live fingerprint after apply.
/// </summary>
public sealed record AppliedResource(
    ResourceAddress Address,
    ResourceType Type,
    JsonObject Object,
    ResourceOutputs Outputs,
    Fingerprint Fingerprint);

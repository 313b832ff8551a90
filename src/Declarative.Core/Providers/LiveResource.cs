using System.Text.Json.Nodes;

namespace Declarative.Core.Providers;

/// <summary>An object as the outside world has it now. <see cref="Object"/> is never mutated.</summary>
public sealed record LiveResource(ResourceAddress Address, ResourceType Type, JsonObject Object, Fingerprint Fingerprint);

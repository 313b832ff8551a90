using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Declarative.Core.Providers;

/// <summary>
/// What the engine asks a provider to make true: the object to apply (ownership labels included), the fields
/// whose values are only known after apply, the sensitive paths, and the fields to leave alone
/// (<c>declarative.dev/ignore-fields</c>). <see cref="Object"/> is never mutated.
/// </summary>
public sealed record DesiredResource(
    ResourceAddress Address,
    ResourceType Type,
    JsonObject Object,
    ImmutableArray<UnknownValue> Unknowns,
    ImmutableArray<string> SensitivePaths,
    ImmutableArray<string> IgnoredPaths);

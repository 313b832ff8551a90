using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Storage;

/// <summary>One resource's objects at one resourceVersion, ordered by "namespace/name". The objects are shared
/// with the store: clone before changing them.</summary>
public sealed record ListSnapshot(long Revision, ImmutableSortedDictionary<string, JsonObject> Items);

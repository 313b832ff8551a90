using System.Text.Json.Nodes;
using Declarative.Core.Manifests;

namespace Declarative.Core.Providers;

/// <summary>
/// A desired resource as the project describes it: identity resolved (namespace defaulted), content as
/// rendered (the environments annotation stripped, the namespace filled in for namespaced kinds).
/// <see cref="Content"/> is never mutated. <see cref="Provider"/> names the catalog that owns the kind.
/// </summary>
public sealed record Resource(
    ResourceAddress Address,
    ResourceType Type,
    ResourceScope Scope,
    string Provider,
    JsonObject Content,
    DocumentSource Source);

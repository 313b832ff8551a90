using System.Text.Json.Nodes;

namespace Declarative.Core.Manifests;

/// <summary>One YAML document as parsed, before the check that it is an object. <see cref="Root"/> is null
/// for an empty document.</summary>
public sealed record ParsedDocument(JsonNode? Root, DocumentSource Source);

namespace Declarative.Core.Manifests.Yaml;

/// <summary>One entry of a flattened mapping: its key as a JSON string and the nodes it came from.</summary>
internal sealed record FlatEntry(string Key, SourceNode KeyNode, SourceNode Value);

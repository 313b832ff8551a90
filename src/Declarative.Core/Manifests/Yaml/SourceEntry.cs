namespace Declarative.Core.Manifests.Yaml;

internal sealed record SourceEntry(SourceNode Key, SourceNode Value);

using System.Collections.Immutable;

namespace Declarative.Core.Manifests.Yaml;

internal sealed record SourceMapping(ImmutableArray<SourceEntry> Entries, SourcePosition Start) : SourceNode(Start);

using System.Collections.Immutable;

namespace Declarative.Core.Manifests.Yaml;

internal sealed record SourceSequence(ImmutableArray<SourceNode> Items, SourcePosition Start) : SourceNode(Start);

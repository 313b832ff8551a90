namespace Declarative.Core.Manifests.Yaml;

/// <summary>A node of one YAML document as written, before scalars are resolved. <see cref="Start"/> is the
/// position in the text that was parsed (before the line map). Aliases are the anchored node itself.</summary>
internal abstract record SourceNode(SourcePosition Start);

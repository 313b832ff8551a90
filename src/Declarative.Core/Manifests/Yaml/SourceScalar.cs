namespace Declarative.Core.Manifests.Yaml;

/// <summary>A scalar as written. <see cref="Tag"/> is the full tag ("tag:yaml.org,2002:int") or null.</summary>
internal sealed record SourceScalar(string Value, bool IsPlain, string? Tag, SourcePosition Start) : SourceNode(Start)
{
    /// <summary>An untagged plain <c>&lt;&lt;</c>, or one tagged !!merge.</summary>
    public bool IsMergeKey => Value == "<<" && ((IsPlain && Tag is null) || Tag == ScalarResolver.TagPrefix + "merge");
}

namespace Declarative.Core.Manifests.Yaml;

/// <summary>An alias (<c>*name</c>) at <see cref="SourceNode.Start"/>, standing for the anchored <see cref="Target"/>.</summary>
internal sealed record SourceAlias(SourceNode Target, SourcePosition Start) : SourceNode(Start)
{
    /// <summary>The node an alias stands for (the node itself when it is not an alias).</summary>
    public static SourceNode Unwrap(SourceNode node) => node is SourceAlias alias ? alias.Target : node;
}

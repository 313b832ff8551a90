using System.Collections.Immutable;

namespace Declarative.Core.Manifests;

/// <summary>
/// Reads YAML text the way kubectl does (sigs.k8s.io/yaml over goyaml.v2, YAML 1.1 scalars) into JSON nodes,
/// one <see cref="ParsedDocument"/> per document, with the position of every node.
/// </summary>
public static class YamlDocumentReader
{
    /// <param name="text">The (templated) YAML text.</param>
    /// <param name="file">Full path of the source file, for locations.</param>
    /// <param name="lineMap">Maps a 1-based line of <paramref name="text"/> to the line of the original source file
    /// (templating can add or remove lines); null when text is the source.</param>
    public static StageResult<ImmutableArray<ParsedDocument>> Read(string text, string file, Func<int, int>? lineMap = null) =>
        throw new NotImplementedException();
}

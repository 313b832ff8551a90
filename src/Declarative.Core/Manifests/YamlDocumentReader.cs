using System.Collections.Immutable;
using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests.Yaml;
using YamlDotNet.Core;

namespace Declarative.Core.Manifests;

/// <summary>
/// Reads YAML text the way kubectl does (sigs.k8s.io/yaml over goyaml.v2, YAML 1.1 scalars) into JSON nodes,
/// one <see cref="ParsedDocument"/> per document, with the position of every node.
/// </summary>
/// <remarks>
/// Empty documents (nothing, only comments, or null) are left out, but <see cref="DocumentSource.Index"/> counts
/// every document the YAML stream has, from 0. Reading stops at the first syntax error of the text; the documents
/// before it are returned. Never throws.
/// </remarks>
public static class YamlDocumentReader
{
    /// <param name="text">The (templated) YAML text.</param>
    /// <param name="file">Full path of the source file, for locations.</param>
    /// <param name="lineMap">Maps a 1-based line of <paramref name="text"/> to the line of the original source file
    /// (templating can add or remove lines); null when text is the source.</param>
    public static StageResult<ImmutableArray<ParsedDocument>> Read(string text, string file, Func<int, int>? lineMap = null)
    {
        var diagnostics = new DiagnosticBag();
        var documents = ImmutableArray.CreateBuilder<ParsedDocument>();
        var mapper = new PositionMapper(file, lineMap);
        var source = new SourceText(text);
        var reader = new YamlTreeReader(new Parser(new StringReader(text)), source, mapper, diagnostics);
        var index = 0;
        try
        {
            while (reader.TryReadDocument(out var root))
            {
                if (root is not null && !IsNull(root))
                {
                    documents.Add(new DocumentConverter(mapper, diagnostics).Convert(root, index));
                }

                index++;
            }
        }
        catch (YamlException error)
        {
            diagnostics.Add(SyntaxErrorTranslator.Translate(error, source, mapper));
        }
        catch (Exception error)
        {
            diagnostics.Add(SyntaxErrorTranslator.Unexpected(error, mapper.Locate(reader.LastPosition)));
        }

        if (reader.Fatal is { } fatal)
        {
            diagnostics.Add(fatal);
        }

        return new StageResult<ImmutableArray<ParsedDocument>>(documents.ToImmutable(), diagnostics.ToImmutable());
    }

    private static bool IsNull(SourceNode root) =>
        SourceAlias.Unwrap(root) is SourceScalar { IsPlain: true, Tag: null } scalar
        && ScalarResolver.ResolvePlain(scalar.Value).Kind == ScalarKind.Null;
}

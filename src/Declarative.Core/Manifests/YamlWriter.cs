using System.Text;
using System.Text.Json.Nodes;
using Declarative.Core.Manifests.Yaml;

namespace Declarative.Core.Manifests;

/// <summary>Writes JSON nodes as YAML that reads back (with <see cref="YamlDocumentReader"/> and kubectl) to the
/// same values. Byte-stable: the same input always gives the same text.</summary>
public static class YamlWriter
{
    /// <summary>Documents separated by <c>---</c> lines, each ending with a newline.</summary>
    public static string Write(IEnumerable<JsonNode> documents)
    {
        var text = new StringBuilder();
        foreach (var document in documents)
        {
            if (text.Length > 0)
            {
                text.Append("---\n");
            }

            var emitter = new YamlEmitter();
            emitter.WriteDocument(document);
            text.Append(emitter);
        }

        return text.ToString();
    }
}

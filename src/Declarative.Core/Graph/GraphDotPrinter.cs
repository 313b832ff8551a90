using System.Text;

namespace Declarative.Core.Graph;

/// <summary>
/// <c>decl graph --format dot</c>: a Graphviz digraph whose node ids are the quoted addresses and whose edges
/// point from a resource to what it depends on, labelled with the reason. Byte-stable.
/// </summary>
public static class GraphDotPrinter
{
    public static string Print(ResourceGraph graph)
    {
        var text = new StringBuilder();
        text.Append("digraph {\n");
        text.Append("  rankdir=\"LR\";\n");
        text.Append("  node [shape=box];\n");
        foreach (var address in graph.Order)
        {
            text.Append("  ").Append(Quote(address.ToString())).Append(";\n");
        }

        foreach (var edge in graph.Edges)
        {
            text.Append("  ").Append(Quote(edge.From.ToString())).Append(" -> ").Append(Quote(edge.To.ToString()))
                .Append(" [label=").Append(Quote(edge.Reason)).Append("];\n");
        }

        text.Append("}\n");
        return text.ToString();
    }

    // In a DOT quoted string only \" is an escape, but labels interpret backslash sequences (\n, \l), so a
    // literal backslash is doubled and a newline becomes \n.
    private static string Quote(string value) =>
        "\"" + value
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("\r", string.Empty, StringComparison.Ordinal)
            .Replace("\n", "\\n", StringComparison.Ordinal) + "\"";
}

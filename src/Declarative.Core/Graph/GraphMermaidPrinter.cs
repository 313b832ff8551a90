using System.Globalization;
using System.Text;
using Declarative.Core.Providers;

namespace Declarative.Core.Graph;

/// <summary>
/// <c>decl graph --format mermaid</c>: a left-to-right flowchart. Node ids are n0..nN in apply order (addresses
/// are not valid Mermaid ids); labels are quoted, with Mermaid entity codes for the characters it would
/// otherwise read. Edges point from a resource to what it depends on. Byte-stable.
/// </summary>
public static class GraphMermaidPrinter
{
    public static string Print(ResourceGraph graph)
    {
        var ids = new Dictionary<ResourceAddress, string>();
        var text = new StringBuilder();
        text.Append("flowchart LR\n");
        foreach (var address in graph.Order)
        {
            var id = "n" + ids.Count.ToString(CultureInfo.InvariantCulture);
            ids.Add(address, id);
            text.Append("  ").Append(id).Append("[\"").Append(Escape(address.ToString())).Append("\"]\n");
        }

        foreach (var edge in graph.Edges)
        {
            text.Append("  ").Append(ids[edge.From]).Append(" -->|\"").Append(Escape(edge.Reason)).Append("\"| ")
                .Append(ids[edge.To]).Append('\n');
        }

        return text.ToString();
    }

    // '#' first: every other replacement introduces one.
    private static string Escape(string value) =>
        value
            .Replace("#", "#35;", StringComparison.Ordinal)
            .Replace("\"", "#quot;", StringComparison.Ordinal)
            .Replace("<", "#lt;", StringComparison.Ordinal)
            .Replace(">", "#gt;", StringComparison.Ordinal)
            .Replace("\r", string.Empty, StringComparison.Ordinal)
            .Replace("\n", " ", StringComparison.Ordinal);
}

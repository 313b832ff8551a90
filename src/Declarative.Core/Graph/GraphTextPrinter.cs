using System.Text;

namespace Declarative.Core.Graph;

/// <summary>
/// <c>decl graph</c> as text: each resource in apply order, then one indented line per dependency with its
/// reason. Verbose output adds the implicit dependencies that were ignored because their target is not in the
/// project. Lines end with "\n" whatever the platform, so the output is byte-stable.
/// </summary>
public static class GraphTextPrinter
{
    public static string Print(ResourceGraph graph, bool verbose)
    {
        var text = new StringBuilder();
        foreach (var address in graph.Order)
        {
            text.Append(address.ToString()).Append('\n');
            foreach (var edge in graph.DependenciesOf(address))
            {
                AppendDependency(text, edge.To.ToString(), edge.Reason, string.Empty);
            }

            if (!verbose)
            {
                continue;
            }

            foreach (var ignored in graph.Ignored.Where(i => i.From == address))
            {
                AppendDependency(text, ignored.Target.ToString(), ignored.Reason, " (not in project, ignored)");
            }
        }

        return text.ToString();
    }

    private static void AppendDependency(StringBuilder text, string target, string reason, string suffix) =>
        text.Append("  -> ").Append(target).Append("  (").Append(reason).Append(')').Append(suffix).Append('\n');
}

using Declarative.Core.Planning;

namespace Declarative.Cli.Rendering;

// Placeholders until the plan renderers land (replaced by PlanTextRenderer.cs, PlanJsonRenderer.cs, PlanMarkdownRenderer.cs).
public static class PlanTextRenderer
{
    public static string Render(Plan plan, Ansi ansi, bool verbose) => throw new NotImplementedException();
}

public static class PlanJsonRenderer
{
    public static string Render(Plan plan) => throw new NotImplementedException();
}

public static class PlanMarkdownRenderer
{
    public static string Render(Plan plan) => throw new NotImplementedException();
}

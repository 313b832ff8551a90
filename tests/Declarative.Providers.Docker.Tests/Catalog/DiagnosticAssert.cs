using Declarative.Core.Diagnostics;

namespace Declarative.Providers.Docker.Tests.Catalog;

internal static class DiagnosticAssert
{
    /// <summary>Exactly one diagnostic, with this code, at this place, mentioning <paramref name="fragment"/>
    /// in its summary or detail.</summary>
    public static Diagnostic Single(IEnumerable<Diagnostic> diagnostics, string code, SourceLocation location, string fragment)
    {
        var list = diagnostics.ToList();
        var diagnostic = Assert.Single(list);
        Assert.Equal(code, diagnostic.Code);
        Assert.Equal(location, diagnostic.Location);
        Assert.Contains(fragment, Text(diagnostic), StringComparison.Ordinal);
        return diagnostic;
    }

    public static string Text(Diagnostic diagnostic) => diagnostic.Summary + "\n" + string.Join("\n", diagnostic.Detail);
}

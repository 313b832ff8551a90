using System.Collections.Immutable;

namespace Declarative.Core.Diagnostics;

/// <summary>
/// A user-facing problem. <see cref="Summary"/> is a short sentence-case title without a final period;
/// <see cref="Detail"/> lines say what happened and end with what to do.
/// </summary>
public sealed record Diagnostic(
    string Code,
    Severity Severity,
    string Summary,
    ImmutableArray<string> Detail,
    SourceLocation? Location)
{
    public static Diagnostic Error(string code, string summary, SourceLocation? location, params string[] detail) =>
        new(code, Severity.Error, summary, [.. detail], location);

    public static Diagnostic Warning(string code, string summary, SourceLocation? location, params string[] detail) =>
        new(code, Severity.Warning, summary, [.. detail], location);
}

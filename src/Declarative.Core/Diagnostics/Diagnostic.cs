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

    /// <summary>Value equality, including the detail lines (ImmutableArray alone compares by reference).</summary>
    public bool Equals(Diagnostic? other) =>
        other is not null
        && Code == other.Code
        && Severity == other.Severity
        && Summary == other.Summary
        && Location == other.Location
        && Detail.SequenceEqual(other.Detail);

    public override int GetHashCode() => HashCode.Combine(Code, Severity, Summary, Location, Detail.Length);
}

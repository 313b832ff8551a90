namespace Declarative.Core.Diagnostics;

/// <summary>A place in a source file. <see cref="File"/> is the full path; renderers make it relative
/// to the working directory. Line and column are 1-based.</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => $"{File}:{Line}:{Column}";
}

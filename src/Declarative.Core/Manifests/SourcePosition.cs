namespace Declarative.Core.Manifests;

/// <summary>1-based line and column in the original (pre-template) source file.</summary>
public readonly record struct SourcePosition(int Line, int Column);

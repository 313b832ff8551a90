using System.Collections.Immutable;

namespace Declarative.Core.Diagnostics;

/// <summary>Stops a stage whose input is so broken that nothing after it can run; carries the diagnostics.</summary>
public sealed class DiagnosticException : Exception
{
    public DiagnosticException(ImmutableArray<Diagnostic> diagnostics)
        : base(diagnostics.IsDefaultOrEmpty ? "Invalid input." : diagnostics[0].Summary)
    {
        Diagnostics = diagnostics;
    }

    public DiagnosticException(Diagnostic diagnostic)
        : this([diagnostic])
    {
    }

    public DiagnosticException()
        : this(ImmutableArray<Diagnostic>.Empty)
    {
    }

    public DiagnosticException(string message)
        : base(message)
    {
        Diagnostics = [];
    }

    public DiagnosticException(string message, Exception innerException)
        : base(message, innerException)
    {
        Diagnostics = [];
    }

    public ImmutableArray<Diagnostic> Diagnostics { get; }
}

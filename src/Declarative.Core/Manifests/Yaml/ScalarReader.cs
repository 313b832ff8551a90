using Declarative.Core.Diagnostics;

namespace Declarative.Core.Manifests.Yaml;

/// <summary>Resolves a written scalar, honouring its tag and style, and reports a value that does not fit its tag.</summary>
internal sealed class ScalarReader(PositionMapper mapper, DiagnosticBag diagnostics)
{
    private readonly HashSet<SourcePosition> _reported = [];

    public ResolvedScalar Resolve(SourceScalar scalar)
    {
        if (scalar.Tag is null)
        {
            return scalar.IsPlain ? ScalarResolver.ResolvePlain(scalar.Value) : ResolvedScalar.String(scalar.Value);
        }

        if (ScalarResolver.ResolveTagged(scalar.Tag, scalar.Value) is { } resolved)
        {
            return resolved;
        }

        Report(scalar.Start, YamlDiagnostics.TagMismatch(scalar.Value, scalar.Tag, mapper.Locate(scalar.Start)));
        return ResolvedScalar.String(scalar.Value);
    }

    /// <summary>Reports a diagnostic once per position, however many aliases lead to the node.</summary>
    public void Report(SourcePosition at, Diagnostic diagnostic)
    {
        if (_reported.Add(at))
        {
            diagnostics.Add(diagnostic);
        }
    }
}

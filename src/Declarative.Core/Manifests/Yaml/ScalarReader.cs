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

        if (scalar.Tag == BinaryScalar.Tag)
        {
            return ResolveBinary(scalar);
        }

        if (ScalarResolver.ResolveTagged(scalar.Tag, scalar.Value) is { } resolved)
        {
            return resolved;
        }

        Report(scalar.Start, YamlDiagnostics.TagMismatch(scalar.Value, scalar.Tag, mapper.Locate(scalar.Start)));
        return ResolvedScalar.String(scalar.Value);
    }

    private ResolvedScalar ResolveBinary(SourceScalar scalar)
    {
        if (BinaryScalar.Decode(scalar.Value) is { } decoded)
        {
            return new ResolvedScalar(ScalarKind.String, scalar.Value, decoded);
        }

        Report(scalar.Start, YamlDiagnostics.InvalidBinary(mapper.Locate(scalar.Start)));
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

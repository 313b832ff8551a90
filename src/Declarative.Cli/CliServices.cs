using System.CommandLine;
using Declarative.Cli.Rendering;
using Declarative.Core.Diagnostics;
using Declarative.Core.Operations;
using Declarative.Core.Providers;

namespace Declarative.Cli;

/// <summary>What every command needs: the process context, the common options and the composed catalogs.</summary>
public sealed record CliServices(IOContext IO, CommonOptions Options, IReadOnlyList<IKindCatalog> Catalogs)
{
    public LoadOperation LoadOperation(ParseResult result) => new(
        Catalogs,
        IO.EnvironmentVariables,
        KubeContextNamespace.For(IO, result.GetValue(Options.Kubeconfig), result.GetValue(Options.Context)));

    public Ansi Ansi(ParseResult result) => new(IO.UseColor(result.GetValue(Options.NoColor)));

    public DiagnosticRenderer Diagnostics(ParseResult result) => new(IO.WorkingDirectory, Ansi(result));

    /// <summary>Prints diagnostics to stderr; returns true when any is an error.</summary>
    public bool ReportErrors(ParseResult result, IReadOnlyCollection<Diagnostic> diagnostics)
    {
        Diagnostics(result).Write(IO.Error, diagnostics);
        return diagnostics.Any(d => d.Severity == Severity.Error);
    }
}

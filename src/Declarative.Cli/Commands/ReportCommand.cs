using System.CommandLine;
using System.Globalization;
using Declarative.Cli.Report;
using Declarative.Core.Diagnostics;

namespace Declarative.Cli.Commands;

/// <summary><c>decl report [DIR] --env E [-o report.html]</c>: one self-contained HTML page with the environment's
/// graph, plan, history and drift (docs/report.md).</summary>
public static class ReportCommand
{
    public static Command Create(CliServices services)
    {
        var directory = CommonOptions.DirectoryArgument();
        var output = new Option<string>("--output", "-o") { Description = "The HTML file to write.", DefaultValueFactory = _ => "report.html" };
        var command = new Command("report", "Write the environment's graph, plan, history and drift as one self-contained HTML page.") { directory, output };
        command.SetAction((result, cancellationToken) => RunAsync(services, result, result.GetValue(directory)!, result.GetValue(output)!, cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliServices services, ParseResult result, string directory, string output, CancellationToken cancellationToken)
    {
        var sources = await ReportReader.ReadAsync(services, result, directory, cancellationToken);
        if (sources is null)
        {
            return ExitCodes.Error;
        }

        var document = ReportDocument.Build(sources);
        var path = Path.GetFullPath(Path.Combine(services.IO.WorkingDirectory, output));
        try
        {
            await File.WriteAllTextAsync(path, ReportPage.Render(document), cancellationToken);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            services.ReportErrors(result, [Diagnostic.Error(DiagnosticCodes.PlanFailed, "Cannot write the report", null, $"Writing {output} failed: {error.Message}", "Pass -o a path in an existing folder you can write to.")]);
            return ExitCodes.Error;
        }

        services.IO.Out.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"Wrote {output}: {document["nodes"]!.AsArray().Count} objects, {document["edges"]!.AsArray().Count} edges, {sources.Revisions.Length} revisions."));
        foreach (var problem in new[] { sources.GraphProblem, sources.PlanProblem, sources.DriftProblem }.OfType<string>().Distinct(StringComparer.Ordinal))
        {
            services.IO.Error.WriteLine($"warning: the report says: {problem}");
        }

        return ExitCodes.Ok;
    }
}

using System.CommandLine;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using Declarative.Cli.Commands;
using Declarative.Cli.Completion;
using Declarative.Core.Diagnostics;
using Declarative.Core.Providers;

namespace Declarative.Cli;

/// <summary>The composition root: builds the command tree with the providers' catalogs and runs it.</summary>
public sealed class DeclarativeCli(IOContext io)
{
    public async Task<int> RunAsync(string[] args, CancellationToken cancellationToken)
    {
        var options = new CommonOptions();
        var services = new CliServices(io, options, Composition.Catalogs());
        var root = new RootCommand("Declarative: plan and apply Docker images, containers and Kubernetes objects from one folder of YAML.");
        foreach (var option in options.All)
        {
            root.Options.Add(option);
        }

        root.Subcommands.Add(ValidateCommand.Create(services));
        root.Subcommands.Add(RenderCommand.Create(services));
        root.Subcommands.Add(GraphCommand.Create(services));
        root.Subcommands.Add(PlanCommand.Create(services));
        root.Subcommands.Add(ApplyCommand.Create(services));
        root.Subcommands.Add(DestroyCommand.Create(services));
        root.Subcommands.Add(DriftCommand.Create(services));
        root.Subcommands.Add(RollbackCommand.Create(services));
        root.Subcommands.Add(HistoryCommand.Create(services));
        root.Subcommands.Add(StateCommand.Create(services));
        root.Subcommands.Add(SchemaCommand.Create(services));
        root.Subcommands.Add(ReportCommand.Create(services));
        root.Subcommands.Add(CompletionCommand.Create(io));
        root.Subcommands.Add(CompleteCommand.Create(io));
        options.Environment.CompletionSources.Add(new ProjectCompletions(services).EnvironmentNames);

        // Program owns SIGINT and SIGTERM (exit 130 or 143); System.CommandLine must not register its own handlers.
        var configuration = new InvocationConfiguration { Output = io.Out, Error = io.Error, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
        try
        {
            var parsed = root.Parse(args);
            if (parsed.Action is ParseErrorAction && parsed.Errors.All(e => e.SymbolResult is OptionResult or ArgumentResult))
            {
                return ReportParseErrors(parsed);
            }

            // Only the runs that change things give in-flight calls a grace period (Program); every other command has
            // nothing to finish and stops at the first signal.
            using var firstSignal = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, io.StopScheduling);
            var changesThings = parsed.CommandResult.Command.Name is "apply" or "destroy" or "rollback";
            return await parsed.InvokeAsync(configuration, changesThings ? cancellationToken : firstSignal.Token);
        }
        catch (OperationCanceledException)
        {
            io.Error.WriteLine("Cancelled.");
            return ExitCodes.Interrupted;
        }
        catch (Core.State.StateFileException e)
        {
            io.Error.WriteLine($"error: {DiagnosticCodes.StateUnreadable} {e.Summary}");
            foreach (var line in e.Details)
            {
                io.Error.WriteLine($"    {line}");
            }

            return ExitCodes.Error;
        }
        catch (Core.State.StateKeyException e)
        {
            io.Error.WriteLine($"error: {DiagnosticCodes.StateKeyProblem} {e.Summary}");
            foreach (var line in e.Details)
            {
                io.Error.WriteLine($"    {line}");
            }

            return ExitCodes.Error;
        }
        catch (Core.State.StateStoreUnavailableException e)
        {
            io.Error.WriteLine($"error: {DiagnosticCodes.StateStoreUnavailable} {e.Summary}");
            foreach (var line in e.Details)
            {
                io.Error.WriteLine($"    {line}");
            }

            return ExitCodes.Error;
        }
        catch (DiagnosticException e)
        {
            new Rendering.DiagnosticRenderer(io.WorkingDirectory, new Rendering.Ansi(false)).Write(io.Error, e.Diagnostics);
            return ExitCodes.Error;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            io.Error.WriteLine($"error: internal error: {e.GetType().Name}: {e.Message}");
            io.Error.WriteLine("    This is a bug in Declarative; please report it with the command you ran.");
            if (args.Contains("--verbose") || args.Contains("-v"))
            {
                io.Error.WriteLine(e.ToString());
            }

            return ExitCodes.Error;
        }
    }

    /// <summary>A bad option value (a duration, a format) is one line per problem, without the help page, which would
    /// bury it: the line names the option and what it takes. Other parse errors (no or an unknown command) keep
    /// System.CommandLine's help and typo corrections.</summary>
    private int ReportParseErrors(ParseResult parsed)
    {
        foreach (var error in parsed.Errors)
        {
            io.Error.WriteLine($"error: {error.Message}");
        }

        return ExitCodes.Error;
    }
}

using System.CommandLine;
using System.Text.RegularExpressions;
using Declarative.Cli.Rendering;
using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;
using Declarative.Core.State;
using Declarative.Core.State.Migration;

namespace Declarative.Cli.Commands;

/// <summary>
/// <c>decl state migrate [DIR] --env E --to kubernetes|postgres|local</c>: copies the environment's whole history from
/// the store its settings name to another one, under both locks, and verifies the copy (<see cref="StateMigration"/>);
/// then prints the edit of declarative.yaml that switches to it and where the old copy stays. The target's settings
/// default to the project's for that backend (<c>--namespace</c>, <c>--context</c>, <c>--connection</c> override them).
/// Reads the store only, never the manifests; needs no state key (secret values are copied sealed).
/// </summary>
internal static partial class StateMigrateCommand
{
    public static Command Create(CliServices services)
    {
        var directory = CommonOptions.DirectoryArgument();
        var to = new Option<string>("--to") { Description = "The store to copy the history to: kubernetes, postgres or local.", Required = true };
        to.AcceptOnlyFromAmong("kubernetes", "postgres", "local");
        var ns = new Option<string?>("--namespace") { Description = "With --to kubernetes: the namespace of the Secrets and the Lease (default: the project's state.namespace, else declarative-system)." };
        var connection = new Option<string?>("--connection") { Description = "With --to postgres: env:VARIABLE or file:PATH (relative to the project root) holding the connection string (default: the project's state.connection)." };
        var command = new Command("migrate", "Copy the environment's whole history to another store and verify it; then switch spec.state yourself.")
        {
            directory, to, ns, connection,
        };
        command.SetAction((result, cancellationToken) => RunAsync(
            services,
            result,
            new Request(result.GetValue(directory)!, Backend(result.GetValue(to)!), result.GetValue(ns), result.GetValue(services.Options.Context), result.GetValue(connection)),
            cancellationToken));
        return command;
    }

    private static async Task<int> RunAsync(CliServices services, ParseResult result, Request request, CancellationToken cancellationToken)
    {
        var located = StoredProject.Locate(services, result, request.Directory);
        if (located is null)
        {
            return ExitCodes.Error;
        }

        var (project, environment) = (located.Project, located.Environment);
        if (project.IsImplicit)
        {
            return Report(services, result, Refusal(
                "A folder without declarative.yaml keeps its state locally",
                $"{project.Root} has no declarative.yaml, so nothing can say that environment \"{environment.Name}\" uses another store once its history is copied.",
                "Add a declarative.yaml (docs/project-format.md, \"Implicit projects\") with spec.state: { backend: local }, check that decl plan shows No changes, then migrate."));
        }

        var target = TargetSettings(environment.State, request, out var invalid);
        if (target is null)
        {
            return Report(services, result, invalid!);
        }

        // With --to kubernetes, --context names the target's cluster; the source then follows the environment's own
        // context (state.context, kubernetes.context, the kubeconfig's current one), never the target's.
        var kubeconfig = result.GetValue(services.Options.Kubeconfig);
        var impersonation = services.Options.Impersonation(result);
        var sourceContext = request.Backend == StateBackend.Kubernetes ? null : request.Context;
        using var source = await StateStoreFactory.OpenAsync(services, kubeconfig, sourceContext, impersonation, project, environment, environment.State, createKey: false, cancellationToken);
        using var destination = await StateStoreFactory.OpenAsync(services, kubeconfig, request.Context, impersonation, project, environment, target, createKey: false, cancellationToken);
        var sourceName = $"the {Word(environment.State.Backend)} store ({source.Location})";
        var targetName = $"the {Word(target.Backend)} store ({destination.Location})";
        if (source.Location == destination.Location)
        {
            return Report(services, result, Refusal(
                "The target is the store the environment already uses",
                $"Environment \"{environment.Name}\" keeps its history in {sourceName} already.",
                "Name another store: --to with another backend, or another --namespace, --context or --connection."));
        }

        var migration = await StateMigration.RunAsync(
            environment.Name,
            new MigrationStore((ISealedRevisionStore)source.Store, sourceName),
            new MigrationStore((ISealedRevisionStore)destination.Store, targetName),
            RunInfo.Holder(services.IO, $"decl state migrate --env {environment.Name} --to {Word(target.Backend)}"),
            cancellationToken);
        if (services.ReportErrors(result, migration.Diagnostics) || migration.Value is null)
        {
            return ExitCodes.Error;
        }

        services.IO.Out.Write(MigrationRenderer.Text(new MigrationView(
            project.Name,
            environment.Name,
            Word(environment.State.Backend),
            source.Location,
            Word(target.Backend),
            destination.Location,
            migration.Value,
            StateSwitch.For(project, environment.Name, target, services.IO.WorkingDirectory))));
        return ExitCodes.Ok;
    }

    /// <summary>
    /// The target's settings: the project's own when it already uses that backend (so a move between namespaces keeps its
    /// context and lease duration), else the backend's defaults; then the options. Null, with <paramref name="problem"/>,
    /// when they do not describe a store.
    /// </summary>
    private static StateSettings? TargetSettings(StateSettings current, Request request, out Diagnostic? problem)
    {
        problem = null;
        var settings = current.Backend == request.Backend ? current : new StateSettings(request.Backend);
        if (request.Namespace is not null && request.Backend != StateBackend.Kubernetes)
        {
            problem = Invalid("--namespace is for a kubernetes target", $"--namespace names the namespace of a kubernetes store; the target is --to {Word(request.Backend)}.", "Leave --namespace out, or use --to kubernetes.");
            return null;
        }

        if (request.Connection is not null && request.Backend != StateBackend.Postgres)
        {
            problem = Invalid("--connection is for a postgres target", $"--connection names where a postgres store's connection string is read from; the target is --to {Word(request.Backend)}.", "Leave --connection out, or use --to postgres.");
            return null;
        }

        switch (request.Backend)
        {
            case StateBackend.Kubernetes:
                if (request.Namespace is { } ns && !NamespaceName().IsMatch(ns))
                {
                    problem = Invalid("Invalid state namespace", $"\"{ns}\" is not a valid namespace name: it must be 1 to 63 lower-case letters, digits or '-', starting and ending with a letter or digit.", $"Pass another --namespace, or leave it out for {settings.KubernetesNamespace}.");
                    return null;
                }

                return settings with { Namespace = request.Namespace ?? settings.Namespace, Context = request.Context ?? settings.Context };
            case StateBackend.Postgres:
                if (request.Connection is null)
                {
                    if (settings.Connection is null)
                    {
                        problem = Invalid("The postgres store needs a connection", "A postgres store reads its connection string from an environment variable or a file, and the project names none for this environment.", "Pass --connection env:DECLARATIVE_PG (or file:PATH, relative to the project root).");
                        return null;
                    }

                    return settings;
                }

                if (ConnectionReference.TryParse(request.Connection) is not { } reference)
                {
                    // Never repeated: what was passed may be the connection string itself, password included.
                    problem = Invalid("--connection takes env:VARIABLE or file:PATH", "--connection must say where the connection string is read from, never hold it: a connection string in a command line ends up in shell histories and process lists.", "Pass --connection env:DECLARATIVE_PG (a variable holding the string) or --connection file:PATH (a file relative to the project root).");
                    return null;
                }

                return settings with { Connection = reference };
            default:
                return StateSettings.Local;
        }
    }

    private static int Report(CliServices services, ParseResult result, Diagnostic problem)
    {
        services.ReportErrors(result, [problem]);
        return ExitCodes.Error;
    }

    private static Diagnostic Refusal(string summary, string problem, string fix) =>
        Diagnostic.Error(DiagnosticCodes.StateMigrationRefused, summary, null, problem, fix);

    private static Diagnostic Invalid(string summary, string problem, string fix) =>
        Diagnostic.Error(DiagnosticCodes.InvalidStateSettings, summary, null, problem, fix);

    private static StateBackend Backend(string word) => word switch
    {
        "kubernetes" => StateBackend.Kubernetes,
        "postgres" => StateBackend.Postgres,
        _ => StateBackend.Local,
    };

    private static string Word(StateBackend backend) => backend.ToString().ToLowerInvariant();

    [GeneratedRegex("^(?=.{1,63}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex NamespaceName();

    private sealed record Request(string Directory, StateBackend Backend, string? Namespace, string? Context, string? Connection);
}

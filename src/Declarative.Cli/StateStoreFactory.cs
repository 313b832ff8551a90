using System.CommandLine;
using Declarative.Core.Manifests;
using Declarative.Core.State;
using Declarative.Core.State.Postgres;
using Declarative.Providers.Kubernetes.Client;
using Declarative.Providers.Kubernetes.Config;
using Declarative.Providers.Kubernetes.State;

namespace Declarative.Cli;

/// <summary>
/// The one place that knows which store an environment's history lives in (its <see cref="StateSettings"/>:
/// <c>spec.state</c> or <c>environments.E.state</c>). Every command that reads or writes state opens it here and
/// sees only <see cref="IStateStore"/>. A store that cannot be opened throws
/// <see cref="StateStoreUnavailableException"/> (DCL505) naming the store and what to check.
/// </summary>
internal static class StateStoreFactory
{
    public static Task<OpenedStore> OpenAsync(
        CliServices services, ParseResult result, ProjectDefinition project, EnvironmentDefinition environment, bool createKey, CancellationToken cancellationToken) =>
        OpenAsync(services, result.GetValue(services.Options.Kubeconfig), result.GetValue(services.Options.Context), services.Options.Impersonation(result), project, environment, environment.State, createKey, cancellationToken);

    /// <summary>The store <paramref name="settings"/> describe for <paramref name="environment"/> (its own settings, or
    /// another store's: <c>decl state migrate</c>'s target).</summary>
    /// <param name="context">--context: the environment's cluster, which a Kubernetes store follows unless
    /// <c>state.context</c> pins it.</param>
    /// <param name="impersonation">--as, --as-group and --as-uid, which a Kubernetes store uses as the plan does.</param>
    public static async Task<OpenedStore> OpenAsync(
        CliServices services,
        string? kubeconfig,
        string? context,
        KubeImpersonationOverrides? impersonation,
        ProjectDefinition project,
        EnvironmentDefinition environment,
        StateSettings settings,
        bool createKey,
        CancellationToken cancellationToken)
    {
        var io = services.IO;
        var key = StateKey.Load(io.EnvironmentVariables, io.HomeDirectory, createKey);
        return settings.Backend switch
        {
            StateBackend.Local => OpenLocal(io, project, environment, key),
            StateBackend.Kubernetes => OpenKubernetes(io, kubeconfig, context, impersonation, project, environment, settings, key),
            StateBackend.Postgres => await OpenPostgresAsync(io, project, environment, settings, key, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(settings), settings.Backend, "Unknown state backend."),
        };
    }

    private static OpenedStore OpenLocal(IOContext io, ProjectDefinition project, EnvironmentDefinition environment, StateKey? key)
    {
        var folder = LocalStateStore.DirectoryFor(project.Root, environment.Name, io.EnvironmentVariables);
        var relative = Path.GetRelativePath(io.WorkingDirectory, folder);
        var shown = relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? folder : relative;
        return new OpenedStore(new LocalStateStore(folder, environment.Name, key, TimeProvider.System), (IDisposable?)null) { Location = $"folder {shown}" };
    }

    private static OpenedStore OpenKubernetes(IOContext io, string? kubeconfigPath, string? context, KubeImpersonationOverrides? impersonation, ProjectDefinition project, EnvironmentDefinition environment, StateSettings settings, StateKey? key)
    {
        // state.context pins where the history lives, over --context; without it the state follows the environment's cluster.
        var kubeconfig = KubeconfigOptions.For(io, kubeconfigPath, settings.Context ?? context, environment.Kubernetes?.Context, impersonation);
        KubeTarget target;
        try
        {
            target = KubeconfigLoader.Load(kubeconfig);
        }
        catch (KubeConfigException error)
        {
            throw new StateStoreUnavailableException(
                $"the kubernetes state store (namespace \"{settings.KubernetesNamespace}\")",
                "Cannot connect to the Kubernetes state store",
                [
                    error.Message,
                    settings.Context is null
                        ? $"Environment \"{environment.Name}\" keeps its state in its cluster: fix the kubeconfig, or pass --kubeconfig and --context."
                        : $"Environment \"{environment.Name}\" keeps its state in context \"{settings.Context}\" (state.context): fix the kubeconfig or state.context.",
                ],
                error);
        }

        var client = KubeClient.Create(target, new KubeClientOptions { DiscoveryCacheDirectory = null });
        var options = KubernetesStateOptions.For(settings, project.Name, environment.Name) with
        {
            ClusterName = target.ContextName ?? target.Server.ToString(),
            Key = key,
            LeaseDuration = settings.LeaseDuration ?? KubernetesStateOptions.DefaultLeaseDuration,
        };
        var store = new KubernetesStateStore(client, options);
        return new OpenedStore(store, client)
        {
            Location = $"namespace \"{options.Namespace}\" of cluster {options.ClusterName} ({target.Server}), Secrets labelled {store.Selector}",
        };
    }

    private static async Task<OpenedStore> OpenPostgresAsync(IOContext io, ProjectDefinition project, EnvironmentDefinition environment, StateSettings settings, StateKey? key, CancellationToken cancellationToken)
    {
        var connection = settings.Connection!.Read(io.EnvironmentVariables, project.Root, "the postgres state store");
        var store = await PostgresStateStore.OpenAsync(connection, project.Name, environment.Name, key, TimeProvider.System, cancellationToken);
        return new OpenedStore(store, store) { Location = store.Location };
    }
}

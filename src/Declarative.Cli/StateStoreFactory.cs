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
    public static async Task<OpenedStore> OpenAsync(
        CliServices services, ParseResult result, ProjectDefinition project, EnvironmentDefinition environment, bool createKey, CancellationToken cancellationToken)
    {
        var io = services.IO;
        var key = StateKey.Load(io.EnvironmentVariables, io.HomeDirectory, createKey);
        var settings = environment.State;
        return settings.Backend switch
        {
            StateBackend.Local => new OpenedStore(
                new LocalStateStore(LocalStateStore.DirectoryFor(project.Root, environment.Name, io.EnvironmentVariables), environment.Name, key, TimeProvider.System),
                (IDisposable?)null),
            StateBackend.Kubernetes => OpenKubernetes(services, result, project, environment, key),
            StateBackend.Postgres => await OpenPostgresAsync(io, project, environment, key, cancellationToken),
            _ => throw new ArgumentOutOfRangeException(nameof(environment), settings.Backend, "Unknown state backend."),
        };
    }

    private static OpenedStore OpenKubernetes(CliServices services, ParseResult result, ProjectDefinition project, EnvironmentDefinition environment, StateKey? key)
    {
        var settings = environment.State;

        // state.context pins where the history lives, over --context; without it the state follows the environment's cluster.
        var kubeconfig = KubeconfigOptions.For(
            services.IO,
            result.GetValue(services.Options.Kubeconfig),
            settings.Context ?? result.GetValue(services.Options.Context),
            environment.Kubernetes?.Context);
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
        };
        return new OpenedStore(new KubernetesStateStore(client, options), client);
    }

    private static async Task<OpenedStore> OpenPostgresAsync(IOContext io, ProjectDefinition project, EnvironmentDefinition environment, StateKey? key, CancellationToken cancellationToken)
    {
        var connection = environment.State.Connection!.Read(io.EnvironmentVariables, project.Root, "the postgres state store");
        var store = await PostgresStateStore.OpenAsync(connection, project.Name, environment.Name, key, TimeProvider.System, cancellationToken);
        return new OpenedStore(store, store);
    }
}

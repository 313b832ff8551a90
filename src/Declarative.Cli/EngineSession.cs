using System.Collections.Immutable;
using System.CommandLine;
using System.Text.Json.Nodes;
using Declarative.Cli.Rendering.Live;
using Declarative.Core.Diagnostics;
using Declarative.Core.Operations;
using Declarative.Core.Providers;
using Declarative.Core.State;
using Declarative.Providers.Docker.Engine;
using Declarative.Providers.Docker.Runtime;
using Declarative.Providers.Kubernetes.Client;
using Declarative.Providers.Kubernetes.Config;
using Declarative.Providers.Kubernetes.Runtime;

namespace Declarative.Cli;

/// <summary>
/// Everything a plan or apply run needs for one environment: the model, the state store, and the providers its
/// desired set or last revision needs (a provider is built only then: `plan --env local` needs no kubeconfig).
/// </summary>
internal sealed class EngineSession : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    private EngineSession(EnvironmentModel model, IStateStore store, BuildOutputRoute buildOutput)
    {
        Model = model;
        Store = store;
        BuildOutput = buildOutput;
    }

    public EnvironmentModel Model { get; }

    public IStateStore Store { get; }

    /// <summary>Where image builds and pushes print their lines: stdout, or the live view while one runs.</summary>
    public BuildOutputRoute BuildOutput { get; }

    public Dictionary<string, IResourceProvider> Providers { get; } = new(StringComparer.Ordinal);

    public TargetIdentity Target { get; private set; } = new(null, null, "default", null);

    public static async Task<(EngineSession? Session, ImmutableArray<Diagnostic> Diagnostics)> OpenAsync(
        CliServices services, ParseResult result, EnvironmentModel model, bool createKey, bool noForceConflicts, CancellationToken cancellationToken)
    {
        var opened = await StateStoreFactory.OpenAsync(services, result, model.Project, model.Environment, createKey, cancellationToken);
        var store = opened.Store;
        var session = new EngineSession(model, store, new BuildOutputRoute(services.IO.Out, TimeProvider.System)) { Target = new TargetIdentity(null, null, model.DefaultNamespace, null) };
        session._owned.Add(opened);
        // The history is read while the providers the model needs connect; only an inventory-only provider waits for it.
        var latestRead = store.GetLatestAsync(cancellationToken);
        session.LatestAtOpen = latestRead;
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var modelProviders = model.Resources.Select(r => r.Provider).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        await session.AddProvidersAsync(services, result, modelProviders, noForceConflicts, diagnostics, cancellationToken);
        var latest = await latestRead;
        var inventoryOnly = (latest?.Inventory.Select(e => e.Provider) ?? [])
            .Except(modelProviders, StringComparer.Ordinal)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        await session.AddProvidersAsync(services, result, inventoryOnly, noForceConflicts, diagnostics, cancellationToken);

        return (session, diagnostics.ToImmutable());
    }

    /// <summary>The latest revision as read when the session opened. Only a run that takes no lock may plan from it:
    /// under a lock the base is read again.</summary>
    public Task<Revision?> LatestAtOpen { get; private set; } = Task.FromResult<Revision?>(null);

    private async Task AddProvidersAsync(CliServices services, ParseResult result, IEnumerable<string> providers, bool noForceConflicts, ImmutableArray<Diagnostic>.Builder diagnostics, CancellationToken cancellationToken)
    {
        foreach (var provider in providers)
        {
            var problem = provider switch
            {
                "kubernetes" => AddKubernetes(services, result, noForceConflicts, cancellationToken),
                "docker" => await AddDockerAsync(services, cancellationToken),
                _ => Unavailable(provider, Model),
            };
            if (problem is not null)
            {
                diagnostics.Add(problem);
            }
        }
    }

    /// <summary>Disposes in reverse order of creation, so a provider (the Kubernetes one ends its shared watches)
    /// goes before the client it uses.</summary>
    public void Dispose()
    {
        for (var i = _owned.Count - 1; i >= 0; i--)
        {
            _owned[i].Dispose();
        }
    }

    private Diagnostic? AddKubernetes(CliServices services, ParseResult result, bool noForceConflicts, CancellationToken cancellationToken)
    {
        var io = services.IO;
        var options = KubeconfigOptions.For(
            io, result.GetValue(services.Options.Kubeconfig), result.GetValue(services.Options.Context), Model.Environment.Kubernetes?.Context, services.Options.Impersonation(result));
        try
        {
            var target = KubeconfigLoader.Load(options);
            var cache = options.HomeDirectory.Length == 0 ? null : Path.Combine(options.HomeDirectory, ".kube", "cache", "declarative");
            var client = KubeClient.Create(target, new KubeClientOptions { DiscoveryCacheDirectory = cache });
            _owned.Add(client);
            var provider = new KubernetesProvider(client, new KubernetesProviderOptions
            {
                DefaultNamespace = Model.DefaultNamespace,
                ForceConflicts = !noForceConflicts,
            });
            _owned.Add(provider);
            Providers["kubernetes"] = provider;
            Target = Target with { KubernetesServer = target.Server.ToString(), KubernetesContext = target.ContextName };
            _ = WarmUpAsync(client, cancellationToken);
            return null;
        }
        catch (KubeConfigException error)
        {
            return Diagnostic.Error(DiagnosticCodes.ProviderConfiguration, "Cannot connect to Kubernetes", null, error.Message, "Fix the kubeconfig, or pass --kubeconfig and --context.");
        }
    }

    /// <summary>Connects and reads discovery while the history is read and decoded, so the plan's first request finds
    /// both ready. Errors are left for the plan's own request, which reports them.</summary>
    private async Task WarmUpAsync(KubeClient client, CancellationToken cancellationToken)
    {
        if (Model.Resources.FirstOrDefault(r => r.Provider == "kubernetes") is not { } first)
        {
            return;
        }

        try
        {
            await client.ResolveAsync(first.Type.ApiVersion, first.Type.Kind, cancellationToken);
        }
        catch (Exception error) when (error is not OutOfMemoryException)
        {
            // The plan resolves the same kind and reports what went wrong.
        }
    }

    private async Task<Diagnostic?> AddDockerAsync(CliServices services, CancellationToken cancellationToken)
    {
        var io = services.IO;
        try
        {
            var endpoint = DockerEndpointResolver.Resolve(Model.Environment.Docker?.Host, io.EnvironmentVariables, io.HomeDirectory);
            var engine = await DockerEngine.ConnectAsync(endpoint, cancellationToken);
            _owned.Add(engine);
            var stateDirectory = LocalStateStore.DirectoryFor(Model.Project.Root, Model.Environment.Name, io.EnvironmentVariables);
            var provider = new DockerProvider(engine.Client, new DockerProviderOptions
            {
                DocumentFolders = DocumentFolders(Model),
                Registries = Model.Resources
                    .Where(r => r.Provider == "docker" && r.Address.Kind == "Registry")
                    .ToImmutableDictionary(r => r.Address.Name, r => r.Content["spec"] as JsonObject ?? [], StringComparer.Ordinal),
                BuildCacheDirectory = Path.Combine(stateDirectory, "build-inputs"),
                ExcludedFromContexts = [Path.Combine(Model.Project.Root, ".declarative"), stateDirectory],
                EnvironmentVariables = io.EnvironmentVariables.ToImmutableDictionary(StringComparer.Ordinal),
                HomeDirectory = io.HomeDirectory,
                BuildOutput = BuildOutput.Write,
            });
            _owned.Add(provider);
            Providers["docker"] = provider;
            Target = Target with { DockerHost = engine.Address };
            return null;
        }
        catch (DockerConnectionException error)
        {
            return Diagnostic.Error(DiagnosticCodes.ProviderConfiguration, "Cannot connect to the Docker engine", null, error.Message, "Start the Docker daemon, or point DOCKER_HOST or the environment's docker.host in declarative.yaml at a running engine.");
        }
    }

    /// <summary>Each Docker resource's document folder: relative bind mounts and build contexts resolve against it.</summary>
    private static ImmutableDictionary<ResourceAddress, string> DocumentFolders(EnvironmentModel model) =>
        model.Resources
            .Where(r => r.Provider == "docker")
            .GroupBy(r => r.Address)
            .ToImmutableDictionary(g => g.Key, g => Path.GetDirectoryName(Path.GetFullPath(Path.Combine(model.Project.Root, g.First().Source.File)))!);

    private static Diagnostic Unavailable(string provider, EnvironmentModel model)
    {
        var resources = model.Resources.Where(r => r.Provider == provider).Select(r => r.Address.ToString()).ToList();
        return Diagnostic.Error(
            DiagnosticCodes.ProviderUnavailable,
            $"The {provider} provider cannot plan or apply yet",
            resources.Count == 0 ? null : model.Resources.First(r => r.Provider == provider).Source.Locate("/kind"),
            $"Environment \"{model.Environment.Name}\" has {provider} resources ({string.Join(", ", resources.Take(5))}{(resources.Count > 5 ? ", ..." : string.Empty)}), and this version of Declarative has no runtime provider for them.",
            "Limit those documents to other environments with the declarative.dev/environments annotation, or plan an environment without them.");
    }
}

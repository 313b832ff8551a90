using System.Collections.Immutable;
using System.Net;
using System.Net.Sockets;
using System.Text.Json.Nodes;
using Declarative.Core.Planning;
using Declarative.Core.Providers;
using Declarative.Providers.Docker.Runtime;
using Declarative.Testing.Docker;
using Docker.DotNet;

namespace Declarative.Providers.Docker.Tests.Runtime;

/// <summary>
/// Drives the Docker provider through the seam as the engine does (read, plan, apply, wait, delete) against the
/// real engine, under an environment name of its own, and removes every object of that environment at the end.
/// </summary>
public sealed class DockerRuntimeFixture : IAsyncDisposable
{
    private DockerRuntimeFixture(IDockerClient client, DockerProvider provider, OwnerSelector owner, string folder)
    {
        Client = client;
        Provider = provider;
        Owner = owner;
        Folder = folder;
    }

    public IDockerClient Client { get; }

    public DockerProvider Provider { get; }

    public OwnerSelector Owner { get; }

    /// <summary>The folder the test's documents live in: relative bind mounts resolve against it.</summary>
    public string Folder { get; }

    public static CancellationToken Timeout => new CancellationTokenSource(TimeSpan.FromMinutes(2)).Token;

    public static async Task<DockerRuntimeFixture> StartAsync(IEnumerable<ResourceAddress>? foldersFor = null, DockerProviderOptions? options = null)
    {
        await TestImages.EnsureBusyboxImageAsync(Timeout);
        var client = await TestEngine.ConnectAsync(Timeout);
        var folder = Directory.CreateTempSubdirectory("decl-docker-").FullName;
        var owner = new OwnerSelector("docker-tests", TestImages.UniqueName("env"));
        var folders = (foldersFor ?? []).ToImmutableDictionary(a => a, _ => folder);
        var provider = new DockerProvider(client, (options ?? new DockerProviderOptions { StartupWindow = TimeSpan.FromSeconds(1) }) with { DocumentFolders = folders });
        return new DockerRuntimeFixture(client, provider, owner, folder);
    }

    public static ResourceAddress Address(string kind, string name) => new(string.Empty, "docker.declarative.dev", kind, null, name);

    /// <summary>A desired resource as the engine builds it: the document with the ownership labels.</summary>
    public DesiredResource Desired(string kind, string name, JsonObject spec, ImmutableArray<UnknownValue> unknowns = default)
    {
        var document = new JsonObject
        {
            ["apiVersion"] = "docker.declarative.dev/v1",
            ["kind"] = kind,
            ["metadata"] = new JsonObject
            {
                ["name"] = name,
                ["labels"] = new JsonObject(Owner.Labels.Select(l => KeyValuePair.Create<string, JsonNode?>(l.Key, l.Value))),
            },
            ["spec"] = spec.DeepClone(),
        };
        return new DesiredResource(Address(kind, name), new ResourceType("docker.declarative.dev/v1", kind), document, unknowns.IsDefault ? [] : unknowns, [], []);
    }

    public async Task<LiveResource?> ReadAsync(DesiredResource desired) =>
        (await Provider.ReadAsync([desired.Address], Owner, Timeout)).Live.GetValueOrDefault(desired.Address);

    public async Task<PlannedChange> PlanAsync(DesiredResource desired, AppliedResource? lastApplied) =>
        await Provider.PlanAsync(desired, await ReadAsync(desired), lastApplied, Timeout);

    /// <summary>Plans, applies and waits like `decl apply`; returns what the revision would record.</summary>
    public async Task<(PlannedChange Change, AppliedResource Applied, WaitResult Wait)> ApplyAsync(DesiredResource desired, AppliedResource? lastApplied)
    {
        var change = await PlanAsync(desired, lastApplied);
        Assert.NotEqual(ChangeAction.NoOp, change.Action);
        var applied = await Provider.ApplyAsync(change, new Dictionary<ResourceAddress, ResourceOutputs>(), Timeout);
        var wait = await Provider.WaitAsync(applied, DateTimeOffset.UtcNow.AddSeconds(30), new Progress<WaitProgress>(), Timeout);
        return (change, applied, wait);
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        var read = await Provider.ReadAsync([], Owner, CancellationToken.None);
        foreach (var kind in new[] { "Container", "Network", "Volume" })
        {
            foreach (var orphan in read.Orphans.Where(o => o.Address.Kind == kind))
            {
                await Provider.DeleteAsync(orphan, new DeleteOptions(), CancellationToken.None);
            }
        }

        Client.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}

using Declarative.Core.State;
using Declarative.Kubernetes.ApiServer.Faults;
using static Declarative.Providers.Kubernetes.Tests.State.StateSamples;

namespace Declarative.Providers.Kubernetes.Tests.State;

/// <summary>What the Kubernetes store says when the API server refuses it (RBAC) or cannot be reached.</summary>
public sealed class KubernetesStateErrorTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private StoreDouble _double = null!;

    public async Task InitializeAsync() => _double = await StoreDouble.StartAsync();

    public async Task DisposeAsync() => await _double.DisposeAsync();

    [Fact]
    public async Task A_forbidden_list_names_the_cluster_the_namespace_and_the_missing_permission()
    {
        _double.Host.State.Faults.Fail(FaultKind.Forbidden, 1.0, "list");

        var error = await Assert.ThrowsAsync<StateStoreUnavailableException>(() => _double.Store("rbac").ListAsync(None));

        Assert.Equal("The Kubernetes state store is not allowed to list secrets", error.Summary);
        Assert.StartsWith("The kubeconfig user of cluster double (https://127.0.0.1:", error.Details[0], StringComparison.Ordinal);
        Assert.Contains("may not list \"secrets\" in namespace \"declarative-system\"", error.Details[0], StringComparison.Ordinal);
        Assert.Contains("docs/state.md", error.Details[1], StringComparison.Ordinal);
        Assert.Contains("namespace \"declarative-system\" of cluster double", error.Store, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forbidden_lease_update_names_leases_in_the_coordination_group()
    {
        await _double.PlantLeaseAsync("rbac-lease", new LockRecord("bob", "h", 1, DateTimeOffset.UtcNow.AddHours(-1), "decl apply"), DateTimeOffset.UtcNow.AddHours(-1));
        _double.Host.State.Faults.Fail(FaultKind.Forbidden, 1.0, "patch");

        var error = await Assert.ThrowsAsync<StateStoreUnavailableException>(() => _double.Store("rbac-lease").LockAsync(Requester(), None));

        Assert.Contains("may not patch \"leases\" in API group \"coordination.k8s.io\" in namespace \"declarative-system\"", error.Details[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unreachable_server_is_named_with_the_namespace_to_check()
    {
        var kubeconfig = _double.Host.KubeconfigYaml().Replace(_double.Host.Server, "https://127.0.0.1:1", StringComparison.Ordinal);

        var error = await Assert.ThrowsAsync<StateStoreUnavailableException>(() => _double.Store("down", client: _double.Client(kubeconfig)).GetLatestAsync(None));

        Assert.Equal("Cannot reach the Kubernetes state store", error.Summary);
        Assert.Contains("https://127.0.0.1:1", error.Details[0], StringComparison.Ordinal);
        Assert.Contains("namespace \"declarative-system\" of cluster double", error.Details[1], StringComparison.Ordinal);
        Assert.Contains("docs/state.md", error.Details[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_namespace_is_created_on_the_first_write()
    {
        var store = _double.Store("fresh", o => o with { Namespace = "team-state" });

        await store.SaveAsync(Revision(1, RevisionStatus.Deployed, ConfigMap("a")), None);

        Assert.Equal(1, (await store.GetLatestAsync(None))!.Number);
    }
}

using Declarative.Core.State;
using Declarative.Providers.Kubernetes.Client;
using Declarative.Providers.Kubernetes.Config;
using Declarative.Providers.Kubernetes.State;

namespace Declarative.Cli.Tests;

/// <summary><c>decl state unlock</c> with the history in the cluster: a Lease that a run holds is refused, and the
/// refusal says what is true of a Lease (it expires by itself once its holder stops renewing it), not that the lock
/// goes with the holder's process.</summary>
public sealed class KubernetesStateUnlockTests : IAsyncLifetime
{
    private const string ProjectFile = "apiVersion: declarative.dev/v1\nkind: Project\nmetadata: {name: shop}\nspec:\n  values: values.yaml\n  state: {backend: kubernetes}\n  environments:\n    dev: {kubernetes: {namespace: shop-dev}}\n";

    private static readonly DateTimeOffset Since = new(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);

    private ShopCluster _shop = null!;

    public async Task InitializeAsync() => _shop = await ShopCluster.StartAsync(new Dictionary<string, string> { ["shop/declarative.yaml"] = ProjectFile });

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    [Fact]
    public async Task Refuses_while_a_run_holds_the_lease_saying_the_lease_expires_by_itself()
    {
        using var client = Client();
        var store = new KubernetesStateStore(client, new KubernetesStateOptions("declarative-system", "shop", "dev") { ClusterName = "double" });
        var holder = new LockRecord("bob", "ci-9", 4242, Since, "decl apply --env dev");
        await using var held = await store.LockAsync(holder, CancellationToken.None);

        var result = await _shop.Decl("state", "unlock", "shop");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            "error: DCL501 State is locked by a lease that has not expired\n" +
            "    Environment \"dev\" is locked by decl apply --env dev (user bob, pid 4242 on ci-9, since 2025-03-01 10:00:00Z), whose lease has not expired: that run still renews it, or stopped less than 60 s ago.\n" +
            "    Wait for that run to finish, or stop it (kill -INT 4242 on ci-9). However it stops, its lease expires within 60 s and the next run takes the lock over by itself: decl state unlock is not needed.\n",
            result.Stderr);
        Assert.DoesNotContain("goes with its process", result.All, StringComparison.Ordinal);
        var refusedAgain = await Assert.ThrowsAsync<StateLockedException>(() => new KubernetesStateStore(client, store.Options).LockAsync(new LockRecord("alice", "ci-7", 1, Since, "decl destroy --env dev"), CancellationToken.None));
        Assert.Equal(holder, refusedAgain.Holder);
    }

    private KubeClient Client() => KubeClient.Create(
        KubeconfigLoader.Load(new KubeconfigLoadOptions { ExplicitPath = _shop.Dir.PathOf("kubeconfig"), GetEnvironmentVariable = _ => null, HomeDirectory = _shop.Dir.Root }),
        new KubeClientOptions { DiscoveryCacheDirectory = null });
}

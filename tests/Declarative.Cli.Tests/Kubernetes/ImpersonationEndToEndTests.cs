namespace Declarative.Cli.Tests.Kubernetes;

/// <summary>--as, --as-group and --as-uid reach the cluster on every request of a plan, and a bad combination is
/// a configuration error before anything is sent.</summary>
public sealed class ImpersonationEndToEndTests : IAsyncLifetime
{
    private ShopCluster _shop = null!;

    public async Task InitializeAsync() => _shop = await ShopCluster.StartAsync();

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    [Fact]
    public async Task A_plan_with_as_sends_the_impersonation_headers_on_every_request()
    {
        var plan = await _shop.Decl("plan", "shop", "--as", "alice", "--as-group", "developers", "--as-uid", "42");

        Assert.True(plan.ExitCode == 0, plan.All);
        Assert.Contains("Plan: 3 to create", plan.Stdout, StringComparison.Ordinal);
        var log = _shop.Host.State.Requests;
        Assert.NotEmpty(log.Impersonations);
        Assert.Equal(log.Count, log.Impersonations.Count);
        Assert.All(log.Impersonations, headers => Assert.Equal(
            "Impersonate-Group: developers; Impersonate-Uid: 42; Impersonate-User: alice", headers, ignoreCase: true));
    }

    [Fact]
    public async Task A_plan_without_as_sends_none()
    {
        var plan = await _shop.Decl("plan", "shop");

        Assert.True(plan.ExitCode == 0, plan.All);
        Assert.Empty(_shop.Host.State.Requests.Impersonations);
    }

    [Fact]
    public async Task A_group_without_a_user_is_refused_before_anything_is_sent()
    {
        _shop.Host.State.Requests.Clear();

        var plan = await _shop.Decl("plan", "shop", "--as-group", "developers");

        Assert.NotEqual(0, plan.ExitCode);
        Assert.Contains("asks to impersonate groups, a UID or extra fields without a user to impersonate. Add --as", plan.All, StringComparison.Ordinal);
        Assert.Empty(_shop.Host.State.Requests.Requests);
    }
}

namespace Declarative.Cli.Tests;

/// <summary>Creates are checked by the server at plan time: what it would refuse fails the plan at the manifest, not
/// the apply.</summary>
public sealed class CreateCheckTests : IAsyncLifetime
{
    private ShopCluster _shop = null!;

    public async Task InitializeAsync() => _shop = await ShopCluster.StartAsync();

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    [Fact]
    public async Task A_create_into_a_namespace_that_neither_exists_nor_is_in_the_project_fails_the_plan_at_the_manifest()
    {
        Assert.Equal(0, (await _shop.Decl("apply", "shop", "--auto-approve")).ExitCode);
        File.WriteAllText(_shop.Dir.PathOf("shop/manifests/elsewhere.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: nowhere\ndata:\n  a: \"1\"\n");

        var plan = await _shop.Decl("plan", "shop");
        var apply = await _shop.Decl("apply", "shop", "--auto-approve");

        Assert.Equal(1, plan.ExitCode);
        Assert.Contains("shop/manifests/elsewhere.yaml:5:14: DCL307 The server would refuse this object", plan.All, StringComparison.Ordinal);
        Assert.Contains("ConfigMap/nowhere/settings: namespace \"nowhere\" does not exist, and the project does not create it.", plan.All, StringComparison.Ordinal);
        Assert.Contains("Add a Namespace named nowhere to the project", plan.All, StringComparison.Ordinal);
        Assert.Equal(1, apply.ExitCode);
        Assert.Contains("DCL307", apply.All, StringComparison.Ordinal);
        Assert.DoesNotMatch(@"(?m)^2\s", (await _shop.Decl("history", "shop")).Stdout);
    }

    [Fact]
    public async Task A_create_the_server_would_refuse_fails_the_plan_at_the_field_it_names()
    {
        Assert.Equal(0, (await _shop.Decl("apply", "shop", "--auto-approve")).ExitCode);
        File.WriteAllText(_shop.Dir.PathOf("shop/manifests/api.yaml"), "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: api\nspec:\n  selector:\n    matchLabels: {app: api}\n  template:\n    metadata:\n      labels: {app: other}\n    spec:\n      containers:\n      - name: api\n        image: nginx:1.27\n");

        var plan = await _shop.Decl("plan", "shop");

        Assert.Equal(1, plan.ExitCode);
        Assert.Matches(@"shop/manifests/api\.yaml:\d+:\d+: DCL307 The server would refuse this object", plan.All);
        Assert.Contains("Deployment.apps/shop-dev/api:", plan.All, StringComparison.Ordinal);
        Assert.Contains("does not match", plan.All, StringComparison.Ordinal);
        Assert.Single(plan.All.Split('\n'), l => l.Contains("does not match", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_create_into_a_namespace_the_same_plan_creates_is_checked_at_apply()
    {
        var plan = await _shop.Decl("plan", "shop");

        Assert.True(plan.ExitCode == 0, plan.All);
        Assert.Contains("+ create Deployment.apps/shop-dev/web", plan.Stdout, StringComparison.Ordinal);
    }
}

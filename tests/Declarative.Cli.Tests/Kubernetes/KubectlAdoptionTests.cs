using System.Text.Json.Nodes;

namespace Declarative.Cli.Tests.Kubernetes;

/// <summary>
/// An application first deployed with client-side `kubectl apply`, then adopted with `decl apply --adopt`: the real
/// kubectl and the real CLI against the API double with its controllers.
/// </summary>
public sealed class KubectlAdoptionTests : IAsyncLifetime
{
    private const string Web = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  replicas: 2\n  selector:\n    matchLabels: {app: web}\n  template:\n    metadata:\n      labels: {app: web}\n    spec:\n      containers:\n      - name: web\n        image: nginx:1.27\n        resources:\n          requests: {cpu: 100m, memory: 64Mi}\n";
    private const string Resources = "        resources:\n          requests: {cpu: 100m, memory: 64Mi}\n";
    private ShopCluster _shop = null!;

    public async Task InitializeAsync() => _shop = await ShopCluster.StartAsync(new Dictionary<string, string>
    {
        ["shop/values.yaml"] = "replicas: 2\n",
        ["shop/manifests/web.yaml"] = Web,
    });

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    [KubectlFact]
    public async Task Adopting_what_kubectl_applied_client_side_lets_a_later_removal_remove_the_field_live()
    {
        using var kubectl = new Kubectl(_shop.Host);
        await kubectl.MustAsync("apply", "-f", kubectl.File("namespace.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: shop-dev\n"));
        await kubectl.MustAsync("apply", "-n", "shop-dev", "-f", kubectl.File("web.yaml", Web));
        var byKubectl = await GetWebAsync(kubectl);
        Assert.Contains(Managers(byKubectl), m => m == "kubectl-client-side-apply");

        var refused = await _shop.Decl("plan", "shop");
        var adoptPlan = await _shop.Decl("plan", "shop", "--adopt");
        var adopt = await _shop.Decl("apply", "shop", "--adopt", "--auto-approve");
        var replan = await _shop.Decl("plan", "shop", "--detailed-exitcode");
        var adopted = await GetWebAsync(kubectl);

        Assert.Contains("DCL301", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("# adopting: the fields kubectl-client-side-apply set become Declarative's", adoptPlan.Stdout, StringComparison.Ordinal);
        Assert.True(adopt.ExitCode == 0, adopt.All);
        Assert.True(replan.ExitCode == 0, replan.All);
        Assert.Contains("No changes.", replan.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(Managers(adopted), m => m == "kubectl-client-side-apply");
        Assert.Null(adopted["metadata"]!["annotations"]?["kubectl.kubernetes.io/last-applied-configuration"]);

        File.WriteAllText(_shop.Dir.PathOf("shop/manifests/web.yaml"), Web.Replace(Resources, string.Empty, StringComparison.Ordinal));
        var removalPlan = await _shop.Decl("plan", "shop");
        var removal = await _shop.Decl("apply", "shop", "--auto-approve");
        var resources = await kubectl.MustAsync("get", "deployment", "web", "-n", "shop-dev", "-o", "jsonpath={.spec.template.spec.containers[0].resources}");

        Assert.Contains("- spec.template.spec.containers[name=web].resources.requests.cpu", removalPlan.Stdout, StringComparison.Ordinal);
        Assert.True(removal.ExitCode == 0, removal.All);
        Assert.Equal("{}", resources);
    }

    [KubectlFact]
    public async Task A_variable_kubectl_set_env_added_is_noted_as_kept_by_the_plan()
    {
        using var kubectl = new Kubectl(_shop.Host);
        Assert.Equal(0, (await _shop.Decl("apply", "shop", "--auto-approve")).ExitCode);
        await kubectl.MustAsync("set", "env", "deployment/web", "-n", "shop-dev", "DEBUG=1");

        var plan = await _shop.Decl("plan", "shop", "--detailed-exitcode");

        Assert.True(plan.ExitCode == 0, plan.All);
        Assert.Contains("# spec.template.spec.containers[name=web].env: set by kubectl-set, not in the manifests: kept", plan.Stdout, StringComparison.Ordinal);
        Assert.Contains("No changes.", plan.Stdout, StringComparison.Ordinal);
    }

    private static async Task<JsonObject> GetWebAsync(Kubectl kubectl) =>
        (JsonObject)JsonNode.Parse(await kubectl.MustAsync("get", "deployment", "web", "-n", "shop-dev", "-o", "json", "--show-managed-fields"))!;

    private static IEnumerable<string> Managers(JsonObject obj) =>
        ((JsonArray)obj["metadata"]!["managedFields"]!).Select(e => e!["manager"]!.GetValue<string>());
}

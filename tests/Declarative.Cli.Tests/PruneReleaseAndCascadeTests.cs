using System.Net;
using System.Text;
using System.Text.Json.Nodes;

namespace Declarative.Cli.Tests;

/// <summary>
/// What a delete may take with it (a Namespace's foreign objects, a CRD's custom resources: refused without
/// --allow-cascade) and what <c>declarative.dev/prune: disabled</c> does (kept live, labels removed, out of the
/// inventory), end to end against the API double.
/// </summary>
public sealed class PruneReleaseAndCascadeTests : IAsyncLifetime
{
    private const string WidgetCrd = """
        apiVersion: apiextensions.k8s.io/v1
        kind: CustomResourceDefinition
        metadata:
          name: widgets.example.com
        spec:
          group: example.com
          scope: Namespaced
          names: {plural: widgets, singular: widget, kind: Widget}
          versions:
          - name: v1
            served: true
            storage: true
            schema:
              openAPIV3Schema:
                type: object
                x-kubernetes-preserve-unknown-fields: true
        """;

    private ShopCluster _shop = null!;

    public async Task InitializeAsync() => _shop = await ShopCluster.StartAsync();

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    private Task<CliResult> Decl(params string[] args) => _shop.Decl(args);

    [Fact]
    public async Task Destroying_a_namespace_that_holds_a_foreign_object_is_refused_until_the_cascade_is_allowed()
    {
        Assert.Equal(0, (await Decl("apply", "shop", "--auto-approve")).ExitCode);
        await PostAsync("/api/v1/namespaces/shop-dev/configmaps", """{"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"foreign"},"data":{"a":"1"}}""");

        var refused = await Decl("destroy", "shop", "--auto-approve");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("DCL306", refused.Stderr, StringComparison.Ordinal);
        // One object exactly: the web Deployment's ReplicaSets and Pods, the default ServiceAccount and the
        // kube-root-ca.crt ConfigMap go with the namespace anyway and are not counted.
        Assert.Contains("Deleting Namespace/shop-dev would also delete 1 object Declarative does not own (ConfigMap/shop-dev/foreign)", refused.Stderr, StringComparison.Ordinal);
        Assert.Contains("--allow-cascade", refused.Stderr, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/apis/apps/v1/namespaces/shop-dev/deployments/web"));
        Assert.DoesNotMatch(@"(?m)^2\s", (await Decl("history", "shop")).Stdout);

        var allowed = await Decl("destroy", "shop", "--auto-approve", "--allow-cascade");

        Assert.True(allowed.ExitCode == 0, allowed.All);
        Assert.Contains("# deleting it also deletes 1 object Declarative does not own (ConfigMap/shop-dev/foreign)", allowed.Stdout, StringComparison.Ordinal);
        Assert.Contains("Revision 2 destroyed.", allowed.Stdout, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, await StatusAsync("/api/v1/namespaces/shop-dev/configmaps/foreign"));
    }

    [Fact]
    public async Task Pruning_a_crd_that_still_has_custom_resources_is_refused_with_their_count()
    {
        File.WriteAllText(_shop.Dir.PathOf("shop/manifests/crd.yaml"), WidgetCrd);
        var first = await Decl("apply", "shop", "--auto-approve");
        Assert.True(first.ExitCode == 0, first.All);
        for (var i = 1; i <= 7; i++)
        {
            await PostAsync("/apis/example.com/v1/namespaces/shop-dev/widgets", $$$"""{"apiVersion":"example.com/v1","kind":"Widget","metadata":{"name":"w{{{i}}}"}}""");
        }

        File.Delete(_shop.Dir.PathOf("shop/manifests/crd.yaml"));
        var refused = await Decl("apply", "shop", "--auto-approve");

        Assert.Equal(1, refused.ExitCode);
        Assert.Contains(
            "Deleting CustomResourceDefinition.apiextensions.k8s.io/widgets.example.com would also delete 7 objects Declarative does not own (Widget.example.com/shop-dev/w1, Widget.example.com/shop-dev/w2, Widget.example.com/shop-dev/w3, Widget.example.com/shop-dev/w4, Widget.example.com/shop-dev/w5 and 2 more)",
            refused.Stderr,
            StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, await StatusAsync("/apis/apiextensions.k8s.io/v1/customresourcedefinitions/widgets.example.com"));
    }

    [Fact]
    public async Task An_object_with_prune_disabled_is_released_kept_live_without_our_labels_and_out_of_the_inventory()
    {
        File.WriteAllText(_shop.Dir.PathOf("shop/manifests/keep.yaml"), "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: keep\n  annotations:\n    declarative.dev/prune: disabled\ndata:\n  a: \"1\"\n");
        Assert.Equal(0, (await Decl("apply", "shop", "--auto-approve")).ExitCode);
        File.Delete(_shop.Dir.PathOf("shop/manifests/keep.yaml"));

        var plan = await Decl("plan", "shop");
        var apply = await Decl("apply", "shop", "--auto-approve");

        Assert.Contains("  . release ConfigMap/shop-dev/keep\n      # declarative.dev/prune: disabled: kept live; Declarative's ownership labels are removed and it leaves the inventory\n", plan.Stdout, StringComparison.Ordinal);
        Assert.Contains("Plan: 0 to create, 0 to update, 0 to replace, 0 to delete, 1 to release.", plan.Stdout, StringComparison.Ordinal);
        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.Contains("1 released", apply.Stdout, StringComparison.Ordinal);
        var kept = JsonNode.Parse(await GetAsync("/api/v1/namespaces/shop-dev/configmaps/keep"))!;
        Assert.Equal("1", (string?)kept["data"]!["a"]);
        var labels = kept["metadata"]!["labels"] as JsonObject;
        Assert.Null(labels?["declarative.dev/project"]);
        Assert.Null(labels?["declarative.dev/environment"]);
        Assert.Null(labels?["app.kubernetes.io/managed-by"]);
        var drift = await Decl("drift", "shop");
        Assert.True(drift.ExitCode == 0, drift.All);
        Assert.Contains("No changes.", (await Decl("plan", "shop")).Stdout, StringComparison.Ordinal);
        var destroy = await Decl("destroy", "shop", "--auto-approve");
        Assert.DoesNotContain("keep", destroy.Stdout, StringComparison.Ordinal);
    }

    private async Task PostAsync(string path, string json)
    {
        using var http = _shop.Host.CreateClient();
        using var body = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await http.PostAsync(new Uri(path, UriKind.Relative), body);
        Assert.True(response.IsSuccessStatusCode, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }

    private async Task<HttpStatusCode> StatusAsync(string path)
    {
        using var http = _shop.Host.CreateClient();
        return (await http.GetAsync(new Uri(path, UriKind.Relative))).StatusCode;
    }

    private async Task<string> GetAsync(string path)
    {
        using var http = _shop.Host.CreateClient();
        return await http.GetStringAsync(new Uri(path, UriKind.Relative));
    }
}

using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Declarative.Testing;

namespace Declarative.Cli.Tests;

/// <summary>decl drift end to end against the API double: changed fields with their manager, deleted objects, objects
/// with our labels that no revision owns; exit 2 when anything drifted. A field another manager added that no manifest
/// sets is kept, noted by plan and drift alike, and is not drift.</summary>
public sealed class DriftTests : IAsyncLifetime
{
    private const string Web = "/apis/apps/v1/namespaces/shop-dev/deployments/web";
    private const string StrategicMerge = "application/strategic-merge-patch+json";
    private const string KeptResources = "spec.template.spec.containers[name=web].resources: set by kubectl-edit, not in the manifests: kept";
    private ShopCluster _shop = null!;

    public async Task InitializeAsync() => _shop = await ShopCluster.StartAsync(new Dictionary<string, string>
    {
        ["shop/manifests/config.yaml"] = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\ndata:\n  MODE: dev\n",
    });

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    private Task<CliResult> Decl(params string[] args) => _shop.Decl(args);

    [Fact]
    public async Task No_drift_right_after_apply_exits_0()
    {
        Assert.Equal(0, (await Decl("apply", "shop", "--auto-approve")).ExitCode);

        var drift = await Decl("drift", "shop");

        Assert.True(drift.ExitCode == 0, drift.All);
        Assert.Equal("No drift. The environment matches revision 1.\n", drift.Stdout);
    }

    [Fact]
    public async Task Scaled_edited_deleted_and_unmanaged_objects_are_reported_with_exit_2()
    {
        Assert.Equal(0, (await Decl("apply", "shop", "--auto-approve")).ExitCode);
        await SendAsync(HttpMethod.Patch, $"{Web}?fieldManager=kubectl", """{"spec":{"replicas":5}}""");
        await EditWebResourcesAsync();
        await SendAsync(HttpMethod.Delete, "/api/v1/namespaces/shop-dev/configmaps/settings", null);
        await SendAsync(HttpMethod.Post, "/api/v1/namespaces/shop-dev/configmaps?fieldManager=kubectl-create", """
            {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"stray","labels":{"app.kubernetes.io/managed-by":"declarative","declarative.dev/project":"shop","declarative.dev/environment":"dev"}},"data":{"x":"1"}}
            """);

        var drift = await Decl("drift", "shop");

        Assert.Equal(2, drift.ExitCode);
        Assert.Contains("~ Deployment.apps/shop-dev/web", drift.Stdout, StringComparison.Ordinal);
        Assert.Contains("~ spec.replicas: 2 -> 5 (live) # changed by kubectl\n      # " + KeptResources + "\n", drift.Stdout, StringComparison.Ordinal);
        Assert.Contains("- ConfigMap/shop-dev/settings # deleted outside Declarative", drift.Stdout, StringComparison.Ordinal);
        Assert.Contains("+ ConfigMap/shop-dev/stray # has this environment's labels but no revision owns it", drift.Stdout, StringComparison.Ordinal);
        Assert.Contains("Drift: 1 changed, 1 deleted, 1 unmanaged.", drift.Stdout, StringComparison.Ordinal);
        GoldenFile.Assert(drift.Stdout, "Golden/drift.txt");
        GoldenFile.Assert((await Decl("drift", "shop", "-o", "json")).Stdout, "Golden/drift.json");
        GoldenFile.Assert((await Decl("drift", "shop", "-o", "markdown")).Stdout, "Golden/drift.md");

        var json = JsonNode.Parse((await Decl("drift", "shop", "-o", "json")).Stdout)!;
        Assert.Equal("drift/v1", (string)json["formatVersion"]!);
        var web = json["objects"]!.AsArray().Single(o => (string)o!["address"]! == "Deployment.apps/shop-dev/web")!;
        var field = web["fields"]!.AsArray().Single()!;
        Assert.Equal("spec.replicas", (string)field["path"]!);
        Assert.Equal(2, (int)field["applied"]!);
        Assert.Equal(5, (int)field["live"]!);
        Assert.Equal("kubectl", (string)field["manager"]!);

        var markdown = (await Decl("drift", "shop", "-o", "markdown")).Stdout;
        Assert.Contains("| `Deployment.apps/shop-dev/web` | changed | `spec.replicas`: `2` → `5` (by kubectl) |", markdown, StringComparison.Ordinal);

        var plan = await Decl("plan", "shop");
        Assert.Contains("+ create ConfigMap/shop-dev/settings", plan.Stdout, StringComparison.Ordinal);
        Assert.Contains("# (drift: deleted outside Declarative)", plan.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_field_kubectl_edit_added_is_a_note_in_plan_json_and_kept_not_drift_in_drift()
    {
        Assert.Equal(0, (await Decl("apply", "shop", "--auto-approve")).ExitCode);
        await EditWebResourcesAsync();

        var plan = await Decl("plan", "shop", "-o", "json", "--detailed-exitcode");
        var drift = await Decl("drift", "shop");
        var driftJson = await Decl("drift", "shop", "-o", "json");
        var driftMarkdown = await Decl("drift", "shop", "-o", "markdown");

        Assert.True(plan.ExitCode == 0, plan.All);
        var web = JsonNode.Parse(plan.Stdout)!["resources"]!.AsArray().Single(r => (string)r!["address"]! == "Deployment.apps/shop-dev/web")!;
        Assert.Equal("""[{"path":"spec.template.spec.containers[name=web].resources","text":"set by kubectl-edit, not in the manifests: kept"}]""", web["notes"]!.ToJsonString());
        Assert.True(drift.ExitCode == 0, drift.All);
        Assert.Equal($"\n    Deployment.apps/shop-dev/web\n      # {KeptResources}\n\nNo drift. The environment matches revision 1.\n", drift.Stdout);
        Assert.True(driftJson.ExitCode == 0, driftJson.All);
        var report = JsonNode.Parse(driftJson.Stdout)!;
        Assert.False((bool)report["drift"]!);
        Assert.Empty(report["objects"]!.AsArray());
        Assert.Equal(
            """[{"address":"Deployment.apps/shop-dev/web","kind":"Deployment","name":"web","namespace":"shop-dev","path":"spec.template.spec.containers[name=web].resources","text":"set by kubectl-edit, not in the manifests: kept"}]""",
            report["notes"]!.ToJsonString());
        Assert.Contains("| `Deployment.apps/shop-dev/web` | `spec.template.spec.containers[name=web].resources` | set by kubectl-edit, not in the manifests: kept |", driftMarkdown.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_saved_plan_keeps_its_notes_for_apply()
    {
        Assert.Equal(0, (await Decl("apply", "shop", "--auto-approve")).ExitCode);
        await EditWebResourcesAsync();
        Assert.Equal(0, (await Decl("plan", "shop", "--set", "replicas=3", "--out", "shop.plan")).ExitCode);

        var applied = await Decl("apply", "shop.plan");

        Assert.True(applied.ExitCode == 0, applied.All);
        Assert.Contains("  ~ update Deployment.apps/shop-dev/web\n      # " + KeptResources + "\n", applied.Stdout, StringComparison.Ordinal);
        Assert.Contains("Revision 2 deployed.", applied.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_secret_key_another_manager_added_is_noted_by_its_path_without_its_value()
    {
        const string Added = "YWRkZWQtYnktaGFuZA==";
        Assert.Equal(0, (await Decl("apply", "shop", "--auto-approve")).ExitCode);
        await SendAsync(HttpMethod.Patch, "/api/v1/namespaces/shop-dev/secrets/db?fieldManager=kubectl-edit", $$$"""{"data":{"extra":"{{{Added}}}"}}""");

        CliResult[] outputs = [await Decl("plan", "shop", "-o", "json"), await Decl("drift", "shop"), await Decl("drift", "shop", "-o", "json"), await Decl("drift", "shop", "-o", "markdown")];

        Assert.Contains("data.extra: set by kubectl-edit, not in the manifests: kept", outputs[1].Stdout, StringComparison.Ordinal);
        Assert.All(outputs, o => Assert.DoesNotContain(Added, o.All, StringComparison.Ordinal));
        Assert.All(outputs, o => Assert.DoesNotContain("added-by-hand", o.All, StringComparison.Ordinal));
        Assert.All(outputs, o => Assert.DoesNotContain(ShopCluster.SecretValue, o.All, StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_changed_secret_is_reported_without_its_value()
    {
        Assert.Equal(0, (await Decl("apply", "shop", "--auto-approve")).ExitCode);
        await SendAsync(HttpMethod.Patch, "/api/v1/namespaces/shop-dev/secrets/db?fieldManager=kubectl-edit", """{"data":{"password":"aGFja2Vk"}}""");

        var drift = await Decl("drift", "shop", "-o", "json");

        Assert.Equal(2, drift.ExitCode);
        Assert.Contains("(sensitive)", drift.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain("aGFja2Vk", drift.All, StringComparison.Ordinal);
        Assert.DoesNotContain(ShopCluster.SecretValue, drift.All, StringComparison.Ordinal);
    }

    /// <summary>What <c>kubectl edit</c> does when it adds limits to the container: a strategic merge patch under its
    /// own field manager.</summary>
    private Task EditWebResourcesAsync() => SendAsync(
        HttpMethod.Patch,
        $"{Web}?fieldManager=kubectl-edit",
        """{"spec":{"template":{"spec":{"containers":[{"name":"web","resources":{"limits":{"cpu":"1"}}}]}}}}""",
        StrategicMerge);

    private async Task SendAsync(HttpMethod method, string path, string? body, string? contentType = null)
    {
        using var http = _shop.Host.CreateClient();
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8);
            request.Content.Headers.ContentType = new MediaTypeHeaderValue(contentType ?? (method == HttpMethod.Patch ? "application/merge-patch+json" : "application/json"));
        }

        using var response = await http.SendAsync(request);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }
}

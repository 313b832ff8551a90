using System.Collections.Immutable;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using Declarative.Core.Planning;
using Declarative.Core.Providers;
using Declarative.Kubernetes.ApiServer;
using Declarative.Kubernetes.ApiServer.Hosting;
using Declarative.Providers.Kubernetes.Runtime;
using static Declarative.Providers.Kubernetes.Tests.Runtime.RuntimeObjects;

namespace Declarative.Providers.Kubernetes.Tests.Runtime;

/// <summary>The provider over HTTPS against the API double, with controllers off: status is written through /status
/// the way a controller would.</summary>
public sealed class DoubleProviderTests : IAsyncLifetime
{
    private const string DeploymentPath = "/apis/apps/v1/namespaces/default/deployments/web";
    private static readonly ImmutableDictionary<ResourceAddress, ResourceOutputs> NoOutputs = ImmutableDictionary<ResourceAddress, ResourceOutputs>.Empty;
    private ApiServerHost host = null!;
    private CountingKubeClient client = null!;
    private KubernetesProvider provider = null!;

    public async Task InitializeAsync()
    {
        host = await ApiServerHost.StartAsync(new ApiServerOptions { RunControllers = false }, CancellationToken.None);
        if (TestClients.IsWired)
        {
            client = new CountingKubeClient(TestClients.ForDouble(host));
            provider = new KubernetesProvider(client, new KubernetesProviderOptions { PollInterval = TimeSpan.FromMilliseconds(50) });
        }
    }

    public async Task DisposeAsync()
    {
        if (provider is not null)
        {
            await provider.DisposeAsync();
        }

        await host.DisposeAsync();
    }

    [DoubleFact]
    public async Task Apply_then_plan_of_the_same_object_is_a_no_op_with_zero_requests()
    {
        var (live, applied) = await ApplyAsync(Deployment());

        var change = await provider.PlanAsync(Desired(Deployment()), live, applied, CancellationToken.None);

        Assert.Equal(ChangeAction.NoOp, change.Action);
        Assert.Equal(0, client.Requests);
    }

    [DoubleFact]
    public async Task A_changed_image_is_one_dry_run_and_an_update_of_that_field_only()
    {
        var (live, applied) = await ApplyAsync(Deployment());

        var change = await provider.PlanAsync(Desired(Deployment(image: "nginx:1.28")), live, applied, CancellationToken.None);

        Assert.Equal(ChangeAction.Update, change.Action);
        Assert.Equal("spec.template.spec.containers[name=web].image", Assert.Single(change.Diffs).Path);
        Assert.Equal(1, client.DryRuns);
    }

    [DoubleFact]
    public async Task A_kubectl_scale_is_drift_taken_from_kubectl()
    {
        var (_, applied) = await ApplyAsync(Deployment());
        await PatchAsync($"{DeploymentPath}/scale?fieldManager=kubectl", """{"spec":{"replicas":5}}""");
        var live = await ReadLiveAsync();

        var change = await provider.PlanAsync(Desired(Deployment()), live, applied, CancellationToken.None);

        Assert.Equal(ChangeAction.Update, change.Action);
        Assert.Equal(["spec.replicas"], change.DriftPaths.ToArray());
        Assert.Equal([new TakenField("spec.replicas", "kubectl")], change.TakenOver.ToArray());
    }

    [DoubleFact]
    public async Task A_changed_selector_is_a_replace_with_the_reason()
    {
        var (live, applied) = await ApplyAsync(Deployment());
        var desired = With(Deployment(), "/spec/selector/matchLabels/app", JsonValue.Create("web2"));
        JsonPointer.Set(desired, "/spec/template/metadata/labels/app", JsonValue.Create("web2"));

        var change = await provider.PlanAsync(Desired(desired), live, applied, CancellationToken.None);

        Assert.Equal(ChangeAction.Replace, change.Action);
        Assert.StartsWith("spec.selector", change.ReplaceReason, StringComparison.Ordinal);
    }

    [DoubleFact]
    public async Task Wait_succeeds_when_the_status_reports_the_rollout()
    {
        var (_, applied) = await ApplyAsync(Deployment());
        var wait = provider.WaitAsync(applied, DateTimeOffset.UtcNow.AddSeconds(20), new Progress<WaitProgress>(), CancellationToken.None);
        await Task.Delay(200);

        await PatchAsync($"{DeploymentPath}/status", """{"status":{"observedGeneration":1,"replicas":3,"updatedReplicas":3,"readyReplicas":3,"availableReplicas":3}}""");

        Assert.True((await wait).Ready);
    }

    [DoubleFact]
    public async Task Wait_fails_with_the_message_of_progress_deadline_exceeded()
    {
        var (_, applied) = await ApplyAsync(Deployment());
        await PatchAsync($"{DeploymentPath}/status", """
            {"status":{"observedGeneration":1,"replicas":3,"updatedReplicas":1,"conditions":[{"type":"Progressing","status":"False",
             "reason":"ProgressDeadlineExceeded","message":"ReplicaSet \"web-1\" has timed out progressing."}]}}
            """);

        var result = await provider.WaitAsync(applied, DateTimeOffset.UtcNow.AddSeconds(20), new Progress<WaitProgress>(), CancellationToken.None);

        Assert.Equal((false, "ProgressDeadlineExceeded"), (result.Ready, result.Reason));
        Assert.Contains("has timed out progressing", Assert.Single(result.Evidence), StringComparison.Ordinal);
    }

    [DoubleFact]
    public async Task Delete_waits_until_the_object_is_gone()
    {
        await ApplyAsync(Deployment());
        var live = await ReadLiveAsync();

        await provider.DeleteAsync(live, new DeleteOptions(), CancellationToken.None);

        using var http = host.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await http.GetAsync(new Uri(DeploymentPath, UriKind.Relative))).StatusCode);
    }

    [DoubleFact]
    public async Task Adopting_what_client_side_kubectl_apply_made_takes_over_its_fields_so_a_later_removal_removes_them()
    {
        await CreateAsKubectlClientSideApplyAsync(Deployment());
        var live = await ReadLiveAsync();

        var adopt = await provider.PlanAsync(Desired(Deployment()), live, null, CancellationToken.None);
        var adopted = await provider.ApplyAsync(adopt, NoOutputs, new ApplyContext(null), CancellationToken.None);
        var afterAdopt = await GetAsync(DeploymentPath);
        var withoutResources = Deployment();
        ((JsonObject)withoutResources["spec"]!["template"]!["spec"]!["containers"]![0]!).Remove("resources");
        var removal = await provider.PlanAsync(Desired(withoutResources), await ReadLiveAsync(), adopted, CancellationToken.None);
        await provider.ApplyAsync(removal, NoOutputs, new ApplyContext(adopted), CancellationToken.None);

        Assert.Equal(ChangeAction.Update, adopt.Action);
        Assert.Contains(adopt.Notes, n => n.Path is null && n.Text.StartsWith("adopting: the fields kubectl-client-side-apply set become Declarative's", StringComparison.Ordinal));
        Assert.DoesNotContain("kubectl-client-side-apply", Managers(afterAdopt));
        Assert.Null(afterAdopt["metadata"]!["annotations"]?["kubectl.kubernetes.io/last-applied-configuration"]);
        Assert.Equal("500m", afterAdopt["spec"]!["template"]!["spec"]!["containers"]![0]!["resources"]!["requests"]!["cpu"]!.GetValue<string>());
        Assert.Equal(ChangeAction.Update, removal.Action);
        Assert.Contains(removal.Diffs, d => d.Path.StartsWith("spec.template.spec.containers[name=web].resources", StringComparison.Ordinal) && d.Kind == FieldDiffKind.Removed);
        Assert.Equal("{}", (await GetAsync(DeploymentPath))["spec"]!["template"]!["spec"]!["containers"]![0]!["resources"]?.ToJsonString());
    }

    [DoubleFact]
    public async Task Adopting_an_object_whose_client_side_fields_the_manifest_leaves_out_removes_them()
    {
        var kubectlMade = Deployment();
        kubectlMade["spec"]!["minReadySeconds"] = 7;
        await CreateAsKubectlClientSideApplyAsync(kubectlMade);

        var adopt = await provider.PlanAsync(Desired(Deployment()), await ReadLiveAsync(), null, CancellationToken.None);
        await provider.ApplyAsync(adopt, NoOutputs, new ApplyContext(null), CancellationToken.None);

        var adopted = await GetAsync(DeploymentPath);
        Assert.Null(adopted["spec"]!["minReadySeconds"]);
        Assert.Equal(600, adopted["spec"]!["progressDeadlineSeconds"]!.GetValue<int>());
    }

    [DoubleFact]
    public async Task A_field_another_manager_added_that_no_manifest_sets_is_a_note_saying_it_is_kept()
    {
        var (_, applied) = await ApplyAsync(Deployment());
        await PatchAsync(
            $"{DeploymentPath}?fieldManager=kubectl-edit",
            """{"spec":{"template":{"spec":{"containers":[{"name":"web","resources":{"limits":{"cpu":"1"}}}]}}}}""",
            "application/strategic-merge-patch+json");

        var change = await provider.PlanAsync(Desired(Deployment()), await ReadLiveAsync(), applied, CancellationToken.None);

        Assert.Equal(ChangeAction.NoOp, change.Action);
        Assert.Equal(
            [new ChangeNote("spec.template.spec.containers[name=web].resources.limits", "set by kubectl-edit, not in the manifests: kept")],
            change.Notes.ToArray());
    }

    [DoubleFact]
    public async Task A_service_replaced_with_its_fixed_node_port_is_not_refused_for_the_port_it_holds_itself()
    {
        var service = Parse($$$"""
            {"apiVersion":"v1","kind":"Service","metadata":{"name":"np","namespace":"default","labels":{{{OwnerLabels}}}},
             "spec":{"type":"NodePort","selector":{"app":"web"},"ports":[{"port":80,"nodePort":30080}]}}
            """);
        var created = await provider.ApplyAsync(await provider.PlanAsync(Desired(service), null, null, CancellationToken.None), NoOutputs, CancellationToken.None);
        var id = AddressOf(service);
        var live = (await provider.ReadAsync([id], Owner, CancellationToken.None)).Live[id];
        var pinned = With(service, "/spec/clusterIP", JsonValue.Create("10.96.0.200"));

        var change = await provider.PlanAsync(Desired(pinned), live, created, CancellationToken.None);
        var replaced = await provider.ApplyAsync(change, NoOutputs, new ApplyContext(created), CancellationToken.None);

        Assert.Equal(ChangeAction.Replace, change.Action);
        Assert.NotEqual(live.Fingerprint.Uid, replaced.Outputs["uid"]);
        var now = await GetAsync("/api/v1/namespaces/default/services/np");
        Assert.Equal(("10.96.0.200", 30080), (now["spec"]!["clusterIP"]!.GetValue<string>(), now["spec"]!["ports"]![0]!["nodePort"]!.GetValue<int>()));
    }

    /// <summary>What `kubectl apply -f` without --server-side sends for a new object: a POST with its field manager
    /// and the last-applied annotation, without Declarative's labels.</summary>
    private async Task CreateAsKubectlClientSideApplyAsync(JsonObject obj)
    {
        var made = (JsonObject)obj.DeepClone();
        var metadata = (JsonObject)made["metadata"]!;
        metadata.Remove("labels");
        var lastApplied = made.ToJsonString();
        metadata["annotations"] = new JsonObject { ["kubectl.kubernetes.io/last-applied-configuration"] = lastApplied };
        using var http = host.CreateClient();
        using var content = new StringContent(made.ToJsonString(), Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await http.PostAsync(new Uri("/apis/apps/v1/namespaces/default/deployments?fieldManager=kubectl-client-side-apply", UriKind.Relative), content);
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    private async Task<JsonObject> GetAsync(string path)
    {
        using var http = host.CreateClient();
        return (JsonObject)JsonNode.Parse(await http.GetStringAsync(new Uri(path, UriKind.Relative)))!;
    }

    private static string[] Managers(JsonObject obj) =>
        [.. ((JsonArray)obj["metadata"]!["managedFields"]!).Select(e => e!["manager"]!.GetValue<string>())];

    private async Task<(LiveResource Live, AppliedResource Applied)> ApplyAsync(JsonObject obj)
    {
        var create = await provider.PlanAsync(Desired(obj), null, null, CancellationToken.None);
        var applied = await provider.ApplyAsync(create, NoOutputs, CancellationToken.None);
        var live = await ReadLiveAsync();
        client.Reset();
        return (live, applied);
    }

    private async Task<LiveResource> ReadLiveAsync()
    {
        var id = AddressOf(Deployment());
        return (await provider.ReadAsync([id], Owner, CancellationToken.None)).Live[id];
    }

    private async Task PatchAsync(string path, string patch, string contentType = "application/merge-patch+json")
    {
        using var http = host.CreateClient();
        using var content = new StringContent(patch, Encoding.UTF8);
        content.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        using var response = await http.PatchAsync(new Uri(path, UriKind.Relative), content);
        Assert.True(response.IsSuccessStatusCode, $"PATCH {path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}

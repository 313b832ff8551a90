using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Faults;
using Declarative.Providers.Kubernetes.Client;
using static Declarative.Providers.Kubernetes.Tests.Client.DoubleHarness;

namespace Declarative.Providers.Kubernetes.Tests.Client;

public sealed class KubeErrorTests : IAsyncLifetime
{
    private static readonly CancellationToken None = CancellationToken.None;
    private DoubleHarness _double = null!;
    private KubeClient _client = null!;
    private KubeResource _configMaps = null!;

    public async Task InitializeAsync()
    {
        _double = await StartAsync();
        _client = _double.Client();
        _configMaps = await _client.ResolveAsync("v1", "ConfigMap", None);
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _double.DisposeAsync();
    }

    [Fact]
    public async Task Creating_an_existing_object_is_AlreadyExists()
    {
        await _client.CreateAsync(_configMaps, ConfigMap("twice"), None);

        var error = await Assert.ThrowsAsync<KubeApiException>(() => _client.CreateAsync(_configMaps, ConfigMap("twice"), None));

        Assert.Equal(("AlreadyExists", 409), (error.Reason, error.Code));
        Assert.Contains("create configmaps \"twice\" in namespace \"default\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_apply_without_force_over_another_managers_field_is_a_Conflict_with_causes()
    {
        await _client.ApplyAsync(_configMaps, ConfigMap("shared", value: "a"), new KubeApplyOptions("other"), None);

        var error = await Assert.ThrowsAsync<KubeApiException>(() =>
            _client.ApplyAsync(_configMaps, ConfigMap("shared", value: "b"), new KubeApplyOptions(Force: false), None));

        Assert.True(error.IsConflict);
        Assert.Contains(error.Causes, c => c.Reason == "FieldManagerConflict");
    }

    [Fact]
    public async Task An_invalid_name_is_Invalid_with_the_field_named()
    {
        var error = await Assert.ThrowsAsync<KubeApiException>(() =>
            _client.ApplyAsync(_configMaps, ConfigMap("Not_Valid"), new KubeApplyOptions(), None));

        Assert.True(error.IsInvalid);
        Assert.Contains(error.Causes, c => c.Field == "metadata.name");
        Assert.EndsWith("Fix the manifest fields named above.", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_object_carries_the_servers_message_once()
    {
        var deployments = await _client.ResolveAsync("apps/v1", "Deployment", None);
        var mismatched = (JsonObject)JsonNode.Parse("""
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web","namespace":"default"},
             "spec":{"selector":{"matchLabels":{"app":"web2"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"nginx"}]}}}}
            """)!;

        var error = await Assert.ThrowsAsync<KubeApiException>(() => _client.ApplyAsync(deployments, mismatched, new KubeApplyOptions(), None));

        const string words = "`selector` does not match template `labels`";
        Assert.Equal(words.Length, error.Message.Length - error.Message.Replace(words, string.Empty, StringComparison.Ordinal).Length);
        Assert.Contains("spec.template.metadata.labels", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_create_of_an_existing_object_is_AlreadyExists_and_stores_nothing_new()
    {
        await _client.CreateAsync(_configMaps, ConfigMap("kept", value: "first"), None);

        var error = await Assert.ThrowsAsync<KubeApiException>(() =>
            _client.CreateAsync(_configMaps, ConfigMap("kept", value: "second"), new KubeCreateOptions(DryRun: true), None));
        var dryRunOnly = await _client.CreateAsync(_configMaps, ConfigMap("never"), new KubeCreateOptions(DryRun: true), None);

        Assert.Equal(("AlreadyExists", 409), (error.Reason, error.Code));
        Assert.Equal("first", (await _client.GetAsync(_configMaps, "default", "kept", None))!["data"]!["key"]!.GetValue<string>());
        Assert.Equal("never", dryRunOnly["metadata"]!["name"]!.GetValue<string>());
        Assert.Null(await _client.GetAsync(_configMaps, "default", "never", None));
    }

    [Fact]
    public async Task Forbidden_says_which_permission_is_missing()
    {
        _double.Host.State.Faults.FailAll(FaultKind.Forbidden);

        var error = await Assert.ThrowsAsync<KubeApiException>(() => _client.GetAsync(_configMaps, "default", "x", None));

        Assert.Equal("Forbidden", error.Reason);
        Assert.Contains("permission to get resource \"configmaps\" in the core API group in namespace \"default\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unauthorized_is_parsed_from_the_Status()
    {
        _double.Host.State.Faults.FailAll(FaultKind.Unauthorized);

        var error = await Assert.ThrowsAsync<KubeApiException>(() => _client.GetAsync(_configMaps, "default", "x", None));

        Assert.Equal(("Unauthorized", 401), (error.Reason, error.Code));
    }

    [Fact]
    public async Task A_resource_type_the_server_does_not_serve_is_NotFound_not_an_absent_object()
    {
        var unserved = _configMaps with { Group = "nothing.example", Plural = "things" };

        var error = await Assert.ThrowsAsync<KubeApiException>(() => _client.GetAsync(unserved, "default", "x", None));

        Assert.True(error.IsNotFound);
        Assert.Null(error.Status);
    }

    [Fact]
    public async Task Messages_never_carry_the_request_body()
    {
        var secret = ConfigMap("Bad_Name", value: "s3cr3t-value");

        var error = await Assert.ThrowsAsync<KubeApiException>(() => _client.ApplyAsync(_configMaps, secret, new KubeApplyOptions(), None));

        Assert.DoesNotContain("s3cr3t-value", error.Message, StringComparison.Ordinal);
    }
}

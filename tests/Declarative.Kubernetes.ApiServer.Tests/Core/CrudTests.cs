using System.Net;
using System.Text.Json.Nodes;
using static Declarative.Kubernetes.ApiServer.Tests.Core.DoubleServer;

namespace Declarative.Kubernetes.ApiServer.Tests.Core;

public sealed class CrudTests : IAsyncLifetime
{
    private const string ConfigMaps = "/api/v1/namespaces/default/configmaps";
    private const string Deployments = "/apis/apps/v1/namespaces/default/deployments";
    private readonly DoubleServer _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task Create_answers_201_with_server_set_metadata_and_a_second_create_409_AlreadyExists()
    {
        var created = await _server.CreateAsync(ConfigMaps, ConfigMap("app"));
        Assert.True(Guid.TryParse(Text(created, "metadata.uid"), out _));
        Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$", Text(created, "metadata.creationTimestamp"));
        Assert.Null(created["metadata"]!["generation"]); // ConfigMaps track no generation, as on a real server
        Assert.True(long.Parse(Text(created, "metadata.resourceVersion"), System.Globalization.CultureInfo.InvariantCulture) > 0);

        var (code, status) = await _server.PostAsync(ConfigMaps, ConfigMap("app"));
        Assert.Equal(HttpStatusCode.Conflict, code);
        Assert.Equal("AlreadyExists", Text(status, "reason"));
        Assert.Equal("configmaps \"app\" already exists", Text(status, "message"));
        Assert.Equal("configmaps", Text(status, "details.kind"));
    }

    [Fact]
    public async Task Get_of_a_missing_object_is_a_NotFound_Status_naming_the_resource_plural()
    {
        var (code, status) = await _server.GetAsync($"{Deployments}/web");
        Assert.Equal(HttpStatusCode.NotFound, code);
        var expected = JsonNode.Parse(
            """{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":"deployments.apps \"web\" not found","reason":"NotFound","details":{"name":"web","group":"apps","kind":"deployments"},"code":404}""");
        Assert.True(JsonNode.DeepEquals(expected, status), status!.ToJsonString());
    }

    [Fact]
    public async Task Unknown_resources_and_unserved_groups_get_the_answers_of_a_real_server()
    {
        var (resourceCode, resourceStatus) = await _server.GetAsync("/apis/apps/v1/namespaces/default/foos");
        Assert.Equal(HttpStatusCode.NotFound, resourceCode);
        Assert.Equal("{}", resourceStatus!["details"]!.ToJsonString());

        var (groupCode, text) = await _server.GetAsync("/apis/foo.io/v1/foos");
        Assert.Equal(HttpStatusCode.NotFound, groupCode);
        Assert.Equal("404 page not found\n", text!.GetValue<string>());

        var (scopeCode, _) = await _server.GetAsync("/api/v1/namespaces/default/nodes");
        Assert.Equal(HttpStatusCode.NotFound, scopeCode);
    }

    [Fact]
    public async Task A_stale_put_is_409_with_the_optimistic_lock_message()
    {
        var created = await _server.CreateAsync(ConfigMaps, ConfigMap("app"));
        var first = (JsonObject)created.DeepClone();
        first["data"]!["key"] = "2";
        Assert.Equal(HttpStatusCode.OK, (await _server.PutAsync($"{ConfigMaps}/app", first)).Code);

        var stale = (JsonObject)created.DeepClone();
        stale["data"]!["key"] = "3";
        var (code, status) = await _server.PutAsync($"{ConfigMaps}/app", stale);
        Assert.Equal(HttpStatusCode.Conflict, code);
        Assert.Equal("Conflict", Text(status, "reason"));
        Assert.Equal(
            "Operation cannot be fulfilled on configmaps \"app\": the object has been modified; please apply your changes to the latest version and try again",
            Text(status, "message"));
    }

    [Fact]
    public async Task A_put_of_a_missing_object_is_404_and_a_put_without_resourceVersion_is_unconditional()
    {
        var (missing, _) = await _server.PutAsync($"{ConfigMaps}/absent", ConfigMap("absent"));
        Assert.Equal(HttpStatusCode.NotFound, missing);

        await _server.CreateAsync(ConfigMaps, ConfigMap("app"));
        var (code, updated) = await _server.PutAsync($"{ConfigMaps}/app", ConfigMap("app", value: "2"));
        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal("2", Text(updated, "data.key"));
    }

    [Fact]
    public async Task A_put_that_changes_nothing_keeps_the_resourceVersion()
    {
        var created = await _server.CreateAsync(ConfigMaps, ConfigMap("app"));
        var (_, same) = await _server.PutAsync($"{ConfigMaps}/app", created);
        Assert.Equal(Text(created, "metadata.resourceVersion"), Text(same, "metadata.resourceVersion"));
    }

    [Fact]
    public async Task Generation_starts_at_1_and_grows_on_spec_changes_only()
    {
        var created = await _server.CreateAsync(Deployments, Deployment("web"));
        Assert.Equal("1", Text(created, "metadata.generation"));

        var labelled = (JsonObject)created.DeepClone();
        labelled["metadata"]!["labels"] = new JsonObject { ["tier"] = "front" };
        var (_, afterLabel) = await _server.PutAsync($"{Deployments}/web", labelled);
        Assert.Equal("1", Text(afterLabel, "metadata.generation"));

        var scaled = (JsonObject)afterLabel!.DeepClone();
        scaled["spec"]!["replicas"] = 3;
        var (_, afterSpec) = await _server.PutAsync($"{Deployments}/web", scaled);
        Assert.Equal("2", Text(afterSpec, "metadata.generation"));
    }

    [Fact]
    public async Task Status_in_a_put_of_the_main_resource_is_ignored_and_the_status_subresource_takes_only_status()
    {
        var created = (JsonObject)await _server.CreateAsync(Deployments, Deployment("web"));
        created["status"] = new JsonObject { ["replicas"] = 5 };
        var (_, main) = await _server.PutAsync($"{Deployments}/web", created);
        Assert.Null(main!["status"]?["replicas"]);

        var statusWrite = (JsonObject)main.DeepClone();
        statusWrite["status"] = new JsonObject { ["replicas"] = 5 };
        statusWrite["spec"]!["replicas"] = 9;
        var (code, afterStatus) = await _server.PutAsync($"{Deployments}/web/status", statusWrite);
        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal("5", Text(afterStatus, "status.replicas"));
        Assert.Equal("1", Text(afterStatus, "spec.replicas"));
    }

    [Fact]
    public async Task Every_initial_namespace_exists_with_its_default_service_account_and_root_ca()
    {
        foreach (var ns in new[] { "default", "kube-system", "kube-public", "kube-node-lease" })
        {
            var (code, namespaceObject) = await _server.GetAsync($"/api/v1/namespaces/{ns}");
            Assert.Equal(HttpStatusCode.OK, code);
            Assert.Equal("Active", Text(namespaceObject, "status.phase"));
            Assert.Equal(ns, namespaceObject!["metadata"]!["labels"]!["kubernetes.io/metadata.name"]!.GetValue<string>());
            Assert.Equal(HttpStatusCode.OK, (await _server.GetAsync($"/api/v1/namespaces/{ns}/serviceaccounts/default")).Code);
            var (_, ca) = await _server.GetAsync($"/api/v1/namespaces/{ns}/configmaps/kube-root-ca.crt");
            Assert.StartsWith("-----BEGIN CERTIFICATE-----", ca!["data"]!["ca.crt"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_created_namespace_gets_its_defaults_and_a_create_in_a_missing_namespace_is_404_for_the_namespace()
    {
        var ns = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = "shop" } };
        var created = await _server.CreateAsync("/api/v1/namespaces", ns);
        Assert.Equal("kubernetes", created["spec"]!["finalizers"]![0]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.OK, (await _server.GetAsync("/api/v1/namespaces/shop/serviceaccounts/default")).Code);

        var (code, status) = await _server.PostAsync("/api/v1/namespaces/nowhere/configmaps", ConfigMap("app", "nowhere"));
        Assert.Equal(HttpStatusCode.NotFound, code);
        Assert.Equal("namespaces \"nowhere\" not found", Text(status, "message"));
        Assert.Equal("namespaces", Text(status, "details.kind"));
    }

    [Fact]
    public async Task Create_checks_name_namespace_and_api_version_against_the_request()
    {
        var nameless = ConfigMap("x");
        nameless["metadata"]!.AsObject().Remove("name");
        var (noName, invalid) = await _server.PostAsync(ConfigMaps, nameless);
        Assert.Equal((HttpStatusCode)422, noName);
        Assert.Equal("metadata.name", invalid!["details"]!["causes"]![0]!["field"]!.GetValue<string>());

        var (otherNs, nsStatus) = await _server.PostAsync(ConfigMaps, ConfigMap("x", "kube-system"));
        Assert.Equal(HttpStatusCode.BadRequest, otherNs);
        Assert.Equal("the namespace of the provided object does not match the namespace sent on the request", Text(nsStatus, "message"));

        var wrongVersion = Deployment("web");
        wrongVersion["apiVersion"] = "batch/v1";
        var (_, versionStatus) = await _server.PostAsync(Deployments, wrongVersion);
        Assert.Equal("the API version in the data (batch/v1) does not match the expected API version (apps/v1)", Text(versionStatus, "message"));

        var generated = ConfigMap("x");
        generated["metadata"]!.AsObject().Remove("name");
        generated["metadata"]!["generateName"] = "gen-";
        var made = await _server.CreateAsync(ConfigMaps, generated);
        Assert.Matches("^gen-[a-z0-9]{5}$", Text(made, "metadata.name"));
    }

    [Fact]
    public async Task Dry_run_create_answers_the_object_without_resourceVersion_and_stores_nothing()
    {
        var (code, created) = await _server.PostAsync($"{ConfigMaps}?dryRun=All", ConfigMap("app"));
        Assert.Equal(HttpStatusCode.Created, code);
        Assert.NotEmpty(Text(created, "metadata.uid"));
        Assert.Empty(Text(created, "metadata.resourceVersion"));
        Assert.Equal(HttpStatusCode.NotFound, (await _server.GetAsync($"{ConfigMaps}/app")).Code);

        var (badCode, bad) = await _server.PostAsync($"{ConfigMaps}?dryRun=Some", ConfigMap("app"));
        Assert.Equal((HttpStatusCode)422, badCode);
        Assert.Equal("dryRun", bad!["details"]!["causes"]![0]!["field"]!.GetValue<string>());
    }

    [Fact]
    public async Task Dry_run_create_of_an_existing_object_validates_it_first_then_answers_409_AlreadyExists()
    {
        await _server.CreateAsync(Deployments, Deployment("web"));
        var mismatched = Deployment("web");
        mismatched["spec"]!["selector"]!["matchLabels"]!["app"] = "other";

        var (invalidCode, invalid) = await _server.PostAsync($"{Deployments}?dryRun=All", mismatched);
        var (validCode, valid) = await _server.PostAsync($"{Deployments}?dryRun=All", Deployment("web", replicas: 5));

        // kube-apiserver: admission and the strategy's validation run before storage, which finds the object.
        Assert.Equal((HttpStatusCode)422, invalidCode);
        Assert.Equal("Invalid", Text(invalid, "reason"));
        Assert.Equal("spec.template.metadata.labels", invalid!["details"]!["causes"]![0]!["field"]!.GetValue<string>());
        Assert.EndsWith("`selector` does not match template `labels`", Text(invalid, "message"), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Conflict, validCode);
        Assert.Equal("AlreadyExists", Text(valid, "reason"));
        Assert.Equal(1, (await _server.GetAsync($"{Deployments}/web")).Body!["spec"]!["replicas"]!.GetValue<int>());
    }

    [Fact]
    public async Task Delete_answers_a_Success_Status_for_deployments_and_the_object_for_services()
    {
        var deployment = await _server.CreateAsync(Deployments, Deployment("web"));
        var (_, status) = await _server.DeleteAsync($"{Deployments}/web");
        Assert.Equal("Success", Text(status, "status"));
        Assert.Equal("deployments", Text(status, "details.kind"));
        Assert.Equal(Text(deployment, "metadata.uid"), Text(status, "details.uid"));
        Assert.Equal(HttpStatusCode.NotFound, (await _server.GetAsync($"{Deployments}/web")).Code);

        var service = new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Service", ["metadata"] = new JsonObject { ["name"] = "web" }, ["spec"] = new JsonObject { ["ports"] = new JsonArray(new JsonObject { ["port"] = 80 }) } };
        await _server.CreateAsync("/api/v1/namespaces/default/services", service);
        var (_, deleted) = await _server.DeleteAsync("/api/v1/namespaces/default/services/web");
        Assert.Equal("Service", Text(deleted, "kind"));
        Assert.Equal(HttpStatusCode.NotFound, (await _server.DeleteAsync("/api/v1/namespaces/default/services/web")).Code);
    }

    [Fact]
    public async Task Delete_of_an_object_with_finalizers_marks_it_and_emptying_them_removes_it()
    {
        var cm = ConfigMap("held");
        cm["metadata"]!["finalizers"] = new JsonArray("example.com/hold");
        await _server.CreateAsync(ConfigMaps, cm);
        var (code, marked) = await _server.DeleteAsync($"{ConfigMaps}/held");
        Assert.Equal(HttpStatusCode.OK, code);
        Assert.NotEmpty(Text(marked, "metadata.deletionTimestamp"));

        var released = (JsonObject)marked!.DeepClone();
        released["metadata"]!["finalizers"] = new JsonArray();
        await _server.PutAsync($"{ConfigMaps}/held", released);
        Assert.Equal(HttpStatusCode.NotFound, (await _server.GetAsync($"{ConfigMaps}/held")).Code);
    }

    [Fact]
    public async Task Delete_checks_preconditions_and_propagation_policy()
    {
        await _server.CreateAsync(ConfigMaps, ConfigMap("app"));
        var stale = new JsonObject { ["kind"] = "DeleteOptions", ["apiVersion"] = "v1", ["preconditions"] = new JsonObject { ["resourceVersion"] = "1" } };
        Assert.Equal(HttpStatusCode.Conflict, (await _server.DeleteAsync($"{ConfigMaps}/app", stale)).Code);
        Assert.Equal((HttpStatusCode)422, (await _server.DeleteAsync($"{ConfigMaps}/app?propagationPolicy=Sometimes")).Code);
        Assert.Equal(HttpStatusCode.OK, (await _server.DeleteAsync($"{ConfigMaps}/app?dryRun=All")).Code);
        Assert.Equal(HttpStatusCode.OK, (await _server.GetAsync($"{ConfigMaps}/app")).Code);
    }

    [Fact]
    public async Task Writes_answer_403_when_the_fault_injector_rejects_them()
    {
        _server.Host.State.Faults.RejectWrites = true;
        var (code, status) = await _server.PostAsync(ConfigMaps, ConfigMap("app"));
        Assert.Equal(HttpStatusCode.Forbidden, code);
        Assert.Equal("Forbidden", Text(status, "reason"));
    }
}

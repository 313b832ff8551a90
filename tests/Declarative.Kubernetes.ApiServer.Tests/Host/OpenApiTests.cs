using System.Net;

namespace Declarative.Kubernetes.ApiServer.Tests.Host;

public sealed class OpenApiTests
{
    [Fact]
    public async Task Indexes_every_served_group_version_with_a_hashed_url()
    {
        await using var host = await HostTestSupport.StartAsync();
        using var client = host.CreateClient();

        var index = await HostTestSupport.GetJsonAsync(client, "/openapi/v3");

        var paths = index["paths"]!.AsObject();
        Assert.StartsWith("/openapi/v3/api/v1?hash=", paths["api/v1"]!["serverRelativeURL"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.StartsWith("/openapi/v3/apis/apps/v1?hash=", paths["apis/apps/v1"]!["serverRelativeURL"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.NotNull(paths["apis/autoscaling/v2"]);
        Assert.NotNull(paths["apis/apiextensions.k8s.io/v1"]);
    }

    [Fact]
    public async Task Documents_the_deployment_patch_with_its_kind_and_the_parameters_kubectl_checks()
    {
        await using var host = await HostTestSupport.StartAsync();
        using var client = host.CreateClient();
        var index = await HostTestSupport.GetJsonAsync(client, "/openapi/v3");

        var document = await HostTestSupport.GetJsonAsync(client, index["paths"]!["apis/apps/v1"]!["serverRelativeURL"]!.GetValue<string>());

        var patch = document["paths"]!["/apis/apps/v1/namespaces/{namespace}/deployments/{name}"]!["patch"]!;
        Assert.Equal("{\"group\":\"apps\",\"kind\":\"Deployment\",\"version\":\"v1\"}", patch["x-kubernetes-group-version-kind"]!.ToJsonString());
        var parameters = patch["parameters"]!.AsArray().Select(p => (p!["name"]!.GetValue<string>(), p["in"]!.GetValue<string>())).ToList();
        foreach (var name in new[] { "dryRun", "fieldManager", "fieldValidation", "force", "pretty" })
        {
            Assert.Contains((name, "query"), parameters);
        }
    }

    [Fact]
    public async Task Documents_get_put_and_delete_of_cluster_scoped_objects_and_the_scale_kind()
    {
        await using var host = await HostTestSupport.StartAsync();
        using var client = host.CreateClient();

        var core = await HostTestSupport.GetJsonAsync(client, "/openapi/v3/api/v1");
        var apps = await HostTestSupport.GetJsonAsync(client, "/openapi/v3/apis/apps/v1");

        var namespaceItem = core["paths"]!["/api/v1/namespaces/{name}"]!;
        Assert.NotNull(namespaceItem["get"]);
        Assert.Contains(namespaceItem["put"]!["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "fieldValidation");
        Assert.Contains(namespaceItem["delete"]!["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "propagationPolicy");
        var scale = apps["paths"]!["/apis/apps/v1/namespaces/{namespace}/deployments/{name}/scale"]!["patch"]!;
        Assert.Equal("Scale", scale["x-kubernetes-group-version-kind"]!["kind"]!.GetValue<string>());
        Assert.NotNull(apps["components"]!["schemas"]!["io.k8s.api.autoscaling.v1.Scale"]);
        Assert.NotNull(apps["components"]!["schemas"]!["io.k8s.api.apps.v1.Deployment"]);
    }

    [Fact]
    public async Task Indexes_and_documents_a_custom_resource_once_it_is_served()
    {
        await using var host = await HostTestSupport.StartAsync();
        using var client = host.CreateClient();
        host.State.Registry.SetCustom("stable.example.com", "crontabs", [DiscoveryTests.CronTab()]);

        var index = await HostTestSupport.GetJsonAsync(client, "/openapi/v3");
        var document = await HostTestSupport.GetJsonAsync(client, "/openapi/v3/apis/stable.example.com/v1");

        Assert.NotNull(index["paths"]!["apis/stable.example.com/v1"]);
        var patch = document["paths"]!["/apis/stable.example.com/v1/namespaces/{namespace}/crontabs/{name}"]!["patch"]!;
        Assert.Equal("CronTab", patch["x-kubernetes-group-version-kind"]!["kind"]!.GetValue<string>());
        Assert.Null(patch["requestBody"]!["content"]!["application/strategic-merge-patch+json"]);
    }

    [Fact]
    public async Task Answers_plain_404_for_an_unserved_group_version_document()
    {
        await using var host = await HostTestSupport.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.GetAsync("/openapi/v3/apis/example.com/v1");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("404 page not found\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Keeps_the_index_hash_stable_while_nothing_changes()
    {
        await using var host = await HostTestSupport.StartAsync();
        using var client = host.CreateClient();
        var before = (await HostTestSupport.GetJsonAsync(client, "/openapi/v3"))["paths"]!["apis/apps/v1"]!["serverRelativeURL"]!.GetValue<string>();

        var again = (await HostTestSupport.GetJsonAsync(client, "/openapi/v3"))["paths"]!["apis/apps/v1"]!["serverRelativeURL"]!.GetValue<string>();

        Assert.Equal(before, again);
        Assert.Matches("hash=[0-9A-F]{128}$", before);
    }
}

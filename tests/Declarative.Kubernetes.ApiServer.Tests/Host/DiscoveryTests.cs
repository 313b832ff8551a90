using System.Collections.Immutable;
using System.Net;
using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Registry;

namespace Declarative.Kubernetes.ApiServer.Tests.Host;

public sealed class DiscoveryTests
{
    private const string AggregatedAccept = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json";
    private const string AggregatedType = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList";

    [Fact]
    public async Task Lists_core_version_v1_on_api_without_apiVersion()
    {
        await using var host = await HostTestSupport.StartAsync();
        using var client = host.CreateClient();

        var versions = await HostTestSupport.GetJsonAsync(client, "/api");

        Assert.Equal("APIVersions", versions["kind"]!.GetValue<string>());
        Assert.Equal("[\"v1\"]", versions["versions"]!.ToJsonString());
        Assert.Null(versions["apiVersion"]);
    }

    [Fact]
    public async Task Describes_deployments_and_their_status_and_scale_subresources_in_apps_v1()
    {
        await using var host = await HostTestSupport.StartAsync();
        using var client = host.CreateClient();

        var list = await HostTestSupport.GetJsonAsync(client, "/apis/apps/v1");

        Assert.Equal("APIResourceList", list["kind"]!.GetValue<string>());
        Assert.Equal("apps/v1", list["groupVersion"]!.GetValue<string>());
        var resources = list["resources"]!.AsArray().Select(r => r!.AsObject()).ToDictionary(r => r["name"]!.GetValue<string>());
        var deployments = resources["deployments"];
        Assert.Equal("deployment", deployments["singularName"]!.GetValue<string>());
        Assert.True(deployments["namespaced"]!.GetValue<bool>());
        Assert.Equal("Deployment", deployments["kind"]!.GetValue<string>());
        Assert.Equal("[\"create\",\"delete\",\"deletecollection\",\"get\",\"list\",\"patch\",\"update\",\"watch\"]", deployments["verbs"]!.ToJsonString());
        Assert.Equal("[\"deploy\"]", deployments["shortNames"]!.ToJsonString());
        Assert.Equal("[\"all\"]", deployments["categories"]!.ToJsonString());
        Assert.Equal(12, deployments["storageVersionHash"]!.GetValue<string>().Length);
        Assert.Equal(
            "{\"name\":\"deployments/scale\",\"singularName\":\"\",\"namespaced\":true,\"group\":\"autoscaling\",\"version\":\"v1\",\"kind\":\"Scale\",\"verbs\":[\"get\",\"patch\",\"update\"]}",
            resources["deployments/scale"].ToJsonString());
        Assert.Equal(
            "{\"name\":\"deployments/status\",\"singularName\":\"\",\"namespaced\":true,\"kind\":\"Deployment\",\"verbs\":[\"get\",\"patch\",\"update\"]}",
            resources["deployments/status"].ToJsonString());
        Assert.Null(resources["controllerrevisions"]["shortNames"]);
    }

    [Fact]
    public async Task Lists_named_groups_with_their_preferred_version()
    {
        await using var host = await HostTestSupport.StartAsync();
        using var client = host.CreateClient();

        var groups = await HostTestSupport.GetJsonAsync(client, "/apis");
        var autoscaling = await HostTestSupport.GetJsonAsync(client, "/apis/autoscaling");

        Assert.Equal("APIGroupList", groups["kind"]!.GetValue<string>());
        Assert.Equal("v1", groups["apiVersion"]!.GetValue<string>());
        var names = groups["groups"]!.AsArray().Select(g => g!["name"]!.GetValue<string>()).ToList();
        Assert.Contains("apps", names);
        Assert.DoesNotContain("", names);
        Assert.Equal("APIGroup", autoscaling["kind"]!.GetValue<string>());
        Assert.Equal("{\"groupVersion\":\"autoscaling/v2\",\"version\":\"v2\"}", autoscaling["preferredVersion"]!.ToJsonString());
        Assert.Equal(2, autoscaling["versions"]!.AsArray().Count);
    }

    [Theory]
    [InlineData("/apis/example.com")]
    [InlineData("/apis/apps/v1beta1")]
    [InlineData("/api/v2")]
    public async Task Answers_plain_text_404_for_an_unserved_group_or_version(string path)
    {
        await using var host = await HostTestSupport.StartAsync();
        using var client = host.CreateClient();

        using var response = await client.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("404 page not found\n", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Answers_aggregated_discovery_when_the_accept_header_asks_for_it()
    {
        await using var host = await HostTestSupport.StartAsync();
        using var client = host.CreateClient();

        using var response = await HostTestSupport.SendAsync(client, HttpMethod.Get, "/apis", AggregatedAccept);
        var contentType = response.Content.Headers.NonValidated["Content-Type"].ToString();
        var list = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(AggregatedType, contentType);
        Assert.Equal("Accept", response.Headers.Vary.Single());
        Assert.NotNull(response.Headers.ETag);
        Assert.Equal("APIGroupDiscoveryList", list["kind"]!.GetValue<string>());
        Assert.Equal("apidiscovery.k8s.io/v2", list["apiVersion"]!.GetValue<string>());
        var apps = list["items"]!.AsArray().Single(i => i!["metadata"]!["name"]?.GetValue<string>() == "apps")!;
        var deployments = apps["versions"]![0]!["resources"]!.AsArray().Single(r => r!["resource"]!.GetValue<string>() == "deployments")!;
        Assert.Equal("Namespaced", deployments["scope"]!.GetValue<string>());
        Assert.Equal("{\"group\":\"apps\",\"version\":\"v1\",\"kind\":\"Deployment\"}", deployments["responseKind"]!.ToJsonString());
        Assert.Equal(
            "{\"subresource\":\"scale\",\"responseKind\":{\"group\":\"autoscaling\",\"version\":\"v1\",\"kind\":\"Scale\"},\"verbs\":[\"get\",\"patch\",\"update\"]}",
            deployments["subresources"]![0]!.ToJsonString());
    }

    [Fact]
    public async Task Puts_only_the_core_group_in_aggregated_api()
    {
        await using var host = await HostTestSupport.StartAsync();
        using var client = host.CreateClient();

        var list = await HostTestSupport.GetJsonAsync(client, "/api", "application/json;as=APIGroupDiscoveryList;v=v2;g=apidiscovery.k8s.io");

        var core = Assert.Single(list["items"]!.AsArray())!;
        Assert.Null(core["metadata"]!["name"]);
        Assert.Equal("v1", core["versions"]![0]!["version"]!.GetValue<string>());
    }

    [Fact]
    public async Task Answers_304_when_the_etag_still_matches()
    {
        await using var host = await HostTestSupport.StartAsync();
        using var client = host.CreateClient();
        using var first = await HostTestSupport.SendAsync(client, HttpMethod.Get, "/apis", AggregatedAccept);

        using var again = new HttpRequestMessage(HttpMethod.Get, "/apis");
        again.Headers.TryAddWithoutValidation("Accept", AggregatedAccept);
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);
        using var second = await client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task Answers_the_legacy_document_as_application_json_to_a_plain_accept_header()
    {
        await using var host = await HostTestSupport.StartAsync();
        using var client = host.CreateClient();

        using var response = await HostTestSupport.SendAsync(client, HttpMethod.Get, "/apis", "application/json");

        Assert.Equal("application/json", response.Content.Headers.ContentType!.ToString());
        Assert.Contains("\"kind\":\"APIGroupList\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Serves_a_custom_resource_in_every_discovery_document_as_soon_as_the_registry_does()
    {
        await using var host = await HostTestSupport.StartAsync();
        using var client = host.CreateClient();
        using var before = await client.GetAsync("/apis/stable.example.com/v1");

        host.State.Registry.SetCustom("stable.example.com", "crontabs", [CronTab()]);

        Assert.Equal(HttpStatusCode.NotFound, before.StatusCode);
        var resources = await HostTestSupport.GetJsonAsync(client, "/apis/stable.example.com/v1");
        Assert.Equal("crontabs", resources["resources"]![0]!["name"]!.GetValue<string>());
        var groups = await HostTestSupport.GetJsonAsync(client, "/apis");
        Assert.Contains(groups["groups"]!.AsArray(), g => g!["name"]!.GetValue<string>() == "stable.example.com");
        var aggregated = await HostTestSupport.GetJsonAsync(client, "/apis", AggregatedAccept);
        Assert.Contains(aggregated["items"]!.AsArray(), g => g!["metadata"]!["name"]!.GetValue<string>() == "stable.example.com");
    }

    internal static ApiResource CronTab() => new(
        "stable.example.com", "v1", "CronTab", "crontabs", "crontab", true, ["ct"], ["all"], ImmutableArray<string>.Empty, ApiResource.AllVerbs, IsCustom: true);
}

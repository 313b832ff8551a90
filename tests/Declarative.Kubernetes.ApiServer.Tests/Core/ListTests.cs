using System.Net;
using System.Text.Json.Nodes;
using static Declarative.Kubernetes.ApiServer.Tests.Core.DoubleServer;

namespace Declarative.Kubernetes.ApiServer.Tests.Core;

public sealed class ListTests : IAsyncLifetime
{
    private const string ConfigMaps = "/api/v1/namespaces/default/configmaps";
    private readonly DoubleServer _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    private static string[] Names(JsonNode? list) => [.. list!["items"]!.AsArray().Select(i => Text(i, "metadata.name"))];

    private async Task SeedAsync()
    {
        await _server.CreateAsync(ConfigMaps, ConfigMap("a", labels: new JsonObject { ["app"] = "web", ["tier"] = "front" }));
        await _server.CreateAsync(ConfigMaps, ConfigMap("b", labels: new JsonObject { ["app"] = "db" }));
        await _server.CreateAsync(ConfigMaps, ConfigMap("c", labels: new JsonObject { ["app"] = "cache", ["tier"] = "back" }));
    }

    [Theory]
    [InlineData("app=web", "a")]
    [InlineData("app==db", "b")]
    [InlineData("app!=web", "b,c,kube-root-ca.crt")]
    [InlineData("app in (web,db)", "a,b")]
    [InlineData("app notin (web,db)", "c,kube-root-ca.crt")]
    [InlineData("tier", "a,c")]
    [InlineData("!tier", "b,kube-root-ca.crt")]
    [InlineData("app,tier!=front", "b,c")]
    public async Task Label_selectors_filter_as_a_real_server_does(string selector, string expected)
    {
        await SeedAsync();
        var (code, list) = await _server.GetAsync($"{ConfigMaps}?labelSelector={Uri.EscapeDataString(selector)}");
        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal(expected.Split(','), Names(list));
    }

    [Fact]
    public async Task Field_selectors_take_name_and_namespace_and_reject_other_fields_with_the_real_message()
    {
        await SeedAsync();
        var (_, byName) = await _server.GetAsync($"{ConfigMaps}?fieldSelector=metadata.name%3Db");
        Assert.Equal(["b"], Names(byName));
        var (_, notName) = await _server.GetAsync($"{ConfigMaps}?fieldSelector=metadata.name!%3Db,metadata.namespace%3D%3Ddefault");
        Assert.Equal(["a", "c", "kube-root-ca.crt"], Names(notName));

        var (code, status) = await _server.GetAsync($"{ConfigMaps}?fieldSelector=spec.foo%3Dx");
        Assert.Equal(HttpStatusCode.BadRequest, code);
        Assert.Equal("\"spec.foo\" is not a known field selector: only \"metadata.name\", \"metadata.namespace\"", Text(status, "message"));
    }

    [Fact]
    public async Task A_list_is_a_kind_List_whose_built_in_items_carry_no_kind_and_whose_resourceVersion_is_current()
    {
        await SeedAsync();
        var (_, list) = await _server.GetAsync(ConfigMaps);
        Assert.Equal("ConfigMapList", Text(list, "kind"));
        Assert.Equal("v1", Text(list, "apiVersion"));
        Assert.All(list!["items"]!.AsArray(), item => Assert.Null(item!["kind"]));
        Assert.All(list["items"]!.AsArray(), item => Assert.Null(item!["apiVersion"]));
        var (_, latest) = await _server.GetAsync($"{ConfigMaps}/c");
        Assert.Equal(Text(latest, "metadata.resourceVersion"), Text(list, "metadata.resourceVersion"));
    }

    [Fact]
    public async Task An_all_namespaces_list_returns_objects_of_every_namespace()
    {
        var (_, list) = await _server.GetAsync("/api/v1/serviceaccounts");
        var namespaces = list!["items"]!.AsArray().Select(i => Text(i, "metadata.namespace")).ToHashSet();
        Assert.Equal(["default", "kube-node-lease", "kube-public", "kube-system"], namespaces.Order());
    }

    [Fact]
    public async Task Pagination_returns_every_item_exactly_once_at_the_first_pages_resourceVersion()
    {
        for (var i = 0; i < 7; i++)
        {
            await _server.CreateAsync(ConfigMaps, ConfigMap($"item-{i}"));
        }

        var (_, first) = await _server.GetAsync($"{ConfigMaps}?limit=3");
        var revision = Text(first, "metadata.resourceVersion");
        Assert.Equal("5", Text(first, "metadata.remainingItemCount"));
        await _server.CreateAsync(ConfigMaps, ConfigMap("item-late"));
        var seen = Names(first).ToList();
        var token = Text(first, "metadata.continue");
        while (token.Length > 0)
        {
            var (_, page) = await _server.GetAsync($"{ConfigMaps}?limit=3&continue={Uri.EscapeDataString(token)}");
            Assert.Equal(revision, Text(page, "metadata.resourceVersion"));
            seen.AddRange(Names(page));
            token = Text(page, "metadata.continue");
        }

        Assert.Equal(8, seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.DoesNotContain("item-late", seen);
    }

    [Fact]
    public async Task An_expired_continue_token_is_410_Expired_with_a_fresh_token()
    {
        await SeedAsync();
        var (_, first) = await _server.GetAsync($"{ConfigMaps}?limit=1");
        _server.Host.State.Faults.ExpireContinueTokens = true;
        var (code, status) = await _server.GetAsync($"{ConfigMaps}?limit=1&continue={Uri.EscapeDataString(Text(first, "metadata.continue"))}");
        Assert.Equal(HttpStatusCode.Gone, code);
        Assert.Equal("Expired", Text(status, "reason"));
        Assert.StartsWith("The provided continue parameter is too old", Text(status, "message"));
        Assert.NotEmpty(Text(status, "metadata.continue"));
    }

    [Fact]
    public async Task Send_initial_events_on_a_list_is_422_Invalid_ListOptions()
    {
        var (code, status) = await _server.GetAsync($"{ConfigMaps}?sendInitialEvents=true");
        Assert.Equal((HttpStatusCode)422, code);
        Assert.Equal("ListOptions", Text(status, "details.kind"));
    }

    [Fact]
    public async Task Deletecollection_deletes_the_selected_objects_and_answers_their_list()
    {
        await SeedAsync();
        var (code, list) = await _server.DeleteAsync($"{ConfigMaps}?labelSelector=tier");
        Assert.Equal(HttpStatusCode.OK, code);
        Assert.Equal("ConfigMapList", Text(list, "kind"));
        Assert.Equal(["a", "c"], Names(list));
        var (_, left) = await _server.GetAsync(ConfigMaps);
        Assert.Equal(["b", "kube-root-ca.crt"], Names(left));
    }
}

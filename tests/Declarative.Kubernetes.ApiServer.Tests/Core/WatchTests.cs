using System.Net;
using System.Text.Json.Nodes;
using static Declarative.Kubernetes.ApiServer.Tests.Core.DoubleServer;

namespace Declarative.Kubernetes.ApiServer.Tests.Core;

public sealed class WatchTests : IAsyncLifetime
{
    private const string ConfigMaps = "/api/v1/namespaces/default/configmaps";
    private readonly DoubleServer _server = new();

    public Task InitializeAsync() => _server.InitializeAsync();

    public Task DisposeAsync() => _server.DisposeAsync();

    [Fact]
    public async Task A_watch_from_a_resourceVersion_streams_added_modified_and_deleted_in_order()
    {
        var (_, list) = await _server.GetAsync(ConfigMaps);
        await using var watch = await WatchStream.OpenAsync(_server.Client, $"{ConfigMaps}?watch=1&resourceVersion={Text(list, "metadata.resourceVersion")}");
        Assert.Equal(HttpStatusCode.OK, watch.Code);

        var created = await _server.CreateAsync(ConfigMaps, ConfigMap("app"));
        var changed = (JsonObject)created.DeepClone();
        changed["data"]!["key"] = "2";
        await _server.PutAsync($"{ConfigMaps}/app", changed);
        await _server.DeleteAsync($"{ConfigMaps}/app");

        var added = await watch.NextChangeAsync();
        Assert.Equal("ADDED", Text(added, "type"));
        Assert.Equal("ConfigMap", Text(added, "object.kind"));
        Assert.Equal("MODIFIED", Text(await watch.NextChangeAsync(), "type"));
        var deleted = await watch.NextChangeAsync();
        Assert.Equal("DELETED", Text(deleted, "type"));
        Assert.Equal("app", Text(deleted, "object.metadata.name"));
    }

    [Fact]
    public async Task A_watch_without_resourceVersion_starts_with_the_current_objects()
    {
        await using var watch = await WatchStream.OpenAsync(_server.Client, $"{ConfigMaps}?watch=true&fieldSelector=metadata.name%3Dkube-root-ca.crt");
        var first = await watch.NextChangeAsync();
        Assert.Equal("ADDED", Text(first, "type"));
        Assert.Equal("kube-root-ca.crt", Text(first, "object.metadata.name"));
    }

    [Fact]
    public async Task A_write_that_changes_nothing_emits_no_event()
    {
        var created = await _server.CreateAsync(ConfigMaps, ConfigMap("app"));
        await using var watch = await WatchStream.OpenAsync(_server.Client, $"{ConfigMaps}?watch=1&resourceVersion={Text(created, "metadata.resourceVersion")}");
        await _server.PutAsync($"{ConfigMaps}/app", created);
        await _server.CreateAsync(ConfigMaps, ConfigMap("marker"));
        var next = await watch.NextChangeAsync();
        Assert.Equal("ADDED", Text(next, "type"));
        Assert.Equal("marker", Text(next, "object.metadata.name"));
    }

    [Fact]
    public async Task Bookmarks_come_when_allowed_and_timeoutSeconds_ends_the_stream()
    {
        var (_, list) = await _server.GetAsync(ConfigMaps);
        await using var watch = await WatchStream.OpenAsync(_server.Client, $"{ConfigMaps}?watch=1&allowWatchBookmarks=true&timeoutSeconds=2&resourceVersion={Text(list, "metadata.resourceVersion")}");
        var events = new List<JsonNode>();
        while (await watch.NextAsync(10) is { } next)
        {
            events.Add(next);
        }

        Assert.NotEmpty(events);
        Assert.All(events, e => Assert.Equal("BOOKMARK", Text(e, "type")));
        Assert.Equal("ConfigMap", Text(events[^1], "object.kind"));
        Assert.Equal(Text(list, "metadata.resourceVersion"), Text(events[^1], "object.metadata.resourceVersion"));
    }

    [Fact]
    public async Task A_watch_from_a_compacted_resourceVersion_gets_an_ERROR_event_with_410_Expired()
    {
        await using var server = await Hosting.ApiServerHost.StartAsync(new ApiServerOptions { WatchHistory = 2 }, CancellationToken.None);
        using var client = server.CreateClient();
        for (var i = 0; i < 4; i++)
        {
            var body = new StringContent(ConfigMap($"cm-{i}").ToJsonString(), System.Text.Encoding.UTF8, "application/json");
            (await client.PostAsync(ConfigMaps, body)).EnsureSuccessStatusCode();
        }

        await using var watch = await WatchStream.OpenAsync(client, $"{ConfigMaps}?watch=1&resourceVersion=1");
        Assert.Equal(HttpStatusCode.OK, watch.Code);
        var error = await watch.NextAsync();
        Assert.Equal("ERROR", Text(error, "type"));
        Assert.Equal("410", Text(error, "object.code"));
        Assert.Equal("Expired", Text(error, "object.reason"));
    }

    [Fact]
    public async Task Send_initial_events_on_a_watch_is_422_and_a_disabled_watch_is_405()
    {
        var (code, status) = await _server.GetAsync($"{ConfigMaps}?watch=1&sendInitialEvents=true&resourceVersionMatch=NotOlderThan");
        Assert.Equal((HttpStatusCode)422, code);
        Assert.Equal("Invalid", Text(status, "reason"));

        _server.Host.State.Faults.WatchDisabled = true;
        Assert.Equal(HttpStatusCode.MethodNotAllowed, (await _server.GetAsync($"{ConfigMaps}?watch=1")).Code);
    }
}

using System.Text.Json.Nodes;
using Declarative.Core.Providers;
using Declarative.Kubernetes.ApiServer.Faults;
using Declarative.Providers.Kubernetes.Client;
using Declarative.Providers.Kubernetes.Config;
using static Declarative.Providers.Kubernetes.Tests.Client.DoubleHarness;

namespace Declarative.Providers.Kubernetes.Tests.Client;

public sealed class KubeClientTests : IAsyncLifetime
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
    public async Task Apply_creates_then_get_returns_the_stored_object()
    {
        var applied = await _client.ApplyAsync(_configMaps, ConfigMap("app"), new KubeApplyOptions(), None);
        var fetched = await _client.GetAsync(_configMaps, "default", "app", None);

        Assert.NotNull(applied["metadata"]?["uid"]);
        Assert.Equal("v", fetched?["data"]?["key"]?.GetValue<string>());
        Assert.Contains("declarative", fetched!["metadata"]!["managedFields"]!.ToJsonString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_dry_run_apply_stores_nothing()
    {
        await _client.ApplyAsync(_configMaps, ConfigMap("dry"), new KubeApplyOptions(DryRun: true), None);
        Assert.Null(await _client.GetAsync(_configMaps, "default", "dry", None));
    }

    [Fact]
    public async Task Delete_is_true_once_and_false_when_already_gone()
    {
        await _client.ApplyAsync(_configMaps, ConfigMap("gone"), new KubeApplyOptions(), None);

        Assert.True(await _client.DeleteAsync(_configMaps, "default", "gone", DeletePropagation.Background, None));
        Assert.False(await _client.DeleteAsync(_configMaps, "default", "gone", DeletePropagation.Background, None));
    }

    [Fact]
    public async Task List_follows_continue_tokens_and_returns_every_item_once_with_its_kind()
    {
        await Task.WhenAll(Enumerable.Range(0, 620).Select(i => _client.ApplyAsync(_configMaps, ConfigMap($"cm-{i:D4}"), new KubeApplyOptions(), None)));

        var list = await _client.ListAsync(_configMaps, "default", null, None);

        var names = list.Items.Select(i => i["metadata"]!["name"]!.GetValue<string>()).Where(n => n.StartsWith("cm-", StringComparison.Ordinal)).ToList();
        Assert.Equal(620, names.Count);
        Assert.Equal(620, names.Distinct(StringComparer.Ordinal).Count());
        Assert.All(list.Items, item => Assert.Equal("ConfigMap", item["kind"]!.GetValue<string>()));
        Assert.NotEmpty(list.ResourceVersion);
    }

    [Fact]
    public async Task A_continue_token_that_expires_mid_list_makes_the_list_start_over()
    {
        await Task.WhenAll(Enumerable.Range(0, 510).Select(i => _client.ApplyAsync(_configMaps, ConfigMap($"cm-{i:D4}"), new KubeApplyOptions(), None)));
        _double.Host.State.Faults.ExpireContinueTokens = true;
        var expireOnce = new ExpireOnceHandler(_double.Host.State.Faults) { InnerHandler = KubeHandlerFactory.Create(_double.Target(), TimeProvider.System) };
        using var client = new KubeClient(expireOnce, new Uri(_double.Host.Server), _double.Options);

        var list = await client.ListAsync(_configMaps, "default", null, None);

        Assert.Equal(1, expireOnce.Expired);
        Assert.Equal(510, list.Items.Count(i => i["metadata"]!["name"]!.GetValue<string>().StartsWith("cm-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_list_whose_tokens_keep_expiring_fails_as_expired()
    {
        await Task.WhenAll(Enumerable.Range(0, 501).Select(i => _client.ApplyAsync(_configMaps, ConfigMap($"cm-{i:D4}"), new KubeApplyOptions(), None)));
        _double.Host.State.Faults.ExpireContinueTokens = true;

        var error = await Assert.ThrowsAsync<KubeApiException>(() => _client.ListAsync(_configMaps, "default", null, None));

        Assert.Equal(410, error.Code);
        Assert.Equal("Expired", error.Reason);
    }

    [Fact]
    public async Task List_filters_by_label_selector()
    {
        var labelled = ConfigMap("labelled");
        labelled["metadata"]!["labels"] = new JsonObject { ["app"] = "web" };
        await _client.ApplyAsync(_configMaps, labelled, new KubeApplyOptions(), None);
        await _client.ApplyAsync(_configMaps, ConfigMap("plain"), new KubeApplyOptions(), None);

        var list = await _client.ListAsync(_configMaps, null, "app=web", None);

        Assert.Equal("labelled", Assert.Single(list.Items)["metadata"]!["name"]!.GetValue<string>());
    }

    private sealed class ExpireOnceHandler(FaultInjector faults) : DelegatingHandler
    {
        public int Expired { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            var response = await base.SendAsync(request, cancellationToken);
            if ((int)response.StatusCode == 410)
            {
                Expired++;
                faults.ExpireContinueTokens = false;
            }

            return response;
        }
    }
}

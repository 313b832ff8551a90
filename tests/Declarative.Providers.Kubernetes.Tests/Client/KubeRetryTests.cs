using Declarative.Kubernetes.ApiServer.Faults;
using Declarative.Providers.Kubernetes.Client;
using static Declarative.Providers.Kubernetes.Tests.Client.DoubleHarness;

namespace Declarative.Providers.Kubernetes.Tests.Client;

public sealed class KubeRetryTests : IAsyncLifetime
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
        _double.Host.State.Faults.Seed = 7;
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _double.DisposeAsync();
    }

    private async Task ApplyAndListAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await _client.ApplyAsync(_configMaps, ConfigMap($"r-{i}"), new KubeApplyOptions(), None);
        }

        var list = await _client.ListAsync(_configMaps, "default", null, None);
        _double.Host.State.Faults.Clear();
        var stored = await _client.ListAsync(_configMaps, "default", null, None);
        Assert.Equal(count, stored.Items.Count(i => i["metadata"]!["name"]!.GetValue<string>().StartsWith("r-", StringComparison.Ordinal)));
        Assert.Equal(count, list.Items.Count(i => i["metadata"]!["name"]!.GetValue<string>().StartsWith("r-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Requests_throttled_with_429_honour_Retry_After_and_succeed()
    {
        _double.Host.State.Faults.Add(new FaultRule(FaultKind.TooManyRequests, 0.5, [], RetryAfterSeconds: 3));

        await ApplyAndListAsync(20);

        Assert.Contains(TimeSpan.FromSeconds(3), _double.Clock.Delays);
    }

    [Fact]
    public async Task Requests_failing_with_503_are_retried_with_backoff()
    {
        _double.Host.State.Faults.Fail(FaultKind.ServiceUnavailable, 0.5);

        await ApplyAndListAsync(20);

        Assert.NotEmpty(_double.Clock.Delays);
        Assert.All(_double.Clock.Delays, d => Assert.True(d <= TimeSpan.FromSeconds(32)));
    }

    [Fact]
    public async Task Dropped_connections_are_retried_without_duplicating_objects()
    {
        _double.Host.State.Faults.Fail(FaultKind.DropConnection, 0.3);

        await ApplyAndListAsync(20);
    }

    [Fact]
    public async Task A_create_whose_answer_was_lost_is_not_sent_twice()
    {
        _double.Host.State.Faults.Fail(FaultKind.DropConnection, 0.4, "create", "get");

        for (var i = 0; i < 10; i++)
        {
            await _client.CreateAsync(_configMaps, ConfigMap($"c-{i}"), None);
        }

        _double.Host.State.Faults.Clear();
        var list = await _client.ListAsync(_configMaps, "default", null, None);
        Assert.Equal(10, list.Items.Count(i => i["metadata"]!["name"]!.GetValue<string>().StartsWith("c-", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_server_that_keeps_failing_gives_up_after_the_attempt_limit()
    {
        _double.Host.State.Faults.FailAll(FaultKind.InternalError);

        var error = await Assert.ThrowsAsync<KubeApiException>(() => _client.GetAsync(_configMaps, "default", "x", None));

        Assert.Equal("InternalError", error.Reason);
        Assert.Equal(9, _double.Clock.Delays.Count);
    }

    [Fact]
    public void Backoff_doubles_and_is_capped_at_32_seconds()
    {
        var policy = new KubeRetryPolicy { Jitter = () => 0.999999 };

        Assert.Equal(500, policy.DelayAfter(1, null).TotalMilliseconds, 0);
        Assert.Equal(1000, policy.DelayAfter(2, null).TotalMilliseconds, 0);
        Assert.Equal(32_000, policy.DelayAfter(12, null).TotalMilliseconds, 0);
        Assert.Equal(TimeSpan.FromSeconds(32), policy.DelayAfter(1, TimeSpan.FromSeconds(120)));
    }
}

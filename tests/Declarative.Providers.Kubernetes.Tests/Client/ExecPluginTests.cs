using Declarative.Providers.Kubernetes.Client;

namespace Declarative.Providers.Kubernetes.Tests.Client;

public sealed class ExecPluginTests : IAsyncLifetime
{
    private DoubleHarness _double = null!;

    public async Task InitializeAsync() => _double = await DoubleHarness.StartAsync();

    public async Task DisposeAsync() => await _double.DisposeAsync();

    /// <summary>A plugin script that counts its runs, saves KUBERNETES_EXEC_INFO, and prints
    /// <paramref name="firstToken"/> on its first run and the double's token afterwards.</summary>
    private string Plugin(string apiVersion, string firstToken, string expiry)
    {
        var counter = _double.Temp.PathOf("runs");
        var info = _double.Temp.PathOf("exec-info.json");
        var script = _double.Temp.Write("plugin.sh", $$$"""
            #!/bin/sh
            echo x >> '{{{counter}}}'
            printf '%s' "$KUBERNETES_EXEC_INFO" > '{{{info}}}'
            token='{{{_double.Host.Token}}}'
            if [ "$(wc -l < '{{{counter}}}')" -eq 1 ]; then token='{{{firstToken}}}'; fi
            printf '{"apiVersion":"{{{apiVersion}}}","kind":"ExecCredential","status":{"token":"%s","expirationTimestamp":"{{{expiry}}}"}}' "$token"
            """);
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(script, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
        return script;
    }

    private string Kubeconfig(string apiVersion, string script, string extra = "      interactiveMode: Never") =>
        _double.Host.KubeconfigYaml().Replace(
            $"    token: \"{_double.Host.Token}\"",
            $"    exec:\n      apiVersion: {apiVersion}\n      command: {script}\n      args: [get-token]\n      provideClusterInfo: true\n{extra}",
            StringComparison.Ordinal);

    private int Runs => File.ReadAllLines(_double.Temp.PathOf("runs")).Length;

    private static async Task GetDefaultNamespaceThreeTimesAsync(KubeClient client)
    {
        var resource = await client.ResolveAsync("v1", "Namespace", CancellationToken.None);
        for (var i = 0; i < 3; i++)
        {
            Assert.NotNull(await client.GetAsync(resource, null, "default", CancellationToken.None));
        }
    }

    [Fact]
    public async Task A_v1_plugin_token_is_cached_until_it_expires()
    {
        var script = Plugin("client.authentication.k8s.io/v1", _double.Host.Token, "2999-01-01T00:00:00Z");
        using var client = _double.Client(Kubeconfig("client.authentication.k8s.io/v1", script));

        await GetDefaultNamespaceThreeTimesAsync(client);

        Assert.Equal(1, Runs);
        var info = await File.ReadAllTextAsync(_double.Temp.PathOf("exec-info.json"));
        Assert.Contains("\"interactive\":false", info, StringComparison.Ordinal);
        Assert.Contains(_double.Host.Server, info, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_v1beta1_plugin_is_run_again_once_when_its_token_is_refused()
    {
        var script = Plugin("client.authentication.k8s.io/v1beta1", "stale-token", "2999-01-01T00:00:00Z");
        using var client = _double.Client(Kubeconfig("client.authentication.k8s.io/v1beta1", script, string.Empty));

        await GetDefaultNamespaceThreeTimesAsync(client);

        Assert.Equal(2, Runs);
    }

    [Fact]
    public async Task An_expired_plugin_token_is_fetched_again_on_the_next_request()
    {
        var script = Plugin("client.authentication.k8s.io/v1", _double.Host.Token, "2000-01-01T00:00:00Z");
        using var client = _double.Client(Kubeconfig("client.authentication.k8s.io/v1", script));

        await GetDefaultNamespaceThreeTimesAsync(client);

        Assert.True(Runs >= 4);
    }
}

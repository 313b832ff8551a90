using System.Text;
using Declarative.Kubernetes.ApiServer;
using Declarative.Providers.Kubernetes.Config;

namespace Declarative.Providers.Kubernetes.Tests.Client;

/// <summary>proxy-url and HTTPS_PROXY/NO_PROXY as kubectl reads them, against the double behind a CONNECT proxy.
/// The double's certificate names "kubernetes.test", a name only the proxy can resolve.</summary>
public sealed class ProxyTests : IAsyncLifetime
{
    private const string ServerName = "kubernetes.test";

    private DoubleHarness _double = null!;
    private ConnectProxy _proxy = null!;

    public async Task InitializeAsync()
    {
        _double = await DoubleHarness.StartAsync(new ApiServerOptions { RunControllers = false, ServingNames = [ServerName] });
        _proxy = new ConnectProxy(new Dictionary<string, string> { [ServerName] = "127.0.0.1" });
    }

    public async Task DisposeAsync()
    {
        await _proxy.DisposeAsync();
        await _double.DisposeAsync();
    }

    private string Yaml(string server, string clusterExtra = "") => $"""
        apiVersion: v1
        kind: Config
        current-context: double
        clusters:
        - name: double
          cluster:
            server: {server}
            certificate-authority-data: {Convert.ToBase64String(Encoding.ASCII.GetBytes(_double.Host.CaCertificatePem))}
        {clusterExtra}
        users:
        - name: double
          user:
            token: {_double.Host.Token}
        contexts:
        - name: double
          context: {"{"}cluster: double, user: double{"}"}
        """;

    private string NamedServer => $"https://{ServerName}:{_double.Host.BaseAddress.Port}";

    private KubeTarget Target(string yaml, IReadOnlyDictionary<string, string>? environment = null) =>
        KubeconfigLoader.Load(new KubeconfigLoadOptions
        {
            ExplicitPath = _double.Temp.Write("kubeconfig-" + Guid.NewGuid().ToString("N"), yaml),
            GetEnvironmentVariable = name => environment?.GetValueOrDefault(name),
            HomeDirectory = _double.Temp.Root,
        });

    private async Task<bool> ReachesAsync(KubeTarget target)
    {
        using var client = Declarative.Providers.Kubernetes.Client.KubeClient.Create(target, _double.Options);
        var resource = await client.ResolveAsync("v1", "Namespace", CancellationToken.None);
        return await client.GetAsync(resource, null, "default", CancellationToken.None) is not null;
    }

    [Fact]
    public async Task Requests_go_through_the_clusters_proxy_url()
    {
        var target = Target(Yaml(NamedServer, $"    proxy-url: {_proxy.Url}"));

        Assert.True(await ReachesAsync(target));

        Assert.NotEmpty(_proxy.Tunnels);
        Assert.All(_proxy.Tunnels, tunnel => Assert.Equal($"{ServerName}:{_double.Host.BaseAddress.Port}", tunnel));
    }

    [Fact]
    public async Task Proxy_url_also_carries_a_loopback_server_and_tls_server_name_is_still_checked()
    {
        var target = Target(Yaml(_double.Host.Server, $"    proxy-url: {_proxy.Url}\n    tls-server-name: {ServerName}"));

        Assert.True(await ReachesAsync(target));

        Assert.Contains($"127.0.0.1:{_double.Host.BaseAddress.Port}", _proxy.Tunnels);
    }

    [Fact]
    public async Task HTTPS_PROXY_is_honoured_without_proxy_url()
    {
        var target = Target(Yaml(NamedServer), new Dictionary<string, string> { ["HTTPS_PROXY"] = _proxy.Url.ToString() });

        Assert.True(await ReachesAsync(target));

        Assert.NotEmpty(_proxy.Tunnels);
    }

    [Fact]
    public void Proxy_url_wins_over_HTTPS_PROXY()
    {
        var target = Target(Yaml(NamedServer, "    proxy-url: socks5://socks.internal:1080"), new Dictionary<string, string> { ["HTTPS_PROXY"] = "http://env-proxy:3128" });

        Assert.Equal(new Uri("socks5://socks.internal:1080"), target.Proxy);
    }

    [Theory]
    [InlineData("https://kube.example.test:6443", "HTTPS_PROXY", "proxy.internal:3128", null, "http://proxy.internal:3128/")]
    [InlineData("https://kube.example.test:6443", "https_proxy", "http://proxy.internal:3128", null, "http://proxy.internal:3128/")]
    [InlineData("http://kube.example.test:8080", "HTTP_PROXY", "http://proxy.internal:3128", null, "http://proxy.internal:3128/")]
    [InlineData("http://kube.example.test:8080", "HTTPS_PROXY", "http://proxy.internal:3128", null, null)]
    [InlineData("https://kube.example.test:6443", "HTTPS_PROXY", "http://proxy.internal:3128", "example.test", null)]
    [InlineData("https://kube.example.test:6443", "HTTPS_PROXY", "http://proxy.internal:3128", ".example.test", null)]
    [InlineData("https://kube.example.test:6443", "HTTPS_PROXY", "http://proxy.internal:3128", "*.example.test", null)]
    [InlineData("https://kube.example.test:6443", "HTTPS_PROXY", "http://proxy.internal:3128", "other.test,kube.example.test:6443", null)]
    [InlineData("https://kube.example.test:6443", "HTTPS_PROXY", "http://proxy.internal:3128", "kube.example.test:443", "http://proxy.internal:3128/")]
    [InlineData("https://kube.example.test:6443", "HTTPS_PROXY", "http://proxy.internal:3128", "ample.test", "http://proxy.internal:3128/")]
    [InlineData("https://10.1.2.3:6443", "HTTPS_PROXY", "http://proxy.internal:3128", "10.0.0.0/8", null)]
    [InlineData("https://10.1.2.3:6443", "HTTPS_PROXY", "http://proxy.internal:3128", "10.1.2.3", null)]
    [InlineData("https://10.1.2.3:6443", "HTTPS_PROXY", "http://proxy.internal:3128", "*", null)]
    [InlineData("https://127.0.0.1:6443", "HTTPS_PROXY", "http://proxy.internal:3128", null, null)]
    [InlineData("https://localhost:6443", "HTTPS_PROXY", "http://proxy.internal:3128", null, null)]
    public void The_environment_proxy_follows_Gos_ProxyFromEnvironment(string server, string variable, string value, string? noProxy, string? expected)
    {
        var environment = new Dictionary<string, string> { [variable] = value };
        if (noProxy is not null)
        {
            environment["NO_PROXY"] = noProxy;
        }

        var target = Target(Yaml(server), environment);

        Assert.Equal(expected, target.Proxy?.ToString());
    }

    [Fact]
    public void An_exec_plugin_with_provideClusterInfo_is_told_the_proxy_url()
    {
        var yaml = Yaml(NamedServer, "    proxy-url: http://proxy.internal:3128").Replace(
            $"    token: {_double.Host.Token}\n",
            "    exec: {apiVersion: client.authentication.k8s.io/v1, command: /bin/true, interactiveMode: Never, provideClusterInfo: true}\n",
            StringComparison.Ordinal);

        var target = Target(yaml);

        Assert.Equal("http://proxy.internal:3128", target.Credentials.Exec!.ClusterInfo!["proxy-url"]!.GetValue<string>());
    }

    [Fact]
    public void A_proxy_url_with_another_scheme_is_refused_without_showing_its_password()
    {
        var error = Assert.Throws<KubeConfigException>(() => Target(Yaml(NamedServer, "    proxy-url: ftp://user:hunter2@proxy.internal:21")));

        Assert.Equal(
            "Cluster \"double\" has proxy-url \"ftp://***@proxy.internal:21\", which is not an http://, https:// or socks5:// URL. Fix clusters[].cluster.proxy-url in the kubeconfig.",
            error.Message);
    }

    [Fact]
    public async Task Kubectl_goes_through_the_same_proxy_with_the_same_kubeconfig()
    {
        var path = _double.Temp.Write("kubectl-config", Yaml(NamedServer, $"    proxy-url: {_proxy.Url}"));

        var (code, output) = await Kubectl.RunAsync(path, "get", "namespace", "default", "-o", "name");

        Assert.True(code == 0, output);
        Assert.NotEmpty(_proxy.Tunnels);
    }
}

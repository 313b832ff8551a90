using Declarative.Providers.Kubernetes.Config;
using Declarative.Testing;

namespace Declarative.Providers.Kubernetes.Tests.Client;

public sealed class KubeconfigLoaderTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static string Config(string cluster, string user, string context, string? current, string token = "t", string? ns = null) => $"""
        apiVersion: v1
        kind: Config
        {(current is null ? string.Empty : "current-context: " + current)}
        clusters:
        - name: {cluster}
          cluster:
            server: https://{cluster}.example:6443
        users:
        - name: {user}
          user:
            token: {token}
        contexts:
        - name: {context}
          context:
            cluster: {cluster}
            user: {user}
            {(ns is null ? string.Empty : "namespace: " + ns)}
        """;

    private KubeconfigLoadOptions WithKubeconfigEnv(params string[] files) => new()
    {
        GetEnvironmentVariable = name => name == "KUBECONFIG" ? string.Join(':', files) : null,
        HomeDirectory = _temp.Root,
    };

    [Fact]
    public void The_first_file_in_KUBECONFIG_wins_a_user_defined_twice()
    {
        var first = _temp.Write("a", Config("c1", "shared", "ctx-a", "ctx-a", token: "from-first"));
        var second = _temp.Write("b", Config("c2", "shared", "ctx-b", "ctx-b", token: "from-second"));

        var target = KubeconfigLoader.Load(WithKubeconfigEnv(first, second) with { Context = "ctx-b" });

        Assert.Equal("from-first", target.Credentials.Token);
        Assert.Equal(new Uri("https://c2.example:6443"), target.Server);
    }

    [Fact]
    public void Current_context_comes_from_the_first_file_that_sets_it_and_missing_files_are_skipped()
    {
        var first = _temp.Write("a", Config("c1", "u1", "ctx-a", current: null));
        var second = _temp.Write("b", Config("c2", "u2", "ctx-b", "ctx-b"));
        var third = _temp.Write("c", Config("c3", "u3", "ctx-c", "ctx-a"));

        var target = KubeconfigLoader.Load(WithKubeconfigEnv(first, _temp.PathOf("missing"), second, third));

        Assert.Equal("ctx-b", target.ContextName);
    }

    [Fact]
    public void Context_flag_beats_environment_context_which_beats_current_context()
    {
        var file = _temp.Write("a", Config("c1", "u1", "ctx-a", "ctx-a") + "\n" + """
            - name: ctx-env
              context: {cluster: c1, user: u1, namespace: env-ns}
            - name: ctx-flag
              context: {cluster: c1, user: u1}
            """);
        var options = new KubeconfigLoadOptions { ExplicitPath = file, GetEnvironmentVariable = _ => null };

        Assert.Equal("ctx-a", KubeconfigLoader.Load(options).ContextName);
        Assert.Equal("env-ns", KubeconfigLoader.Load(options with { EnvironmentContext = "ctx-env" }).Namespace);
        var flagged = KubeconfigLoader.Load(options with { EnvironmentContext = "ctx-env", Context = "ctx-flag" });
        Assert.Equal("ctx-flag", flagged.ContextName);
        Assert.Equal("default", flagged.Namespace);
    }

    [Fact]
    public void Explicit_kubeconfig_path_ignores_KUBECONFIG()
    {
        var env = _temp.Write("env", Config("c-env", "u", "ctx", "ctx"));
        var explicitFile = _temp.Write("explicit", Config("c-explicit", "u", "ctx", "ctx", ns: "team"));

        var target = KubeconfigLoader.Load(WithKubeconfigEnv(env) with { ExplicitPath = explicitFile });

        Assert.Equal(new Uri("https://c-explicit.example:6443"), target.Server);
        Assert.Equal("team", target.Namespace);
    }

    [Fact]
    public void A_missing_context_is_reported_with_the_available_ones()
    {
        var file = _temp.Write("a", Config("c1", "u1", "ctx-a", "ctx-a"));

        var error = Assert.Throws<KubeConfigException>(() => KubeconfigLoader.Load(new KubeconfigLoadOptions { ExplicitPath = file, Context = "prod" }));

        Assert.Contains("no context \"prod\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("Available contexts: ctx-a", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_explicit_file_is_reported_with_its_path()
    {
        var path = _temp.PathOf("nope/config");

        var error = Assert.Throws<KubeConfigException>(() => KubeconfigLoader.Load(new KubeconfigLoadOptions { ExplicitPath = path }));

        Assert.Contains(path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_certificate_authority_file_is_reported_with_its_resolved_path()
    {
        var file = _temp.Write("dir/config", Config("c1", "u1", "ctx", "ctx").Replace(
            "server: https://c1.example:6443", "server: https://c1.example:6443\n    certificate-authority: certs/ca.crt", StringComparison.Ordinal));

        var error = Assert.Throws<KubeConfigException>(() => KubeconfigLoader.Load(new KubeconfigLoadOptions { ExplicitPath = file }));

        Assert.Contains(_temp.PathOf("dir/certs/ca.crt"), error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void No_kubeconfig_and_not_in_a_cluster_says_how_to_provide_one()
    {
        var options = new KubeconfigLoadOptions { GetEnvironmentVariable = _ => null, HomeDirectory = _temp.Root };

        var error = Assert.Throws<KubeConfigException>(() => KubeconfigLoader.Load(options));

        Assert.Contains("KUBECONFIG", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void In_cluster_config_reads_the_service_account_files_when_there_is_no_kubeconfig()
    {
        _temp.Write("sa/token", "sa-token\n");
        _temp.Write("sa/namespace", "payments\n");
        var env = new Dictionary<string, string> { ["KUBERNETES_SERVICE_HOST"] = "10.0.0.1", ["KUBERNETES_SERVICE_PORT"] = "443" };
        var options = new KubeconfigLoadOptions
        {
            GetEnvironmentVariable = env.GetValueOrDefault,
            HomeDirectory = _temp.Root,
            InClusterRoot = _temp.PathOf("sa"),
        };

        var target = KubeconfigLoader.Load(options);

        Assert.Equal(new Uri("https://10.0.0.1:443"), target.Server);
        Assert.Equal("payments", target.Namespace);
        Assert.Equal(_temp.PathOf("sa/token"), target.Credentials.TokenFile);
    }

    [Fact]
    public void A_v1_exec_plugin_without_interactive_mode_is_refused()
    {
        var file = _temp.Write("a", Config("c1", "u1", "ctx", "ctx").Replace(
            "    token: t", "    exec:\n      apiVersion: client.authentication.k8s.io/v1\n      command: get-token", StringComparison.Ordinal));

        var error = Assert.Throws<KubeConfigException>(() => KubeconfigLoader.Load(new KubeconfigLoadOptions { ExplicitPath = file }));

        Assert.Contains("interactiveMode", error.Message, StringComparison.Ordinal);
    }
}

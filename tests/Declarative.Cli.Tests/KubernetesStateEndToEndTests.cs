using System.Text.Json.Nodes;
using Declarative.Core.State;
using Declarative.Kubernetes.ApiServer.Faults;
using Declarative.Providers.Kubernetes.Client;
using Declarative.Providers.Kubernetes.Config;

namespace Declarative.Cli.Tests;

/// <summary>
/// The shop project with <c>spec.state: {backend: kubernetes}</c>, end to end through decl: the history lives in
/// the cluster (no local state files), any state folder sees it, a held Lease refuses a second run, and a store that
/// cannot be used is DCL505.
/// </summary>
public sealed class KubernetesStateEndToEndTests : IAsyncLifetime
{
    private const string ProjectFile = "apiVersion: declarative.dev/v1\nkind: Project\nmetadata: {name: shop}\nspec:\n  values: values.yaml\n  state: {backend: kubernetes}\n  environments:\n    dev: {kubernetes: {namespace: shop-dev}}\n";

    private ShopCluster _shop = null!;

    public async Task InitializeAsync() => _shop = await ShopCluster.StartAsync(new Dictionary<string, string> { ["shop/declarative.yaml"] = ProjectFile });

    public async Task DisposeAsync() => await _shop.DisposeAsync();

    [Fact]
    public async Task Apply_keeps_the_history_in_the_cluster_where_another_state_folder_reads_it()
    {
        var first = await _shop.Decl("apply", "shop", "--auto-approve");
        var second = await _shop.Decl("apply", "shop", "--auto-approve", "--set", "replicas=3");
        var history = await _shop.Decl("history", "shop");
        _shop.Environment["DECLARATIVE_STATE_DIR"] = _shop.Dir.PathOf("elsewhere");
        var elsewhere = await _shop.Decl("history", "shop");
        var list = await _shop.Decl("state", "list", "shop");
        var drift = await _shop.Decl("drift", "shop");

        Assert.True(first.ExitCode == 0, first.All);
        Assert.True(second.ExitCode == 0, second.All);
        Assert.Matches(@"(?m)^1\s+\S+ \S+\s+superseded\s+apply\s+tester", history.Stdout);
        Assert.Matches(@"(?m)^2\s+\S+ \S+\s+deployed\s+apply\s+tester", history.Stdout);
        Assert.Equal(history.Stdout, elsewhere.Stdout);
        Assert.Equal("Deployment.apps/shop-dev/web\nNamespace/shop-dev\nSecret/shop-dev/db\n", list.Stdout);
        Assert.True(drift.ExitCode == 0, drift.All);
        Assert.False(Directory.Exists(_shop.Dir.PathOf("state")), "the local store wrote files");
        Assert.False(Directory.Exists(_shop.Dir.PathOf("elsewhere")), "the local store wrote files");
        Assert.False(Directory.Exists(_shop.Dir.PathOf("shop/.declarative/state")), "the local store wrote files");

        var heads = await SecretsAsync("declarative.dev/state=revision");
        Assert.Equal(["decl.shop.dev.r000001", "decl.shop.dev.r000002"], heads.Select(s => s["metadata"]!["name"]!.GetValue<string>()).Order(StringComparer.Ordinal));
        var stored = await RevisionTextsAsync();
        Assert.Equal(2, stored.Count);
        Assert.All(stored, text => Assert.Contains("\"$sealed\"", text, StringComparison.Ordinal));
        Assert.All(stored, text => Assert.DoesNotContain(ShopCluster.SecretValue, text, StringComparison.Ordinal));
        Assert.Empty(await SecretsAsync("declarative.dev/state=journal"));
    }

    [Fact]
    public async Task An_apply_while_another_run_holds_the_lease_fails_naming_it()
    {
        var holder = new LockRecord("bob", "ci-9", 4242, DateTimeOffset.UtcNow, "decl apply --env dev");
        using var client = Client();
        await client.CreateAsync(Namespaces, new JsonObject { ["apiVersion"] = "v1", ["kind"] = "Namespace", ["metadata"] = new JsonObject { ["name"] = "declarative-system" } }, new KubeCreateOptions(), CancellationToken.None);
        await client.CreateAsync(Leases, new JsonObject
        {
            ["apiVersion"] = "coordination.k8s.io/v1",
            ["kind"] = "Lease",
            ["metadata"] = new JsonObject { ["name"] = "decl.shop.dev", ["namespace"] = "declarative-system" },
            ["spec"] = new JsonObject
            {
                ["holderIdentity"] = new JsonObject { ["user"] = holder.User, ["host"] = holder.Host, ["pid"] = holder.ProcessId, ["command"] = holder.Command, ["started"] = holder.Started.ToString("O") }.ToJsonString(),
                ["leaseDurationSeconds"] = 60,
                ["renewTime"] = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture),
            },
        }, new KubeCreateOptions(), CancellationToken.None);

        var result = await _shop.Decl("apply", "shop", "--auto-approve");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: DCL501 State is locked", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Environment \"dev\" is locked by decl apply --env dev (user bob, pid 4242 on ci-9, since ", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(await SecretsAsync(null));
    }

    [Fact]
    public async Task A_store_the_credentials_may_not_read_is_dcl505_naming_the_namespace_and_the_rbac_to_grant()
    {
        _shop.Host.State.Faults.Fail(FaultKind.Forbidden, 1.0, "list");

        var result = await _shop.Decl("history", "shop");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("error: DCL505 The Kubernetes state store is not allowed to list secrets\n    The kubeconfig user of cluster ", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("may not list \"secrets\" in namespace \"declarative-system\"", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("Grant the Role and RoleBinding of docs/state.md", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_postgres_environment_reads_its_connection_from_the_environment_and_an_unreachable_server_is_dcl505_without_the_password()
    {
        _shop.Dir.Write("shop/declarative.yaml", ProjectFile.Replace("{backend: kubernetes}", "{backend: postgres, connection: \"env:DECLARATIVE_PG\"}", StringComparison.Ordinal));

        var unset = await _shop.Decl("history", "shop");
        _shop.Environment["DECLARATIVE_PG"] = "Host=127.0.0.1;Port=1;Username=decl;Password=pw-123;Timeout=3";
        var set = await _shop.Decl("history", "shop");

        Assert.Equal(
            "error: DCL505 No connection string for the state store\n" +
            "    The environment variable DECLARATIVE_PG (state.connection: env:DECLARATIVE_PG) is not set.\n" +
            "    Set DECLARATIVE_PG to the connection string before running decl (in CI, from a repository secret).\n",
            unset.Stderr);
        Assert.Equal(1, set.ExitCode);
        Assert.StartsWith("error: DCL505 Cannot reach the PostgreSQL state store\n", set.Stderr, StringComparison.Ordinal);
        Assert.DoesNotContain("pw-123", set.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_connection_string_written_in_the_project_is_dcl504_at_its_line()
    {
        _shop.Dir.Write("shop/declarative.yaml", ProjectFile.Replace("{backend: kubernetes}", "{backend: postgres, connection: \"Host=db;Password=pw-123\"}", StringComparison.Ordinal));

        var result = await _shop.Decl("validate", "shop");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("shop/declarative.yaml:6:42: DCL504 A connection string cannot be written in the project", result.All, StringComparison.Ordinal);
        Assert.DoesNotContain("pw-123", result.All, StringComparison.Ordinal);
    }

    private static KubeResource Namespaces { get; } = new(string.Empty, "v1", "Namespace", "namespaces", false, [], []);

    private static KubeResource Leases { get; } = new("coordination.k8s.io", "v1", "Lease", "leases", true, [], []);

    private static KubeResource Secrets { get; } = new(string.Empty, "v1", "Secret", "secrets", true, [], []);

    private KubeClient Client() => KubeClient.Create(
        KubeconfigLoader.Load(new KubeconfigLoadOptions { ExplicitPath = _shop.Dir.PathOf("kubeconfig"), GetEnvironmentVariable = _ => null, HomeDirectory = _shop.Dir.Root }),
        new KubeClientOptions { DiscoveryCacheDirectory = null });

    /// <summary>Each revision as the cluster holds it: its head's generation of parts, joined in order and unzipped.</summary>
    private async Task<List<string>> RevisionTextsAsync()
    {
        var secrets = await SecretsAsync(null);
        string Label(JsonObject secret, string key) => secret["metadata"]!["labels"]![key]!.GetValue<string>();
        var texts = new List<string>();
        foreach (var head in secrets.Where(s => Label(s, "declarative.dev/state") == "revision"))
        {
            var parts = secrets
                .Where(s => Label(s, "declarative.dev/state") == "part" && Label(s, "declarative.dev/revision") == Label(head, "declarative.dev/revision") && Label(s, "declarative.dev/generation") == Label(head, "declarative.dev/generation"))
                .OrderBy(s => int.Parse(Label(s, "declarative.dev/part"), System.Globalization.CultureInfo.InvariantCulture))
                .SelectMany(s => Convert.FromBase64String(s["data"]!["payload"]!.GetValue<string>()))
                .ToArray();
            using var gzip = new System.IO.Compression.GZipStream(new MemoryStream(parts), System.IO.Compression.CompressionMode.Decompress);
            using var reader = new StreamReader(gzip);
            texts.Add(await reader.ReadToEndAsync());
        }

        return texts;
    }

    private async Task<IReadOnlyList<JsonObject>> SecretsAsync(string? selector)
    {
        using var client = Client();
        return (await client.ListAsync(Secrets, "declarative-system", selector is null ? "declarative.dev/project=shop" : $"declarative.dev/project=shop,{selector}", CancellationToken.None)).Items;
    }
}

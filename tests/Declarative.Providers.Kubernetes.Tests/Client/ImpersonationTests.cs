using System.Collections.Immutable;
using Declarative.Providers.Kubernetes.Config;

namespace Declarative.Providers.Kubernetes.Tests.Client;

/// <summary>Impersonation from the kubeconfig user (as, as-groups, as-uid, as-user-extra) and from --as,
/// --as-group and --as-uid, seen as the headers the double received.</summary>
public sealed class ImpersonationTests : IAsyncLifetime
{
    private DoubleHarness _double = null!;

    public async Task InitializeAsync() => _double = await DoubleHarness.StartAsync();

    public async Task DisposeAsync() => await _double.DisposeAsync();

    private string Yaml(string impersonationYaml) =>
        _double.Host.KubeconfigYaml().Replace($"    token: \"{_double.Host.Token}\"\n", $"    token: \"{_double.Host.Token}\"\n{impersonationYaml}", StringComparison.Ordinal);

    private KubeTarget Target(string yaml, KubeImpersonationOverrides? overrides = null) =>
        KubeconfigLoader.Load(new KubeconfigLoadOptions
        {
            ExplicitPath = _double.Temp.Write("kubeconfig-" + Guid.NewGuid().ToString("N"), yaml),
            GetEnvironmentVariable = _ => null,
            HomeDirectory = _double.Temp.Root,
            Impersonation = overrides,
        });

    private async Task<IReadOnlyList<string>> HeadersSentAsync(KubeTarget target)
    {
        using var client = Declarative.Providers.Kubernetes.Client.KubeClient.Create(target, _double.Options);
        var resource = await client.ResolveAsync("v1", "Namespace", CancellationToken.None);
        Assert.NotNull(await client.GetAsync(resource, null, "default", CancellationToken.None));
        return _double.Host.State.Requests.Impersonations;
    }

    [Fact]
    public async Task The_kubeconfig_users_impersonation_fields_become_headers_on_every_request()
    {
        var target = Target(Yaml("""
                as: alice
                as-uid: "1234"
                as-groups: [developers]
                as-user-extra:
                  scopes: [view]
                  example.com/team: [blue]

            """));

        var sent = await HeadersSentAsync(target);

        Assert.Equal(_double.Host.State.Requests.Count, sent.Count);
        Assert.All(sent, headers => Assert.Equal(
            "Impersonate-Extra-example.com%2Fteam: blue; Impersonate-Extra-scopes: view; Impersonate-Group: developers; Impersonate-Uid: 1234; Impersonate-User: alice",
            headers,
            ignoreCase: true));
    }

    [Fact]
    public async Task The_flags_replace_the_kubeconfigs_user_groups_and_uid()
    {
        var target = Target(
            Yaml("    as: alice\n    as-groups: [developers]\n    as-uid: \"1\"\n"),
            new KubeImpersonationOverrides("bob", ["ops"], "2"));

        var sent = await HeadersSentAsync(target);

        Assert.All(sent, headers => Assert.Equal(
            "Impersonate-Group: ops; Impersonate-Uid: 2; Impersonate-User: bob", headers, ignoreCase: true));
    }

    [Fact]
    public void More_than_one_group_is_refused_since_the_server_would_read_one_group_named_after_all_of_them()
    {
        // HttpClient joins repeated header values into one line ("ops, audit"); the API server does not split it.
        var error = Assert.Throws<KubeConfigException>(() => Target(Yaml("    as: alice\n"), new KubeImpersonationOverrides("bob", ["ops", "audit"], null)));

        Assert.StartsWith(
            "User \"double\" (or the command line) asks to impersonate 2 groups (ops, audit); Declarative can impersonate one group only, because its HTTP client would send them as one Impersonate-Group line that the API server reads as a single group named \"ops, audit\".",
            error.Message,
            StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_one_value_of_an_extra_key_is_refused()
    {
        var error = Assert.Throws<KubeConfigException>(() => Target(Yaml("    as: alice\n    as-user-extra: {scopes: [view, edit]}\n")));

        Assert.Contains("as-user-extra \"scopes\" 2 values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_flag_given_alone_keeps_the_other_kubeconfig_fields()
    {
        var target = Target(Yaml("    as: alice\n    as-groups: [developers]\n"), new KubeImpersonationOverrides("bob", [], null));

        var sent = await HeadersSentAsync(target);

        Assert.All(sent, headers => Assert.Equal("Impersonate-Group: developers; Impersonate-User: bob", headers, ignoreCase: true));
    }

    [Fact]
    public async Task Without_impersonation_no_header_is_sent()
    {
        Assert.Empty(await HeadersSentAsync(Target(_double.Host.KubeconfigYaml())));
    }

    [Fact]
    public void Groups_without_a_user_are_refused()
    {
        var error = Assert.Throws<KubeConfigException>(() => Target(_double.Host.KubeconfigYaml(), new KubeImpersonationOverrides(null, ["ops"], null)));

        Assert.Equal(
            "User \"double\" (or the command line) asks to impersonate groups, a UID or extra fields without a user to impersonate. Add --as (or as: in the kubeconfig user), or drop --as-group/--as-uid.",
            error.Message);
    }

    [Fact]
    public void The_target_shows_whom_it_impersonates_but_never_the_token()
    {
        var target = Target(Yaml("    as: alice\n"));

        Assert.Equal(new KubeImpersonation("alice", ImmutableArray<string>.Empty, null, ImmutableDictionary<string, ImmutableArray<string>>.Empty).ToString(), target.Impersonation!.ToString());
        Assert.DoesNotContain(_double.Host.Token, target.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("scopes", "scopes")]
    [InlineData("example.com/team", "example.com%2Fteam")]
    [InlineData("a b%c", "a%20b%25c")]
    [InlineData("é", "%C3%A9")]
    public void Extra_keys_are_escaped_as_client_go_does(string key, string expected) =>
        Assert.Equal(expected, ImpersonationHandler.EscapeKey(key));
}

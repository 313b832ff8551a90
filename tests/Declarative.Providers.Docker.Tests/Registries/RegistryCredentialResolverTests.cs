using System.Text.Json.Nodes;
using Declarative.Providers.Docker.Registries;
using Declarative.Testing;

namespace Declarative.Providers.Docker.Tests.Registries;

public sealed class RegistryCredentialResolverTests : IDisposable
{
    private readonly TempDirectory _home = new();
    private readonly FakeCredentialHelpers _helpers = new();
    private readonly Dictionary<string, string> _environment = new(StringComparer.Ordinal);

    public RegistryCredentialResolverTests()
    {
        _home.Write(".docker/config.json", DockerConfigCredentialTests.Config("""{"credHelpers":{"helped.example":"fake"}}""", ("127.0.0.1:5001", "config-user:config-pw")));
        _environment["PATH"] = _helpers.Folder;
    }

    public void Dispose()
    {
        _home.Dispose();
        _helpers.Dispose();
    }

    private RegistryCredentialResolver Resolver() => new(name => _environment.GetValueOrDefault(name), _home.Root);

    private RegistryDocument Registry(string spec) => RegistryDocument.FromSpec("local", (JsonObject)JsonNode.Parse(spec)!, _home.Root);

    [Fact]
    public async Task The_Registry_documents_credential_wins_over_the_docker_config()
    {
        using var resolver = Resolver();

        var credential = await resolver.ResolveAsync("127.0.0.1:5001", Registry("""{"server":"127.0.0.1:5001","username":"doc-user","password":"doc-pw"}"""), CancellationToken.None);

        Assert.Equal("doc-user", credential!.Username);
    }

    [Fact]
    public async Task A_Registry_without_credentials_falls_back_to_the_docker_config()
    {
        using var resolver = Resolver();

        var credential = await resolver.ResolveAsync("127.0.0.1:5001", Registry("""{"server":"127.0.0.1:5001"}"""), CancellationToken.None);

        Assert.Equal(("config-user", "config-pw"), (credential!.Username, credential.Password));
    }

    [Fact]
    public async Task A_registry_found_nowhere_is_anonymous()
    {
        using var resolver = Resolver();

        Assert.Null(await resolver.ResolveAsync("127.0.0.1:5000", null, CancellationToken.None));
    }

    [Fact]
    public async Task DOCKER_CONFIG_moves_the_docker_config()
    {
        _environment["DOCKER_CONFIG"] = _home.PathOf("elsewhere");
        using var resolver = Resolver();

        Assert.Null(await resolver.ResolveAsync("127.0.0.1:5001", null, CancellationToken.None));
    }

    [Fact]
    public async Task A_credential_helper_runs_once_per_registry_and_run()
    {
        _home.Write(".docker/config.json", """{"credsStore":"fake"}""");
        using var resolver = Resolver();

        for (var i = 0; i < 3; i++)
        {
            Assert.Equal("helper-user", (await resolver.ResolveAsync("127.0.0.1:5001", null, CancellationToken.None))!.Username);
        }

        Assert.Single(_helpers.Asked);
    }
}

using System.Text;
using System.Text.Json.Nodes;
using Declarative.Providers.Docker.Registries;

namespace Declarative.Providers.Docker.Tests.Registries;

public sealed class DockerConfigCredentialTests : IDisposable
{
    private const string ConfigPath = "/home/dev/.docker/config.json";

    private readonly FakeCredentialHelpers _helpers = new();

    public void Dispose() => _helpers.Dispose();

    private static string Auth(string userAndPassword) => Convert.ToBase64String(Encoding.UTF8.GetBytes(userAndPassword));

    /// <summary>A config.json: <paramref name="json"/> plus an auths map of base64 "user:password" entries.</summary>
    internal static string Config(string json, params (string Key, string UserAndPassword)[] auths)
    {
        var root = (JsonObject)JsonNode.Parse(json)!;
        var map = new JsonObject();
        foreach (var (key, userAndPassword) in auths)
        {
            map[key] = new JsonObject { ["auth"] = Auth(userAndPassword) };
        }

        root["auths"] = map;
        return root.ToJsonString();
    }

    private Task<RegistryCredential?> FindAsync(string configJson, string server, TimeSpan? helperTimeout = null)
    {
        var runner = new ProcessCredentialHelperRunner(_helpers.Folder, helperTimeout ?? TimeSpan.FromSeconds(10));
        return new DockerConfigCredentials(DockerConfigFile.Parse(ConfigPath, configJson), runner).FindAsync(server, CancellationToken.None);
    }

    [Fact]
    public async Task An_auths_entry_holds_base64_user_colon_password_split_at_the_first_colon()
    {
        var config = Config("{}", ("127.0.0.1:5001", "tester:pass:with:colons"));

        var credential = await FindAsync(config, "127.0.0.1:5001");

        Assert.Equal(("tester", "pass:with:colons"), (credential!.Username, credential.Password));
        Assert.Contains("docker login 127.0.0.1:5001", credential.Source, StringComparison.Ordinal);
        Assert.Contains(ConfigPath, credential.Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_auths_entry_may_give_username_and_password_fields()
    {
        var credential = await FindAsync("""{"auths":{"ghcr.io":{"username":"bot","password":"pw"}}}""", "ghcr.io");

        Assert.Equal(("bot", "pw"), (credential!.Username, credential.Password));
    }

    [Fact]
    public async Task An_auths_entry_with_an_identity_token_gives_the_token()
    {
        var config = new JsonObject
        {
            ["auths"] = new JsonObject { ["ghcr.io"] = new JsonObject { ["auth"] = Auth("bot:"), ["identitytoken"] = "refresh-me" } },
        }.ToJsonString();

        var credential = await FindAsync(config, "ghcr.io");

        Assert.Equal(("bot", "refresh-me"), (credential!.Username, credential.IdentityToken));
    }

    [Theory]
    [InlineData("https://127.0.0.1:5001")]
    [InlineData("http://127.0.0.1:5001/v2/")]
    [InlineData("127.0.0.1:5001")]
    public async Task Auths_keys_match_with_or_without_scheme_and_path(string key)
    {
        var config = Config("{}", ("other.example", "wrong:wrong"), (key, "tester:pw"));

        Assert.Equal("tester", (await FindAsync(config, "127.0.0.1:5001"))!.Username);
    }

    [Fact]
    public async Task An_exact_key_wins_over_an_earlier_key_of_the_same_host()
    {
        var config = Config("{}", ("https://127.0.0.1:5001/v1/", "old:pw"), ("127.0.0.1:5001", "tester:pw"));

        Assert.Equal("tester", (await FindAsync(config, "127.0.0.1:5001"))!.Username);
    }

    [Theory]
    [InlineData("docker.io")]
    [InlineData("index.docker.io")]
    [InlineData("registry-1.docker.io")]
    [InlineData("https://index.docker.io/v1/")]
    public async Task Docker_Hub_names_find_the_index_key_docker_login_writes(string server)
    {
        var config = Config("{}", ("https://index.docker.io/v1/", "hubuser:pw"));

        Assert.Equal("hubuser", (await FindAsync(config, server))!.Username);
    }

    [Fact]
    public async Task A_registry_without_entry_or_an_empty_entry_has_no_credential()
    {
        var config = """{"auths":{"127.0.0.1:5001":{}}}""";

        Assert.Null(await FindAsync(config, "127.0.0.1:5001"));
        Assert.Null(await FindAsync(config, "ghcr.io"));
    }

    [Fact]
    public async Task A_bad_auth_value_is_an_error_naming_the_entry_and_file_without_the_value()
    {
        var error = await Assert.ThrowsAsync<RegistryCredentialException>(() =>
            FindAsync("""{"auths":{"ghcr.io":{"auth":"not base64 secret!"}}}""", "ghcr.io"));

        Assert.Contains("auths[\"ghcr.io\"].auth in " + ConfigPath, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_json_is_an_error_naming_the_file_without_its_content()
    {
        var error = Assert.Throws<RegistryCredentialException>(() =>
            DockerConfigFile.Parse(ConfigPath, """{"auths":{"ghcr.io":{"auth":"c2VjcmV0"}}""" + "\n  oops"));

        Assert.Contains(ConfigPath, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("c2VjcmV0", error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_credHelpers_entry_runs_that_helper_with_the_server_on_stdin()
    {
        var config = Config("""{"credHelpers":{"127.0.0.1:5001":"fake"}}""", ("127.0.0.1:5001", "file-user:pw"));

        var credential = await FindAsync(config, "127.0.0.1:5001");

        Assert.Equal(("helper-user", FakeCredentialHelpers.HelperSecret), (credential!.Username, credential.Password));
        Assert.Equal(["127.0.0.1:5001"], _helpers.Asked);
        Assert.Contains("docker-credential-fake", credential.Source, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CredsStore_is_asked_for_registries_without_their_own_helper_using_the_docker_login_key()
    {
        var config = """{"credsStore":"fake","credHelpers":{"ghcr.io":"broken"}}""";

        var credential = await FindAsync(config, "docker.io");

        Assert.Equal("helper-user", credential!.Username);
        Assert.Equal(["https://index.docker.io/v1/"], _helpers.Asked);
    }

    [Fact]
    public async Task A_helpers_credentials_not_found_answer_means_anonymous_even_when_auths_has_an_entry()
    {
        var config = Config("""{"credsStore":"fake"}""", ("ghcr.io", "file-user:pw"));

        Assert.Null(await FindAsync(config, "ghcr.io"));
        Assert.Equal(["ghcr.io"], _helpers.Asked);
    }

    [Fact]
    public async Task A_helper_answering_the_token_username_gives_an_identity_token()
    {
        var credential = await FindAsync("""{"credsStore":"fake"}""", "tokens.example");

        Assert.Equal("identity-token-1", credential!.IdentityToken);
        Assert.Equal(string.Empty, credential.Password);
    }

    [Fact]
    public async Task A_missing_helper_program_is_an_error_naming_it_and_the_setting()
    {
        var error = await Assert.ThrowsAsync<RegistryCredentialException>(() => FindAsync("""{"credsStore":"desktop"}""", "ghcr.io"));

        Assert.Contains("docker-credential-desktop", error.Message, StringComparison.Ordinal);
        Assert.Contains("credsStore in " + ConfigPath, error.Message, StringComparison.Ordinal);
        Assert.Contains("not installed or not on PATH", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_failing_helper_is_an_error_with_its_exit_code_and_message()
    {
        var error = await Assert.ThrowsAsync<RegistryCredentialException>(() => FindAsync("""{"credHelpers":{"ghcr.io":"broken"}}""", "ghcr.io"));

        Assert.Contains("docker-credential-broken failed for ghcr.io (exit code 3)", error.Message, StringComparison.Ordinal);
        Assert.Contains("keychain locked", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_helper_that_does_not_answer_in_time_is_stopped_and_reported()
    {
        var started = DateTime.UtcNow;

        var error = await Assert.ThrowsAsync<RegistryCredentialException>(() =>
            FindAsync("""{"credsStore":"slow"}""", "ghcr.io", TimeSpan.FromMilliseconds(300)));

        Assert.Contains("docker-credential-slow", error.Message, StringComparison.Ordinal);
        Assert.Contains("did not answer", error.Message, StringComparison.Ordinal);
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10), "the helper's 30 s sleep must not be waited for");
    }

    [Fact]
    public async Task Helpers_answers_are_parsed_without_running_a_process_through_an_injected_runner()
    {
        var runner = new ScriptedRunner(new CredentialHelperOutput(0, """{"ServerURL":"ghcr.io","Username":"bot","Secret":"s"}"""));
        var source = new DockerConfigCredentials(DockerConfigFile.Parse(ConfigPath, """{"credsStore":"osxkeychain"}"""), runner);

        var credential = await source.FindAsync("GHCR.io", CancellationToken.None);

        Assert.Equal("bot", credential!.Username);
        Assert.Equal(("osxkeychain", "ghcr.io"), runner.Calls.Single());
    }

    [Fact]
    public void The_config_file_is_DOCKER_CONFIG_slash_config_json_else_under_the_home_folder()
    {
        Assert.Equal("/ci/docker/config.json", DockerConfigFile.Locate(name => name == "DOCKER_CONFIG" ? "/ci/docker" : null, "/home/dev"));
        Assert.Equal("/home/dev/.docker/config.json", DockerConfigFile.Locate(_ => null, "/home/dev"));
    }

    [Fact]
    public async Task A_missing_config_file_is_an_empty_config()
    {
        var config = await DockerConfigFile.LoadAsync("/nonexistent/folder/config.json", CancellationToken.None);

        Assert.Empty(config.Auths);
        Assert.Null(config.CredentialsStore);
    }

    private sealed class ScriptedRunner(CredentialHelperOutput output) : ICredentialHelperRunner
    {
        public List<(string Helper, string Server)> Calls { get; } = [];

        public Task<CredentialHelperOutput?> GetAsync(string helper, string serverAddress, CancellationToken cancellationToken)
        {
            Calls.Add((helper, serverAddress));
            return Task.FromResult<CredentialHelperOutput?>(output);
        }
    }
}

using Declarative.Providers.Docker.Engine;

namespace Declarative.Providers.Docker.Tests.Engine;

public sealed class DockerContextResolutionTests : IDisposable
{
    /// <summary>sha256("ci"), computed outside the code under test: the folder name the docker CLI uses.</summary>
    private const string CiContextId = "1b158839f8aa339e89bb50b1603e90ec68e0fd5565fe10a7cb32729fddf7070a";

    private readonly DockerHome home = new();

    public void Dispose() => home.Dispose();

    [Fact]
    public void DOCKER_CONTEXT_names_the_context_whose_meta_is_stored_under_the_sha256_of_its_name()
    {
        home.Context(CiContextId, "ci", "tcp://10.0.0.5:2375", skipTlsVerify: false);

        var endpoint = Resolve(("DOCKER_CONTEXT", "ci"));

        Assert.Equal(new DockerEndpoint("tcp://10.0.0.5:2375", "docker context ci"), endpoint);
    }

    [Fact]
    public void The_current_context_of_config_json_is_used_when_DOCKER_CONTEXT_is_unset()
    {
        home.Context("remote", "unix:///run/remote.sock");
        home.CurrentContext("remote");

        Assert.Equal(new DockerEndpoint("unix:///run/remote.sock", "docker context remote"), Resolve());
    }

    [Fact]
    public void DOCKER_CONTEXT_wins_over_the_current_context()
    {
        home.Context("remote", "unix:///run/remote.sock");
        home.Context("ci", "tcp://10.0.0.5:2375");
        home.CurrentContext("remote");

        Assert.Equal("docker context ci", Resolve(("DOCKER_CONTEXT", "ci")).Source);
    }

    [Fact]
    public void DOCKER_CONFIG_replaces_the_docker_folder_in_home()
    {
        using var other = new DockerHome();
        other.Context("elsewhere", "tcp://10.9.9.9:2375");
        other.CurrentContext("elsewhere");
        home.CurrentContext("missing");

        Assert.Equal("tcp://10.9.9.9:2375", Resolve(("DOCKER_CONFIG", other.ConfigDirectory)).Host);
    }

    [Theory]
    [InlineData("DOCKER_CONTEXT")]
    [InlineData("config.json")]
    public void The_default_context_is_the_built_in_default_and_never_read_from_disk(string namedBy)
    {
        if (namedBy == "config.json")
        {
            home.CurrentContext("default");
        }

        var endpoint = namedBy == "config.json" ? Resolve() : Resolve(("DOCKER_CONTEXT", "default"));

        Assert.Equal(new DockerEndpoint("unix:///var/run/docker.sock", "default socket"), endpoint);
    }

    [Fact]
    public void A_config_json_without_current_context_gives_the_default_socket()
    {
        home.Write(".docker/config.json", """{"auths":{"127.0.0.1:5001":{"auth":"eDp5"}}}""");

        Assert.Equal("default socket", Resolve().Source);
    }

    [Fact]
    public void A_context_with_tls_files_verifies_against_its_ca_and_presents_its_certificate()
    {
        home.Context("secure", "tcp://10.0.0.5:2376", false, "ca.pem", "cert.pem", "key.pem");
        var tls = Path.Combine(home.ConfigDirectory, "contexts", "tls", DockerHome.ContextId("secure"), "docker");

        var endpoint = Resolve(("DOCKER_CONTEXT", "secure"));

        Assert.Equal(new DockerTlsMaterial(Path.Combine(tls, "ca.pem"), Path.Combine(tls, "cert.pem"), Path.Combine(tls, "key.pem"), Verify: true), endpoint.Tls);
    }

    [Fact]
    public void A_context_with_only_a_ca_verifies_without_a_client_certificate()
    {
        home.Context("secure", "tcp://10.0.0.5:2376", false, "ca.pem", "cert.pem");
        var tls = Path.Combine(home.ConfigDirectory, "contexts", "tls", DockerHome.ContextId("secure"), "docker");

        Assert.Equal(new DockerTlsMaterial(Path.Combine(tls, "ca.pem"), null, null, Verify: true), Resolve(("DOCKER_CONTEXT", "secure")).Tls);
    }

    [Fact]
    public void SkipTLSVerify_alone_turns_tls_on_without_verification()
    {
        home.Context("insecure", "tcp://10.0.0.5:2376", skipTlsVerify: true);

        Assert.Equal(new DockerTlsMaterial(null, null, null, Verify: false), Resolve(("DOCKER_CONTEXT", "insecure")).Tls);
    }

    [Fact]
    public void A_context_without_tls_files_is_plain()
    {
        home.Context("plain", "tcp://10.0.0.5:2375");

        Assert.Null(Resolve(("DOCKER_CONTEXT", "plain")).Tls);
    }

    [Fact]
    public void The_tls_variables_do_not_apply_to_a_context()
    {
        home.Context("plain", "tcp://10.0.0.5:2375");

        Assert.Null(Resolve(("DOCKER_CONTEXT", "plain"), ("DOCKER_TLS", "1")).Tls);
    }

    [Fact]
    public void A_missing_context_named_by_DOCKER_CONTEXT_says_which_file_is_missing_and_what_to_do()
    {
        var meta = Path.Combine(home.ConfigDirectory, "contexts", "meta", DockerHome.ContextId("gone"), "meta.json");

        var error = Assert.Throws<DockerConnectionException>(() => Resolve(("DOCKER_CONTEXT", "gone")));

        Assert.Equal(
            $"The Docker context \"gone\" (from DOCKER_CONTEXT) does not exist: {meta} is missing. Run `docker context ls` to see the contexts, then fix DOCKER_CONTEXT or set DOCKER_HOST instead.",
            error.Message);
    }

    [Fact]
    public void A_missing_current_context_names_config_json()
    {
        home.CurrentContext("gone");

        var error = Assert.Throws<DockerConnectionException>(() => Resolve());

        Assert.Contains($"(from currentContext in {Path.Combine(home.ConfigDirectory, "config.json")})", error.Message);
    }

    [Fact]
    public void A_context_cannot_be_found_without_home_or_DOCKER_CONFIG()
    {
        var error = Assert.Throws<DockerConnectionException>(() =>
            DockerEndpointResolver.Resolve(null, new Dictionary<string, string> { ["DOCKER_CONTEXT"] = "ci" }, string.Empty));

        Assert.Contains("neither DOCKER_CONFIG nor HOME is set", error.Message);
    }

    [Fact]
    public void A_malformed_config_json_is_named()
    {
        var path = home.Write(".docker/config.json", "{\"currentContext\": ");

        var error = Assert.Throws<DockerConnectionException>(() => Resolve());

        Assert.StartsWith($"{path} (the Docker CLI config) is not valid JSON: ", error.Message);
        Assert.EndsWith("Fix the JSON, or point DOCKER_CONFIG at another folder.", error.Message);
    }

    [Fact]
    public void A_malformed_meta_json_is_named()
    {
        var path = home.Write($".docker/contexts/meta/{DockerHome.ContextId("ci")}/meta.json", "[not json");

        var error = Assert.Throws<DockerConnectionException>(() => Resolve(("DOCKER_CONTEXT", "ci")));

        Assert.StartsWith($"{path} (the Docker context \"ci\") is not valid JSON: ", error.Message);
    }

    [Theory]
    [InlineData("""{"Name":"ci","Endpoints":{}}""")]
    [InlineData("""{"Name":"ci","Endpoints":{"docker":{"Host":""}}}""")]
    [InlineData("""["ci"]""")]
    public void A_context_without_a_docker_host_is_refused(string meta)
    {
        var path = home.Write($".docker/contexts/meta/{DockerHome.ContextId("ci")}/meta.json", meta);

        var error = Assert.Throws<DockerConnectionException>(() => Resolve(("DOCKER_CONTEXT", "ci")));

        Assert.Equal(
            $"The Docker context \"ci\" (from DOCKER_CONTEXT) has no Docker endpoint: {path} has no Endpoints.docker.Host. Recreate it with `docker context create ci --docker host=...`, or set DOCKER_HOST instead.",
            error.Message);
    }

    [Fact]
    public void An_ssh_context_is_not_supported_yet_and_the_file_is_named()
    {
        var path = home.Context("remote", "ssh://me@build-box");

        var error = Assert.Throws<DockerConnectionException>(() => Resolve(("DOCKER_CONTEXT", "remote")));

        Assert.StartsWith($"The host of the Docker context \"remote\" (Endpoints.docker.Host in {path}) is \"ssh://me@build-box\": ssh:// hosts are not supported yet.", error.Message);
    }

    private DockerEndpoint Resolve(params (string Name, string Value)[] variables) =>
        DockerEndpointResolver.Resolve(null, variables.ToDictionary(v => v.Name, v => v.Value), home.Home);
}

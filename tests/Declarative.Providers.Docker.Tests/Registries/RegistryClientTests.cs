using System.Net;
using System.Net.Sockets;
using Declarative.Providers.Docker.Registries;

namespace Declarative.Providers.Docker.Tests.Registries;

public sealed class RegistryClientTests
{
    private const string Manifest = """{"schemaVersion":2,"mediaType":"application/vnd.docker.distribution.manifest.v2+json"}""";

    private static readonly RegistryCredential Right = new(FakeRegistryServer.Username, FakeRegistryServer.Password);
    private static readonly RegistryCredential WrongPassword = new(FakeRegistryServer.Username, "wrong-pass-123") { Source = "the username and password of Registry \"fake\"" };

    private static readonly RegistryClientOptions FastRetries = new() { InitialDelay = TimeSpan.FromMilliseconds(1), MaxDelay = TimeSpan.FromMilliseconds(5) };

    private static Task<string?> DigestAsync(RegistryClient client, FakeRegistryServer server, string repository, string tag, RegistryCredential? credential) =>
        client.GetManifestDigestAsync(server.Registry, repository, tag, credential, insecure: false, CancellationToken.None);

    [Fact]
    public async Task A_bearer_challenge_is_answered_with_a_token_from_the_realm_and_the_digest_returned()
    {
        using var server = new FakeRegistryServer(FakeAuth.Bearer);
        var digest = server.AddManifest("team/app", "v1", Manifest);
        using var client = new RegistryClient();

        Assert.Equal(digest, await DigestAsync(client, server, "team/app", "v1", Right));

        var tokenRequest = server.Requests.Single(r => r.Path == "/token");
        Assert.Contains("scope=repository%3Ateam%2Fapp%3Apull", tokenRequest.Query, StringComparison.Ordinal);
        Assert.Contains("service=fake-registry", tokenRequest.Query, StringComparison.Ordinal);
        Assert.StartsWith("Basic ", tokenRequest.Authorization, StringComparison.Ordinal);
        Assert.Equal("Bearer token-1", server.Requests.Last().Authorization);
    }

    [Fact]
    public async Task A_token_is_reused_for_its_scope_until_it_expires()
    {
        using var server = new FakeRegistryServer(FakeAuth.Bearer) { TokenLifetimeSeconds = 120 };
        server.AddManifest("app", "v1", Manifest);
        server.AddManifest("app", "v2", Manifest + " ");
        server.AddManifest("other", "v1", Manifest);
        var clock = new ManualClock();
        using var client = new RegistryClient(new RegistryClientOptions { Clock = clock });

        await DigestAsync(client, server, "app", "v1", Right);
        await DigestAsync(client, server, "app", "v2", Right);
        await DigestAsync(client, server, "app", "v1", Right);
        Assert.Equal(1, server.TokenRequests);

        await DigestAsync(client, server, "other", "v1", Right);
        Assert.Equal(2, server.TokenRequests);

        clock.Advance(TimeSpan.FromSeconds(121));
        await DigestAsync(client, server, "app", "v1", Right);
        Assert.Equal(3, server.TokenRequests);
    }

    [Fact]
    public async Task A_token_the_registry_no_longer_accepts_is_replaced_once()
    {
        using var server = new FakeRegistryServer(FakeAuth.Bearer);
        var digest = server.AddManifest("app", "v1", Manifest);
        using var client = new RegistryClient();
        await DigestAsync(client, server, "app", "v1", Right);

        server.RevokeTokens();

        Assert.Equal(digest, await DigestAsync(client, server, "app", "v1", Right));
        Assert.Equal(2, server.TokenRequests);
    }

    [Fact]
    public async Task A_token_answered_as_access_token_without_lifetime_is_accepted()
    {
        using var server = new FakeRegistryServer(FakeAuth.Bearer) { UseAccessTokenField = true, TokenLifetimeSeconds = null };
        var digest = server.AddManifest("app", "v1", Manifest);
        using var client = new RegistryClient();

        Assert.Equal(digest, await DigestAsync(client, server, "app", "v1", Right));
    }

    [Fact]
    public async Task A_wrong_password_for_a_bearer_registry_is_an_auth_error_without_the_password()
    {
        using var server = new FakeRegistryServer(FakeAuth.Bearer);
        server.AddManifest("app", "v1", Manifest);
        using var client = new RegistryClient();

        var error = await Assert.ThrowsAsync<RegistryAuthException>(() => DigestAsync(client, server, "app", "v1", WrongPassword));

        Assert.Equal($"authentication to {server.Registry} failed for tester: check the username and password of Registry \"fake\"", error.Message);
        Assert.DoesNotContain(WrongPassword.Password, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Anonymous_tokens_read_public_repositories()
    {
        using var server = new FakeRegistryServer(FakeAuth.Bearer) { AnonymousPull = true };
        var digest = server.AddManifest("library/alpine", "3", Manifest);
        using var client = new RegistryClient();

        Assert.Equal(digest, await DigestAsync(client, server, "library/alpine", "3", null));
        Assert.Null(server.Requests.Single(r => r.Path == "/token").Authorization);
    }

    [Fact]
    public async Task Anonymous_access_to_a_private_repository_asks_for_a_credential()
    {
        using var server = new FakeRegistryServer(FakeAuth.Bearer);
        server.AddManifest("app", "v1", Manifest);
        using var client = new RegistryClient();

        var error = await Assert.ThrowsAsync<RegistryAuthException>(() => DigestAsync(client, server, "app", "v1", null));

        Assert.Contains($"{server.Registry} requires authentication to read app", error.Message, StringComparison.Ordinal);
        Assert.Contains($"docker login {server.Registry}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_identity_token_is_exchanged_with_a_refresh_token_grant()
    {
        using var server = new FakeRegistryServer(FakeAuth.Bearer);
        var digest = server.AddManifest("app", "v1", Manifest);
        using var client = new RegistryClient();

        var credential = RegistryCredential.FromIdentityToken(string.Empty, FakeRegistryServer.IdentityToken, "docker config");

        Assert.Equal(digest, await DigestAsync(client, server, "app", "v1", credential));
        var tokenRequest = server.Requests.Single(r => r.Path == "/token");
        Assert.Equal("POST", tokenRequest.Method);
        Assert.Contains("grant_type=refresh_token", tokenRequest.Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_basic_challenge_is_answered_with_the_credential_and_sent_up_front_afterwards()
    {
        using var server = new FakeRegistryServer(FakeAuth.Basic);
        var digest = server.AddManifest("app", "v1", Manifest);
        using var client = new RegistryClient();

        Assert.Equal(digest, await DigestAsync(client, server, "app", "v1", Right));
        Assert.Equal(2, server.ManifestRequests);

        Assert.Equal(digest, await DigestAsync(client, server, "app", "v1", Right));
        Assert.Equal(3, server.ManifestRequests);
    }

    [Fact]
    public async Task A_wrong_password_for_a_basic_registry_is_an_auth_error_without_the_password()
    {
        using var server = new FakeRegistryServer(FakeAuth.Basic);
        server.AddManifest("app", "v1", Manifest);
        using var client = new RegistryClient();

        var error = await Assert.ThrowsAsync<RegistryAuthException>(() => DigestAsync(client, server, "app", "v1", WrongPassword));

        Assert.StartsWith($"authentication to {server.Registry} failed for tester", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(WrongPassword.Password, error.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_manifest_request_accepts_docker_and_oci_manifests_and_indexes()
    {
        using var server = new FakeRegistryServer(FakeAuth.Open);
        server.AddManifest("app", "v1", Manifest);
        using var client = new RegistryClient();

        await DigestAsync(client, server, "app", "v1", null);

        var accepted = server.Requests.Single().Accept!.Split(',', StringSplitOptions.TrimEntries);
        Assert.Equal(
            [
                "application/vnd.docker.distribution.manifest.v2+json",
                "application/vnd.docker.distribution.manifest.list.v2+json",
                "application/vnd.oci.image.manifest.v1+json",
                "application/vnd.oci.image.index.v1+json",
            ],
            accepted);
    }

    [Fact]
    public async Task A_missing_tag_or_repository_has_no_digest()
    {
        using var server = new FakeRegistryServer(FakeAuth.Bearer);
        server.AddManifest("app", "v1", Manifest);
        using var client = new RegistryClient();

        Assert.Null(await DigestAsync(client, server, "app", "v9", Right));
        Assert.Null(await DigestAsync(client, server, "nothing-here", "v1", Right));
    }

    [Fact]
    public async Task Without_a_digest_header_on_HEAD_the_digest_comes_from_GET()
    {
        using var server = new FakeRegistryServer(FakeAuth.Open) { DigestHeader = FakeDigestHeader.NotOnHead };
        var digest = server.AddManifest("app", "v1", Manifest);
        using var client = new RegistryClient();

        Assert.Equal(digest, await DigestAsync(client, server, "app", "v1", null));
        Assert.Equal(["HEAD", "GET"], server.Requests.Select(r => r.Method));
    }

    [Fact]
    public async Task Without_any_digest_header_the_digest_is_the_sha256_of_the_manifest_served()
    {
        using var server = new FakeRegistryServer(FakeAuth.Open) { DigestHeader = FakeDigestHeader.Never };
        var digest = server.AddManifest("app", "v1", Manifest);
        using var client = new RegistryClient();

        Assert.Equal(digest, await DigestAsync(client, server, "app", "v1", null));
    }

    [Fact]
    public async Task Unavailable_answers_are_retried_a_few_times()
    {
        using var server = new FakeRegistryServer(FakeAuth.Open);
        var digest = server.AddManifest("app", "v1", Manifest);
        using var client = new RegistryClient(FastRetries);
        server.FailNextManifestRequests(2);

        Assert.Equal(digest, await DigestAsync(client, server, "app", "v1", null));
        Assert.Equal(3, server.ManifestRequests);
    }

    [Fact]
    public async Task A_registry_that_stays_unavailable_fails_after_the_last_attempt_with_its_answer()
    {
        using var server = new FakeRegistryServer(FakeAuth.Open);
        server.AddManifest("app", "v1", Manifest);
        using var client = new RegistryClient(FastRetries with { MaxAttempts = 3 });
        server.FailNextManifestRequests(100);

        var error = await Assert.ThrowsAsync<RegistryException>(() => DigestAsync(client, server, "app", "v1", null));

        Assert.Contains($"http://{server.Registry}/v2/app/manifests/v1 answered 503", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, server.ManifestRequests);
    }

    [Fact]
    public async Task A_refused_connection_fails_at_once_naming_the_registry_url()
    {
        int port;
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            port = ((IPEndPoint)probe.LocalEndpoint).Port;
        }

        using var client = new RegistryClient();

        var error = await Assert.ThrowsAsync<RegistryException>(() =>
            client.GetManifestDigestAsync($"127.0.0.1:{port}", "app", "v1", null, insecure: false, CancellationToken.None));

        Assert.Contains($"cannot connect to the registry at http://127.0.0.1:{port}/: connection refused", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Checking_credentials_accepts_the_right_ones_and_refuses_wrong_or_missing_ones()
    {
        using var bearer = new FakeRegistryServer(FakeAuth.Bearer);
        using var basic = new FakeRegistryServer(FakeAuth.Basic);
        using var open = new FakeRegistryServer(FakeAuth.Open);
        using var client = new RegistryClient();

        await client.CheckCredentialsAsync(bearer.Registry, Right, insecure: false, CancellationToken.None);
        await client.CheckCredentialsAsync(basic.Registry, Right, insecure: false, CancellationToken.None);
        await client.CheckCredentialsAsync(open.Registry, null, insecure: false, CancellationToken.None);

        var wrongBearer = await Assert.ThrowsAsync<RegistryAuthException>(() => client.CheckCredentialsAsync(bearer.Registry, WrongPassword, false, CancellationToken.None));
        var wrongBasic = await Assert.ThrowsAsync<RegistryAuthException>(() => client.CheckCredentialsAsync(basic.Registry, WrongPassword, false, CancellationToken.None));
        var missing = await Assert.ThrowsAsync<RegistryAuthException>(() => client.CheckCredentialsAsync(basic.Registry, null, false, CancellationToken.None));

        Assert.Contains("failed for tester", wrongBearer.Message, StringComparison.Ordinal);
        Assert.Contains("failed for tester", wrongBasic.Message, StringComparison.Ordinal);
        Assert.Contains("requires authentication", missing.Message, StringComparison.Ordinal);
        Assert.All(bearer.Requests.Where(r => r.Path == "/token"), r => Assert.DoesNotContain("scope=", r.Query, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Concurrent_lookups_on_one_client_all_get_their_digest()
    {
        using var server = new FakeRegistryServer(FakeAuth.Bearer);
        var digests = Enumerable.Range(0, 20).Select(i => server.AddManifest("app", $"v{i}", Manifest + new string(' ', i))).ToList();
        using var client = new RegistryClient();

        var found = await Task.WhenAll(Enumerable.Range(0, 20).Select(i => DigestAsync(client, server, "app", $"v{i}", Right)));

        Assert.Equal(digests, found);
    }
}

using System.Text.Json;
using System.Text.RegularExpressions;
using Declarative.Providers.Docker.Registries;
using Declarative.Testing;
using Declarative.Testing.Docker;

namespace Declarative.Providers.Docker.Tests.Registries;

/// <summary>
/// The registry client against the real registries of the test machine: 127.0.0.1:5000 (open) and 127.0.0.1:5001
/// (htpasswd, tester / s3cret-pass). Images are pushed with the docker CLI under a fresh repository per test, using a
/// temporary docker config; the local tags are removed afterwards (registry content stays: it cannot be deleted).
/// </summary>
public sealed partial class RegistryIntegrationTests : IAsyncLifetime
{
    private const string OpenRegistry = "127.0.0.1:5000";
    private const string AuthRegistry = "127.0.0.1:5001";
    private const string SourceImage = TestImages.BusyboxImage;
    private const string RegistryPassword = "s3cret-pass";

    private static readonly RegistryCredential Tester = new("tester", RegistryPassword);

    private readonly TempDirectory _dockerConfig = new();
    private readonly List<string> _pushed = [];
    private readonly DockerCli _docker;
    private readonly string _repository = "decl-registry-test-" + Guid.NewGuid().ToString("N")[..10];

    public RegistryIntegrationTests() => _docker = new DockerCli(_dockerConfig.Root);

    /// <summary>The image pushed is the shared FROM-scratch busybox, built once per test run in the engine.</summary>
    public async Task InitializeAsync()
    {
        if (DockerTestServices.Current.IsAvailable)
        {
            await TestImages.EnsureBusyboxImageAsync(CancellationToken.None);
        }
    }

    public async Task DisposeAsync()
    {
        foreach (var reference in _pushed)
        {
            await _docker.TryRunAsync("rmi", reference);
        }

        _dockerConfig.Dispose();
    }

    [RegistryFact]
    public async Task The_digest_of_a_pushed_tag_is_the_digest_docker_pushed()
    {
        var (pushed, repoDigest) = await PushAsync(OpenRegistry, "t1");
        using var client = new RegistryClient();

        var digest = await client.GetManifestDigestAsync(OpenRegistry, _repository, "t1", null, insecure: false, CancellationToken.None);

        Assert.Equal(pushed, digest);
        Assert.Equal(repoDigest, digest);
    }

    [RegistryFact]
    public async Task A_tag_or_repository_that_was_never_pushed_has_no_digest()
    {
        await PushAsync(OpenRegistry, "t1");
        using var client = new RegistryClient();

        Assert.Null(await client.GetManifestDigestAsync(OpenRegistry, _repository, "never-pushed", null, false, CancellationToken.None));
        Assert.Null(await client.GetManifestDigestAsync(OpenRegistry, _repository + "-absent", "t1", null, false, CancellationToken.None));
    }

    [RegistryFact]
    public async Task A_registry_with_basic_auth_gives_the_digest_to_the_right_credential_only()
    {
        await _docker.RunAsync(RegistryPassword + "\n", "login", AuthRegistry, "-u", "tester", "--password-stdin");
        var (pushed, repoDigest) = await PushAsync(AuthRegistry, "t1");
        using var client = new RegistryClient();

        var digest = await client.GetManifestDigestAsync(AuthRegistry, _repository, "t1", Tester, insecure: false, CancellationToken.None);
        Assert.Equal(pushed, digest);
        Assert.Equal(repoDigest, digest);
        Assert.Null(await client.GetManifestDigestAsync(AuthRegistry, _repository, "never-pushed", Tester, false, CancellationToken.None));

        var wrong = Tester with { Password = "not-the-password" };
        var refused = await Assert.ThrowsAsync<RegistryAuthException>(() =>
            client.GetManifestDigestAsync(AuthRegistry, _repository, "t1", wrong, false, CancellationToken.None));
        Assert.Equal($"authentication to {AuthRegistry} failed for tester: check the Registry's username and password", refused.Message);
        Assert.DoesNotContain("not-the-password", refused.ToString(), StringComparison.Ordinal);

        var anonymous = await Assert.ThrowsAsync<RegistryAuthException>(() =>
            client.GetManifestDigestAsync(AuthRegistry, _repository, "t1", null, false, CancellationToken.None));
        Assert.Contains("requires authentication", anonymous.Message, StringComparison.Ordinal);
    }

    [RegistryFact]
    public async Task The_credential_docker_login_stored_is_found_and_accepted()
    {
        await _docker.RunAsync(RegistryPassword + "\n", "login", AuthRegistry, "-u", "tester", "--password-stdin");
        using var resolver = new RegistryCredentialResolver(name => name == "DOCKER_CONFIG" ? _dockerConfig.Root : null, "/nonexistent-home");
        using var client = new RegistryClient();

        var credential = await resolver.ResolveAsync(AuthRegistry, null, CancellationToken.None);

        Assert.Equal("tester", credential!.Username);
        await client.CheckCredentialsAsync(AuthRegistry, credential, insecure: false, CancellationToken.None);
    }

    [RegistryFact]
    public async Task Checking_credentials_before_a_push_refuses_a_wrong_password()
    {
        using var client = new RegistryClient();

        await client.CheckCredentialsAsync(AuthRegistry, Tester, insecure: false, CancellationToken.None);
        await client.CheckCredentialsAsync(OpenRegistry, null, insecure: false, CancellationToken.None);
        var error = await Assert.ThrowsAsync<RegistryAuthException>(() =>
            client.CheckCredentialsAsync(AuthRegistry, Tester with { Password = "wrong" }, false, CancellationToken.None));

        Assert.Contains("failed for tester", error.Message, StringComparison.Ordinal);
    }

    /// <summary>Tags the test image into this test's repository, pushes it, and returns the digest from the push
    /// output and from the image's RepoDigests.</summary>
    private async Task<(string Pushed, string RepoDigest)> PushAsync(string registry, string tag)
    {
        var reference = $"{registry}/{_repository}:{tag}";
        await _docker.RunAsync(null, "tag", SourceImage, reference);
        _pushed.Add(reference);
        var output = await _docker.RunAsync(null, "push", reference);
        var pushed = PushedDigest().Match(output) is { Success: true } match
            ? match.Groups[1].Value
            : throw new InvalidOperationException($"docker push printed no digest: {output}");

        var repoDigests = JsonSerializer.Deserialize<string[]>(await _docker.RunAsync(null, "inspect", "--format", "{{json .RepoDigests}}", reference))!;
        var prefix = $"{registry}/{_repository}@";
        var repoDigest = repoDigests.Single(d => d.StartsWith(prefix, StringComparison.Ordinal))[prefix.Length..];
        return (pushed, repoDigest);
    }

    [GeneratedRegex(@"digest: (sha256:[0-9a-f]{64})")]
    private static partial Regex PushedDigest();
}

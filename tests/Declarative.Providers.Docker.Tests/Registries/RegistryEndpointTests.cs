using Declarative.Providers.Docker.Registries;

namespace Declarative.Providers.Docker.Tests.Registries;

public sealed class RegistryEndpointTests
{
    [Theory]
    [InlineData("127.0.0.1:5000", false, "http://127.0.0.1:5000/")]
    [InlineData("127.3.4.5:5000", false, "http://127.3.4.5:5000/")]
    [InlineData("localhost:5000", false, "http://localhost:5000/")]
    [InlineData("[::1]:5000", false, "http://[::1]:5000/")]
    [InlineData("registry.internal:5000", true, "http://registry.internal:5000/")]
    [InlineData("registry.internal:5000", false, "https://registry.internal:5000/")]
    [InlineData("ghcr.io", false, "https://ghcr.io/")]
    [InlineData("docker.io", false, "https://registry-1.docker.io/")]
    [InlineData("https://localhost:5443/", false, "https://localhost:5443/")]
    public void Loopback_and_insecure_registries_use_plain_HTTP_and_others_HTTPS(string server, bool insecure, string expected)
    {
        Assert.Equal(expected, RegistryEndpoint.For(server, insecure).BaseUri.AbsoluteUri);
    }

    [Fact]
    public void Docker_Hub_official_images_live_under_library()
    {
        var hub = RegistryEndpoint.For("docker.io", insecure: false);

        Assert.Equal("library/alpine", hub.RepositoryPath("alpine"));
        Assert.Equal("bitnami/redis", hub.RepositoryPath("bitnami/redis"));
        Assert.Equal("alpine", RegistryEndpoint.For("127.0.0.1:5000", insecure: false).RepositoryPath("alpine"));
    }

    [Fact]
    public void Challenges_with_commas_inside_quotes_are_read_whole()
    {
        var challenge = AuthChallenge.Choose([
            "Basic realm=\"fallback\"",
            "Bearer realm=\"https://auth.example/token\",service=\"registry.example\",scope=\"repository:app:pull,push\"",
        ]);

        Assert.True(challenge!.IsBearer);
        Assert.Equal("https://auth.example/token", challenge["realm"]);
        Assert.Equal("registry.example", challenge["service"]);
        Assert.Equal("repository:app:pull,push", challenge["scope"]);
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Declarative.Testing.Docker;

namespace Declarative.Providers.Docker.Tests.Services;

/// <summary>The services scripts/ensure-docker.sh provides are there and behave as the Docker tests assume.</summary>
public sealed class DockerTestServicesTests
{
    private static readonly DockerTestServices Services = DockerTestServices.Current;
    private static readonly CancellationToken None = CancellationToken.None;

    [DockerFact]
    public async Task The_engine_answers_ping()
    {
        using var client = Services.CreateEngineHttpClient(TimeSpan.FromSeconds(10));

        using var response = await client.GetAsync(new Uri("_ping", UriKind.Relative), None);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("OK", await response.Content.ReadAsStringAsync(None));
        Assert.True(response.Headers.Contains("Api-Version"), "the engine's /_ping names no Api-Version");
    }

    [DockerFact]
    public async Task The_open_registry_answers_without_credentials()
    {
        using var response = await GetApiRootAsync(Services.Registry, authorization: null);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [DockerFact]
    public async Task The_auth_registry_asks_for_basic_credentials()
    {
        using var response = await GetApiRootAsync(Services.AuthRegistry, authorization: null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(response.Headers.WwwAuthenticate, challenge => challenge.Scheme == "Basic");
    }

    [DockerFact]
    public async Task The_auth_registry_accepts_the_test_user()
    {
        using var response = await GetApiRootAsync(Services.AuthRegistry, Basic(Services.AuthUser, Services.AuthPassword));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [DockerFact]
    public async Task The_auth_registry_rejects_a_wrong_password()
    {
        using var response = await GetApiRootAsync(Services.AuthRegistry, Basic(Services.AuthUser, "not-" + Services.AuthPassword));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [DockerFact]
    public async Task The_busybox_test_image_runs_a_command()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        var image = await TestImages.EnsureBusyboxImageAsync(timeout.Token);
        var name = TestImages.UniqueName("services-echo");

        var result = await DockerCli.RunAsync(["run", "--rm", "--name", name, image, "echo", "hi"], timeout.Token);

        Assert.True(result.ExitCode == 0, result.Describe());
        Assert.Equal("hi\n", result.StandardOutput);
    }

    [Fact]
    public void An_engine_that_does_not_answer_is_not_available()
    {
        var services = new DockerTestServices(
            "unix:///nonexistent/declarative/docker.sock", Services.Registry, Services.AuthRegistry, Services.AuthUser, Services.AuthPassword);

        Assert.False(services.IsAvailable);
    }

    [Fact]
    public void Unique_names_are_the_prefix_and_eight_random_hex_digits()
    {
        var first = TestImages.UniqueName("vol");
        var second = TestImages.UniqueName("vol");

        Assert.Matches(new Regex("^vol-[0-9a-f]{8}$"), first);
        Assert.NotEqual(first, second);
    }

    private static AuthenticationHeaderValue Basic(string user, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{password}")));

    private static async Task<HttpResponseMessage> GetApiRootAsync(string registry, AuthenticationHeaderValue? authorization)
    {
        using var client = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri($"http://{registry}/v2/"));
        request.Headers.Authorization = authorization;
        return await client.SendAsync(request, None);
    }
}

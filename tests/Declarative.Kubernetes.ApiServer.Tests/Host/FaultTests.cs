using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Faults;

namespace Declarative.Kubernetes.ApiServer.Tests.Host;

public sealed class FaultTests
{
    private const string PodsPath = "/api/v1/namespaces/default/pods";

    [Fact]
    public async Task Answers_429_as_plain_text_with_retry_after()
    {
        await using var host = await HostTestSupport.StartAsync();
        using var client = host.CreateClient();
        host.State.Faults.Add(new FaultRule(FaultKind.TooManyRequests, 1.0, ["list"], RetryAfterSeconds: 3));

        using var response = await client.GetAsync(PodsPath);

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("Too many requests, please try again later.\n", await response.Content.ReadAsStringAsync());
        Assert.Equal(TimeSpan.FromSeconds(3), response.Headers.RetryAfter!.Delta);
    }

    [Theory]
    [InlineData(FaultKind.InternalError, 500, "InternalError")]
    [InlineData(FaultKind.ServiceUnavailable, 503, "ServiceUnavailable")]
    [InlineData(FaultKind.Timeout, 504, "Timeout")]
    [InlineData(FaultKind.Unauthorized, 401, "Unauthorized")]
    [InlineData(FaultKind.Forbidden, 403, "Forbidden")]
    public async Task Answers_a_forced_failure_with_its_Status(FaultKind kind, int code, string reason)
    {
        await using var host = await HostTestSupport.StartAsync();
        using var client = host.CreateClient();
        host.State.Faults.FailAll(kind);

        using var response = await client.GetAsync(PodsPath + "/web");
        var status = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

        Assert.Equal(code, (int)response.StatusCode);
        Assert.Equal("Status", status["kind"]!.GetValue<string>());
        Assert.Equal(reason, status["reason"]!.GetValue<string>());
        Assert.Equal(code, status["code"]!.GetValue<int>());
    }

    [Fact]
    public async Task Words_a_forced_403_as_rbac_does()
    {
        await using var host = await HostTestSupport.StartAsync();
        using var client = host.CreateClient();
        host.State.Faults.Fail(FaultKind.Forbidden, 1.0, "get");

        var status = JsonNode.Parse(await client.GetStringAsyncAllowingErrors("/apis/apps/v1/namespaces/shop/deployments/web"))!;

        Assert.Equal(
            "deployments.apps \"web\" is forbidden: User \"declarative\" cannot get resource \"deployments\" in API group \"apps\" in the namespace \"shop\"",
            status["message"]!.GetValue<string>());
        Assert.Equal("{\"name\":\"web\",\"group\":\"apps\",\"kind\":\"deployments\"}", status["details"]!.ToJsonString());
    }

    [Fact]
    public async Task Fails_only_the_verbs_a_rule_names()
    {
        await using var host = await HostTestSupport.StartAsync();
        using var client = host.CreateClient();
        host.State.Faults.Fail(FaultKind.ServiceUnavailable, 1.0, "create", "patch");

        using var list = await client.GetAsync(PodsPath);
        using var create = await client.PostAsync(PodsPath, new StringContent("{}", Encoding.UTF8, "application/json"));

        Assert.NotEqual(HttpStatusCode.ServiceUnavailable, list.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, create.StatusCode);
    }

    [Fact]
    public async Task Fails_the_same_requests_for_the_same_seed()
    {
        await using var host = await HostTestSupport.StartAsync();
        using var client = host.CreateClient();
        host.State.Faults.Seed = 7;
        host.State.Faults.Fail(FaultKind.InternalError, 0.5, "list");

        var first = await CodesAsync(client, 20);
        host.State.Faults.Seed = 7;
        var second = await CodesAsync(client, 20);

        Assert.Equal(first, second);
        Assert.Contains(500, first);
        Assert.Contains(first, code => code != 500);
    }

    [Fact]
    public async Task Drops_the_connection_without_an_answer()
    {
        await using var host = await HostTestSupport.StartAsync();
        using var client = host.CreateClient();
        host.State.Faults.FailAll(FaultKind.DropConnection);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync(PodsPath));
    }

    [Fact]
    public async Task Delays_every_answer_by_the_latency()
    {
        await using var host = await HostTestSupport.StartAsync();
        using var client = host.CreateClient();
        host.State.Faults.Latency = TimeSpan.FromMilliseconds(300);

        var watch = Stopwatch.StartNew();
        using var response = await client.GetAsync("/version");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(watch.Elapsed >= TimeSpan.FromMilliseconds(290), $"took {watch.Elapsed}");
    }

    [Fact]
    public async Task Sets_and_clears_faults_through_the_admin_endpoint()
    {
        await using var host = await HostTestSupport.StartAsync();
        using var client = host.CreateClient();
        const string body = """{"seed":3,"rules":[{"kind":"ServiceUnavailable","share":1,"verbs":["get"],"retryAfterSeconds":2}],"rejectWrites":true}""";

        using var set = await client.PostAsync(FaultAdminEndpoint.Path, new StringContent(body, Encoding.UTF8, "application/json"));
        using var failed = await client.GetAsync(PodsPath + "/web");
        using var cleared = await client.DeleteAsync(FaultAdminEndpoint.Path);
        using var after = await client.GetAsync(PodsPath + "/web");

        Assert.Equal(HttpStatusCode.OK, set.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, failed.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(2), failed.Headers.RetryAfter!.Delta);
        Assert.Equal(HttpStatusCode.OK, cleared.StatusCode);
        Assert.NotEqual(HttpStatusCode.ServiceUnavailable, after.StatusCode);
        Assert.False(host.State.Faults.RejectWrites);
    }

    [Fact]
    public async Task Refuses_the_admin_endpoint_without_credentials()
    {
        await using var host = await HostTestSupport.StartAsync();
        using var client = host.CreateAnonymousClient();

        using var response = await client.PostAsync(FaultAdminEndpoint.Path, new StringContent("""{"rejectWrites":true}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.False(host.State.Faults.RejectWrites);
    }

    private static async Task<List<int>> CodesAsync(HttpClient client, int count)
    {
        var codes = new List<int>();
        for (var i = 0; i < count; i++)
        {
            using var response = await client.GetAsync(PodsPath);
            codes.Add((int)response.StatusCode);
        }

        return codes;
    }
}

internal static class HttpClientExtensions
{
    public static async Task<string> GetStringAsyncAllowingErrors(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return await response.Content.ReadAsStringAsync();
    }
}

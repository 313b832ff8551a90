using Declarative.Kubernetes.ApiServer.Tests.Host;

namespace Declarative.Kubernetes.ApiServer.Tests.Kubectl;

/// <summary>Issue 16's "real kubectl against the double sees the same errors it sees on a cluster": a manifest with
/// a typo, applied server-side and created with kubectl's default --validate=strict.</summary>
public sealed class KubectlFieldValidationTests
{
    private const string Typo = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: default
        spec:
          replicaz: 3
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: web
                image: nginx:1.27
        """;

    [KubectlFact]
    public async Task Server_side_apply_of_a_typo_fails_with_the_typed_patch_error()
    {
        await using var host = await HostTestSupport.StartAsync();
        using var kubectl = new KubectlRunner(host);
        var file = await WriteAsync(kubectl);

        var result = await kubectl.RunAsync("apply", "--server-side", "-f", file);

        Assert.True(result.ExitCode == 1, result.Describe(1));
        Assert.Contains("failed to create typed patch object (default/web; apps/v1, Kind=Deployment): .spec.replicaz: field not declared in schema", result.Stderr, StringComparison.Ordinal);
        Assert.Equal(1, (await kubectl.RunAsync("get", "deployment", "web")).ExitCode);
    }

    [KubectlFact]
    public async Task Create_with_kubectl_default_strict_validation_shows_the_strict_decoding_error()
    {
        await using var host = await HostTestSupport.StartAsync();
        using var kubectl = new KubectlRunner(host);
        var file = await WriteAsync(kubectl);

        var result = await kubectl.RunAsync("create", "-f", file);

        Assert.True(result.ExitCode == 1, result.Describe(1));
        Assert.Contains(
            $"Error from server (BadRequest): error when creating \"{file}\": Deployment in version \"v1\" cannot be handled as a Deployment: strict decoding error: unknown field \"spec.replicaz\"",
            result.Stderr,
            StringComparison.Ordinal);
    }

    [KubectlFact]
    public async Task Create_with_validate_warn_prints_the_servers_warning_and_creates_the_object()
    {
        await using var host = await HostTestSupport.StartAsync();
        using var kubectl = new KubectlRunner(host);
        var file = await WriteAsync(kubectl);

        var result = await kubectl.RunAsync("create", "--validate=warn", "-f", file);

        Assert.True(result.ExitCode == 0, result.Describe(0));
        Assert.Contains("Warning: unknown field \"spec.replicaz\"", result.Stderr, StringComparison.Ordinal);
        Assert.Equal("1", await kubectl.MustAsync("get", "deployment", "web", "-o", "jsonpath={.spec.replicas}"));
    }

    private static async Task<string> WriteAsync(KubectlRunner kubectl)
    {
        var file = Path.Combine(kubectl.Directory, "typo.yaml");
        await File.WriteAllTextAsync(file, Typo);
        return file;
    }
}

using Declarative.Testing;

namespace Declarative.Cli.Tests;

public sealed class SecretMaskingTests
{
    private const string Password = "s3cr3t-hunter2";

    private static TempDirectory Project() => new(new Dictionary<string, string>
    {
        ["secret.yaml"] = $"apiVersion: v1\nkind: Secret\nmetadata:\n  name: db\nstringData:\n  password: {Password}\ndata:\n  token: czNjcjN0LWh1bnRlcjI=\n",
        ["registry.yaml"] = $"apiVersion: docker.declarative.dev/v1\nkind: Registry\nmetadata:\n  name: hub\nspec:\n  server: registry.example:5000\n  username: ci\n  password: {Password}\n",
    });

    [Fact]
    public async Task Render_masks_secret_data_and_registry_passwords()
    {
        using var dir = Project();

        var result = await CliRunner.RunAsync(dir.Root, "render");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain(Password, result.All, StringComparison.Ordinal);
        Assert.DoesNotContain("czNjcjN0LWh1bnRlcjI=", result.All, StringComparison.Ordinal);
        Assert.Contains("  password: (sensitive)\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  token: (sensitive)\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  username: ci\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_secrets_prints_them()
    {
        using var dir = Project();

        var result = await CliRunner.RunAsync(dir.Root, "render", "--show-secrets");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"  password: {Password}\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_and_graph_never_print_secret_values()
    {
        using var dir = Project();

        var validate = await CliRunner.RunAsync(dir.Root, "validate");
        var graph = await CliRunner.RunAsync(dir.Root, "graph", "--format", "dot");

        Assert.Equal(0, validate.ExitCode);
        Assert.DoesNotContain(Password, validate.All + graph.All, StringComparison.Ordinal);
    }
}

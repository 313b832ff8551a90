using Declarative.Testing;

namespace Declarative.Cli.Tests;

public sealed class CommandLineTests
{
    [Fact]
    public async Task Help_lists_the_commands_and_common_options()
    {
        var result = await CliRunner.RunAsync(TestPaths.RepositoryRoot, "--help");

        Assert.Equal(0, result.ExitCode);
        GoldenFile.Assert(result.Stdout, "Golden/help.txt");
    }

    [Fact]
    public async Task Version_prints_the_product_version()
    {
        var result = await CliRunner.RunAsync(TestPaths.RepositoryRoot, "--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+\n$", result.Stdout);
    }

    [Fact]
    public async Task Graph_rejects_an_unknown_format()
    {
        var result = await CliRunner.RunAsync(TestPaths.RepositoryRoot, "graph", "examples/kubia", "--env", "dev", "--format", "svg");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("svg", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_project_with_several_environments_needs_env_for_render()
    {
        var result = await CliRunner.RunAsync(TestPaths.RepositoryRoot, "render", "examples/kubia");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: examples/kubia/declarative.yaml:9:3: DCL107 Choose an environment", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("dev, local, prod", result.Stderr, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_output_with_several_errors_is_sorted_and_counted()
    {
        using var dir = new TempDirectory(new Dictionary<string, string>
        {
            ["b.yaml"] = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  generateName: x-\n",
            ["a.yaml"] = "apiVersion: docker.declarative.dev/v1\nkind: Container\nmetadata: { name: web }\nspec:\n  image: busybox\n  ports: [\"80:80/tcpx\"]\n  restart: sometimes\n",
        });

        var result = await CliRunner.RunAsync(dir.Root, "validate");

        Assert.Equal(1, result.ExitCode);
        GoldenFile.Assert(result.Stdout, "Golden/validate-errors.txt");
    }
}

public sealed class DiagnosticPathTests
{
    [Fact]
    public async Task Places_in_detail_lines_are_relative_to_the_working_directory_too()
    {
        using var dir = new TempDirectory(new Dictionary<string, string>
        {
            ["project/a.yaml"] = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: same\n",
            ["project/b.yaml"] = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: same\n",
            ["elsewhere/.keep"] = string.Empty,
        });

        var result = await CliRunner.RunAsync(dir.PathOf("elsewhere"), "validate", "../project");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error: ../project/b.yaml:4:9: DCL130 Duplicate resource address", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("is already defined at ../project/a.yaml:4:9.", result.Stdout, StringComparison.Ordinal);
        Assert.DoesNotContain(dir.Root, result.Stdout, StringComparison.Ordinal);
    }
}

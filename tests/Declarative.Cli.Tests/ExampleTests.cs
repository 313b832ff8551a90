using Declarative.Testing;

namespace Declarative.Cli.Tests;

/// <summary>The examples are golden tests, so they cannot rot.</summary>
public sealed class ExampleTests
{
    private static Task<CliResult> Decl(params string[] args) => CliRunner.RunAsync(TestPaths.RepositoryRoot, args);

    [Fact]
    public async Task Validate_checks_every_environment_of_kubia()
    {
        var result = await Decl("validate", "examples/kubia");

        Assert.True(result.ExitCode == 0, result.All);
        GoldenFile.Assert(result.Stdout, "Golden/validate-kubia.txt");
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("local")]
    [InlineData("prod")]
    public async Task Render_kubia_is_byte_stable(string environment)
    {
        var first = await Decl("render", "examples/kubia", "--env", environment);
        var second = await Decl("render", "examples/kubia", "--env", environment);

        Assert.True(first.ExitCode == 0, first.All);
        Assert.Equal(first.Stdout, second.Stdout);
        GoldenFile.Assert(first.Stdout, $"Golden/render-kubia-{environment}.txt");
    }

    [Theory]
    [InlineData("text", "txt")]
    [InlineData("dot", "dot")]
    [InlineData("mermaid", "mmd")]
    public async Task Graph_of_kubia_dev(string format, string extension)
    {
        var result = await Decl("graph", "examples/kubia", "--env", "dev", "--format", format);

        Assert.True(result.ExitCode == 0, result.All);
        GoldenFile.Assert(result.Stdout, $"Golden/graph-kubia-dev.{extension}");
    }

    [Fact]
    public async Task Dot_graph_shows_each_required_edge_with_its_reason()
    {
        var result = await Decl("graph", "examples/kubia", "--env", "dev", "--format", "dot");

        Assert.Contains("\"Image.docker.declarative.dev/kubia\" -> \"Registry.docker.declarative.dev/local\" [label=\"spec.registry names Registry local\"];", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"Deployment.apps/kubia-dev/kubia\" -> \"Image.docker.declarative.dev/kubia\" [label=\"spec.template.spec.containers[name=kubia].image references ${image:kubia}\"];", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"Deployment.apps/kubia-dev/kubia\" -> \"Namespace/kubia-dev\" [label=\"metadata.namespace is kubia-dev\"];", result.Stdout, StringComparison.Ordinal);
        var local = await Decl("graph", "examples/kubia", "--env", "local", "--format", "dot");
        Assert.Contains("\"Container.docker.declarative.dev/kubia-container\" -> \"Image.docker.declarative.dev/kubia\" [label=\"spec.image references ${image:kubia}\"];", local.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"Registry.docker.declarative.dev/local\" -> \"Container.docker.declarative.dev/kubia-registry\"", local.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Values_from_the_command_line_reach_the_rendered_documents()
    {
        var result = await Decl("render", "examples/kubia", "--env", "dev", "--set", "replicas=7", "--set-string", "baseImage=busybox:1.36");

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("  replicas: 7\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("BASE_IMAGE: busybox:1.36", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plain_manifests_are_an_implicit_project_and_never_templated()
    {
        var validate = await Decl("validate", "examples/plain-manifests");
        var render = await Decl("render", "examples/plain-manifests");

        Assert.True(validate.ExitCode == 0, validate.All);
        Assert.Contains("Project \"plain-manifests\" is valid: default", validate.Stdout, StringComparison.Ordinal);
        Assert.Contains("{{ $labels.instance }}", render.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("guestbook", 6)]
    [InlineData("prometheus-rules", 3)]
    [InlineData("cert-manager", 6)]
    [InlineData("kube-prometheus", 96)]
    public async Task Public_style_manifests_validate_as_they_are(string folder, int resources)
    {
        var result = await Decl("validate", $"tests/fixtures/public/{folder}");

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains($"default ({resources} resources)", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Certificates_depend_on_their_crd_from_the_project()
    {
        var result = await Decl("graph", "tests/fixtures/public/cert-manager");

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("-> CustomResourceDefinition.apiextensions.k8s.io/certificates.cert-manager.io", result.Stdout, StringComparison.Ordinal);
    }
}

using Declarative.Testing;

namespace Declarative.Cli.Tests;

/// <summary>The default namespace: the environment's, then the kubeconfig context's, then "default".</summary>
public sealed class DefaultNamespaceTests
{
    private const string Kubeconfig = """
        apiVersion: v1
        kind: Config
        current-context: team-a
        clusters:
        - name: c
          cluster: { server: "https://127.0.0.1:6443" }
        users:
        - name: u
          user: { token: t }
        contexts:
        - name: team-a
          context: { cluster: c, user: u, namespace: team-a }
        - name: team-b
          context: { cluster: c, user: u, namespace: team-b }
        """;

    private static TempDirectory Folder() => new(new Dictionary<string, string>
    {
        ["kubeconfig"] = Kubeconfig,
        ["app/cm.yaml"] = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n",
    });

    [Fact]
    public async Task The_current_context_namespace_applies_when_the_environment_names_none()
    {
        using var dir = Folder();

        var result = await CliRunner.RunAsync(dir.Root, "render", "app", "--kubeconfig", "kubeconfig");

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("  namespace: team-a\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Context_option_picks_another_context_and_KUBECONFIG_is_read()
    {
        using var dir = Folder();
        var environment = new Dictionary<string, string> { ["KUBECONFIG"] = dir.PathOf("kubeconfig") };

        var result = await CliRunner.RunAsync(dir.Root, environment, "render", "app", "--context", "team-b");

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("  namespace: team-b\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_kubeconfig_the_namespace_is_default_and_the_environment_wins_over_the_context()
    {
        using var dir = Folder();
        dir.Write("app/declarative.yaml", "apiVersion: declarative.dev/v1\nkind: Project\nmetadata: {name: app}\nspec:\n  include: [\"*.yaml\"]\n  environments:\n    dev: {kubernetes: {namespace: from-env}}\n");

        var withEnv = await CliRunner.RunAsync(dir.Root, "render", "app", "--kubeconfig", "kubeconfig");
        using var bare = new TempDirectory(new Dictionary<string, string> { ["cm.yaml"] = "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: settings\n" });
        var noKubeconfig = await CliRunner.RunAsync(bare.Root, "render");

        Assert.Contains("  namespace: from-env\n", withEnv.Stdout, StringComparison.Ordinal);
        Assert.Contains("  namespace: default\n", noKubeconfig.Stdout, StringComparison.Ordinal);
    }
}

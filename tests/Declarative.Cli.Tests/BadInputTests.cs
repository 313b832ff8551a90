using Declarative.Testing;

namespace Declarative.Cli.Tests;

/// <summary>Bad input never crashes: one located error line with its code, and exit code 1.</summary>
public sealed class BadInputTests
{
    private const string ProjectFile = """
        apiVersion: declarative.dev/v1
        kind: Project
        metadata:
          name: shop
        spec:
          include: ["manifests/**/*.yaml"]
          values: values.yaml
          environments:
            local: {}
            dev:
              kubernetes: { namespace: shop-dev }
        """;

    private const string Registry = """
        apiVersion: docker.declarative.dev/v1
        kind: Registry
        metadata:
          name: local
        spec:
          server: 127.0.0.1:5000
        """;

    private const string Image = """
        apiVersion: docker.declarative.dev/v1
        kind: Image
        metadata:
          name: web
        spec:
          context: ../app
          repository: 127.0.0.1:5000/web
          registry: local
        """;

    private const string Container = """
        apiVersion: docker.declarative.dev/v1
        kind: Container
        metadata:
          name: web
        spec:
          image: ${image:web}
          ports: ["8080:8080"]
          restart: always
        """;

    private const string Deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          annotations:
            declarative.dev/environments: "dev"
        spec:
          replicas: {{ values.replicas }}
          selector:
            matchLabels: { app: web }
          template:
            metadata:
              labels: { app: web }
            spec:
              containers:
              - name: web
                image: ${image:web}
        """;

    public static TheoryData<string, string, string, string> Cases => new()
    {
        // name, file to replace, its new text, expected error line prefix
        { "yaml syntax", "manifests/container.yaml", Container.Replace("ports: [\"8080:8080\"]", "ports: [\"8080:8080\"", StringComparison.Ordinal), "error: manifests/container.yaml:" },
        { "tab indentation", "manifests/registry.yaml", Registry.Replace("  server", "\tserver", StringComparison.Ordinal), "error: manifests/registry.yaml:6:1: DCL101" },
        { "duplicate yaml key", "manifests/registry.yaml", Registry + "\n  server: 127.0.0.1:5001\n", "error: manifests/registry.yaml:7:3: DCL101" },
        { "not a map", "manifests/extra.yaml", "- a\n- b\n", "error: manifests/extra.yaml:1:1: DCL102" },
        { "missing name", "manifests/extra.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  labels: { a: b }\n", "error: manifests/extra.yaml:4:3: DCL103" },
        { "generateName only", "manifests/extra.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  generateName: cfg-\n", "error: manifests/extra.yaml:4:17: DCL131" },
        { "wrong type", "manifests/container.yaml", Container.Replace("ports: [\"8080:8080\"]", "ports: { http: 8080 }", StringComparison.Ordinal), "error: manifests/container.yaml:7:10: DCL122" },
        { "unknown docker field", "manifests/container.yaml", Container.Replace("restart: always", "restrat: always", StringComparison.Ordinal), "error: manifests/container.yaml:8:3: DCL120" },
        { "bad port", "manifests/container.yaml", Container.Replace("8080:8080", "8080:99999", StringComparison.Ordinal), "error: manifests/container.yaml:7:11: DCL123" },
        { "bad restart", "manifests/container.yaml", Container.Replace("restart: always", "restart: sometimes", StringComparison.Ordinal), "error: manifests/container.yaml:8:12: DCL123" },
        { "bad volume", "manifests/container.yaml", Container + "\n  volumes: [\"data\"]\n", "error: manifests/container.yaml:9:13: DCL123" },
        { "missing required field", "manifests/registry.yaml", Registry.Replace("  server: 127.0.0.1:5000", "  insecure: true", StringComparison.Ordinal), "error: manifests/registry.yaml:6:3: DCL121" },
        { "unknown docker kind", "manifests/extra.yaml", "apiVersion: docker.declarative.dev/v1\nkind: Containr\nmetadata: { name: x }\nspec: {}\n", "error: manifests/extra.yaml:2:7: DCL132" },
        { "duplicate address", "manifests/extra.yaml", Registry, "error: manifests/registry.yaml:4:9: DCL130" },
        { "missing reference", "manifests/container.yaml", Container.Replace("${image:web}", "${image:api}", StringComparison.Ordinal), "error: manifests/container.yaml:6:10: DCL202" },
        { "missing registry", "manifests/image.yaml", Image.Replace("registry: local", "registry: remote", StringComparison.Ordinal), "error: manifests/image.yaml:8:13: DCL202" },
        { "unknown reference scheme", "manifests/extra.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\ndata:\n  image: ${imgae:web}\n", "error: manifests/extra.yaml:6:10: DCL206" },
        { "undefined template value", "manifests/registry.yaml", Registry.Replace("127.0.0.1:5000", "{{ values.registryHost }}", StringComparison.Ordinal), "error: manifests/registry.yaml:6:11: DCL111" },
        { "template syntax", "manifests/registry.yaml", Registry.Replace("127.0.0.1:5000", "{{ if values.x }}", StringComparison.Ordinal), "error: manifests/registry.yaml:6:11: DCL110" },
        { "unclosed template at the end", "manifests/registry.yaml", Registry.Replace("127.0.0.1:5000", "{{ values.x", StringComparison.Ordinal), "error: manifests/registry.yaml:6:11: DCL110" },
        { "required value", "manifests/registry.yaml", Registry.Replace("127.0.0.1:5000", "{{ values.host | required \"set host\" }}", StringComparison.Ordinal), "error: manifests/registry.yaml:6:11: DCL112" },
        { "unknown environment in annotation", "manifests/extra.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  annotations:\n    declarative.dev/environments: \"qa\"\n", "error: manifests/extra.yaml:6:35: DCL107" },
        { "bad depends-on", "manifests/extra.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  annotations:\n    declarative.dev/depends-on: \"Registry\"\n", "error: manifests/extra.yaml:6:33: DCL204" },
        { "ambiguous depends-on", "manifests/extra.yaml", "apiVersion: example.com/v1\nkind: Registry\nmetadata:\n  name: local\n  namespace: x\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  annotations:\n    declarative.dev/depends-on: \"Registry/local\"\n", "error: manifests/extra.yaml:12:33: DCL203" },
        { "cycle", "manifests/extra.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\n  annotations:\n    declarative.dev/depends-on: \"ConfigMap/b\"\n---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: b\n  annotations:\n    declarative.dev/depends-on: \"ConfigMap/a\"\n", "error: manifests/extra.yaml:4:9: DCL201" },
        { "reference to excluded resource", "manifests/extra.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: x\n  annotations:\n    declarative.dev/depends-on: \"Deployment.apps/shop-dev/web\"\n", "error: manifests/extra.yaml:6:33: DCL205" },
        { "invalid project name", "declarative.yaml", ProjectFile.Replace("name: shop", "name: -shop-", StringComparison.Ordinal), "error: declarative.yaml:4:9: DCL105" },
        { "missing include target", "declarative.yaml", ProjectFile.Replace("manifests/**/*.yaml", "manifest/**/*.yaml", StringComparison.Ordinal), "error: declarative.yaml:6:13: DCL106" },
        { "missing values file", "declarative.yaml", ProjectFile.Replace("values: values.yaml", "values: valuez.yaml", StringComparison.Ordinal), "error: declarative.yaml:7:11: DCL108" },
    };

    private static TempDirectory Project(string file, string text)
    {
        var dir = new TempDirectory(new Dictionary<string, string>
        {
            ["declarative.yaml"] = ProjectFile,
            ["values.yaml"] = "replicas: 2\n",
            ["app/Dockerfile"] = "FROM scratch\n",
            ["manifests/registry.yaml"] = Registry,
            ["manifests/image.yaml"] = Image,
            ["manifests/container.yaml"] = Container,
            ["manifests/deployment.yaml"] = Deployment,
        });
        dir.Write(file, text);
        return dir;
    }

    [Fact]
    public async Task The_base_project_is_valid()
    {
        using var dir = Project("manifests/extra.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: extra }\n");

        var result = await CliRunner.RunAsync(dir.Root, "validate");

        Assert.True(result.ExitCode == 0, result.All);
        Assert.EndsWith("0 errors\n", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Bad_input_is_one_located_error_and_exit_code_1(string name, string file, string text, string expected)
    {
        using var dir = Project(file, text);

        var result = await CliRunner.RunAsync(dir.Root, "validate");

        Assert.True(result.ExitCode == 1, $"{name}: exit code {result.ExitCode}\n{result.All}");
        var errors = result.Stdout.Split('\n').Where(l => l.StartsWith("error: ", StringComparison.Ordinal)).ToList();
        Assert.True(errors.Count >= 1, $"{name}: no error line\n{result.All}");
        Assert.True(errors[0].StartsWith(expected, StringComparison.Ordinal), $"{name}: expected a line starting with\n{expected}\nbut got\n{string.Join("\n", errors)}");
        Assert.DoesNotContain("internal error", result.All, StringComparison.Ordinal);
        Assert.Matches(@"\n\d+ errors?(, \d+ warnings?)?\n$", result.Stdout);
    }

    [Fact]
    public async Task Unknown_environment_is_an_error_naming_the_known_ones()
    {
        using var dir = Project("manifests/extra.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: extra }\n");

        var result = await CliRunner.RunAsync(dir.Root, "render", "--env", "qa");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("DCL107 Unknown environment \"qa\"", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("dev, local", result.Stderr, StringComparison.Ordinal);
    }
}

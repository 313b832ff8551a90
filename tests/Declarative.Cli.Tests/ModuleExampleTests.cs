using Declarative.Testing;

namespace Declarative.Cli.Tests;

/// <summary>examples/multi-env: modules/web-service used twice (frontend and api) in dev, staging and prod. Every
/// command shows both instances by their module path, and plan/apply work against the API double.</summary>
public sealed class ModuleExampleTests
{
    private const string Example = "examples/multi-env";

    private static Task<CliResult> Decl(params string[] args) => CliRunner.RunAsync(TestPaths.RepositoryRoot, args);

    [Fact]
    public async Task Validate_checks_both_instances_in_every_environment()
    {
        var result = await Decl("validate", Example);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("Project \"shop\" is valid: dev (7 resources), prod (8 resources), staging (7 resources).", result.Stdout, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public async Task Render_shows_the_frontend_and_the_api_with_their_own_values(string environment)
    {
        var result = await Decl("render", Example, "--env", environment);

        Assert.True(result.ExitCode == 0, result.All);
        GoldenFile.Assert(result.Stdout, $"Golden/render-multi-env-{environment}.txt");
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("staging")]
    [InlineData("prod")]
    public async Task Graph_addresses_carry_the_module_path_and_depends_on_crosses_modules(string environment)
    {
        var result = await Decl("graph", Example, "--env", environment);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains($"module.frontend/Deployment.apps/shop-{environment}/frontend\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"module.api/Deployment.apps/shop-{environment}/api\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains($"  -> module.api/Deployment.apps/shop-{environment}/api  (declarative.dev/depends-on names module.api/Deployment.apps/api)", result.Stdout, StringComparison.Ordinal);
        if (environment == "dev")
        {
            GoldenFile.Assert(result.Stdout, "Golden/graph-multi-env-dev.txt");
        }
    }

    [Fact]
    public async Task Set_reaches_one_instance_by_its_name()
    {
        var result = await Decl("render", Example, "--env", "dev", "--set", "api.replicas=4");

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("  name: api\n  namespace: shop-dev\n  labels:\n    app.kubernetes.io/name: api\n    app.kubernetes.io/part-of: shop\nspec:\n  replicas: 4\n", result.Stdout, StringComparison.Ordinal);
        Assert.Contains("  name: frontend\n  namespace: shop-dev\n  labels:\n    app.kubernetes.io/name: frontend\n    app.kubernetes.io/part-of: shop\n  annotations:\n    declarative.dev/depends-on: module.api/Deployment.apps/api\nspec:\n  replicas: 1\n", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_misspelt_input_on_the_command_line_is_an_error_naming_the_instance()
    {
        var result = await Decl("validate", Example, "--env", "dev", "--set", "frontend.replica=2");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("DCL115 Unknown input \"replica\" for module instance \"frontend\"", result.All, StringComparison.Ordinal);
        Assert.Contains("Did you mean \"replicas\"?", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_instances_producing_the_same_object_is_an_error_naming_both()
    {
        using var dir = new TempDirectory(CopyOfExample());
        var project = dir.PathOf("examples/multi-env/declarative.yaml");
        File.WriteAllText(project, File.ReadAllText(project) + "    - name: api2\n      source: ../../modules/web-service\n      values: { image: x }\n");
        dir.Write("modules/web-service/templates/shared.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: shared\n");

        var result = await CliRunner.RunAsync(dir.Root, ["validate", "examples/multi-env", "--env", "dev"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("DCL130 Two modules produce the same object", result.All, StringComparison.Ordinal);
        Assert.Contains("module.api/ConfigMap/shop-dev/shared and module.frontend/ConfigMap/shop-dev/shared", result.All, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Plan_and_apply_create_both_instances_and_the_state_keeps_their_module_path()
    {
        await using var cluster = await ShopCluster.StartAsync(CopyOfExample());

        var plan = await cluster.Decl("plan", Example, "--env", "dev");
        Assert.True(plan.ExitCode == 0, plan.All);
        GoldenFile.Assert(plan.Stdout, "Golden/plan-multi-env-dev.txt");

        var apply = await cluster.Decl("apply", Example, "--env", "dev", "--auto-approve");
        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.Contains("Plan: 7 to create, 0 to update, 0 to replace, 0 to delete.", apply.Stdout, StringComparison.Ordinal);
        using var http = cluster.Host.CreateClient();
        Assert.True((await http.GetAsync(new Uri("/apis/apps/v1/namespaces/shop-dev/deployments/frontend", UriKind.Relative))).IsSuccessStatusCode);
        Assert.True((await http.GetAsync(new Uri("/apis/apps/v1/namespaces/shop-dev/deployments/api", UriKind.Relative))).IsSuccessStatusCode);

        var state = await cluster.Decl("state", "list", Example, "--env", "dev");
        Assert.Contains("module.frontend/Deployment.apps/shop-dev/frontend", state.Stdout, StringComparison.Ordinal);
        Assert.Contains("module.api/Service/shop-dev/api", state.Stdout, StringComparison.Ordinal);

        var again = await cluster.Decl("plan", Example, "--env", "dev", "--detailed-exitcode");
        Assert.True(again.ExitCode == 0, again.All);
        Assert.Contains("No changes.", again.Stdout, StringComparison.Ordinal);

        var scaled = await cluster.Decl("plan", Example, "--env", "dev", "--set", "api.replicas=2", "--detailed-exitcode");
        Assert.Equal(2, scaled.ExitCode);
        Assert.Contains("module.api/Deployment.apps/shop-dev/api", scaled.Stdout, StringComparison.Ordinal);
        Assert.Contains("Plan: 0 to create, 1 to update, 0 to replace, 0 to delete.", scaled.Stdout, StringComparison.Ordinal);
    }

    /// <summary>The example and the module, at the same relative places as in the repository.</summary>
    private static Dictionary<string, string> CopyOfExample()
    {
        var files = new Dictionary<string, string>();
        foreach (var folder in new[] { Example, "modules/web-service" })
        {
            var root = Path.Combine(TestPaths.RepositoryRoot, folder);
            foreach (var file in Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).Where(f => !f.Contains("/.declarative/", StringComparison.Ordinal)))
            {
                files[Path.GetRelativePath(TestPaths.RepositoryRoot, file).Replace('\\', '/')] = File.ReadAllText(file);
            }
        }

        return files;
    }
}

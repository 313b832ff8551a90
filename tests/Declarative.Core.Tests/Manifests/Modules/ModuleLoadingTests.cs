using System.Collections.Immutable;
using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;
using Declarative.Core.Templating;
using Declarative.Testing;

namespace Declarative.Core.Tests.Manifests.Modules;

/// <summary>Module instances in declarative.yaml: each renders the module's documents with its own inputs and name,
/// and every mistake in the module or its inputs is a located error naming the instance.</summary>
public sealed class ModuleLoadingTests
{
    private const string ModuleFile = """
        apiVersion: declarative.dev/v1
        kind: Module
        metadata:
          name: app
        spec:
          inputs:
            image:
              type: string
              required: true
            replicas:
              type: integer
              default: 1
            mode:
              type: string
              default: module
            labels:
              type: map
              default: { tier: web }
        """;

    private const string Template = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: {{ module.name }}
        data:
          image: "{{ values.image }}"
          replicas: "{{ values.replicas }}"
          mode: "{{ values.mode }}"
          tier: "{{ values.labels.tier }}"
          env: "{{ env.name }}"
        """;

    private static string ProjectFile(string modules) => $"""
        apiVersion: declarative.dev/v1
        kind: Project
        metadata:
          name: shop
        spec:
          values: values.yaml
          environments:
            dev: {"{}"}
            prod: {"{}"}
          modules:
        {modules}
        """;

    private const string TwoInstances = """
            - name: web
              source: ../modules/app
              values: { image: nginx, mode: entry }
            - name: api
              source: ../modules/app
              values: { image: api:1, replicas: 2 }
        """;

    private static TempDirectory Project(string modules = TwoInstances, string values = "", string moduleFile = ModuleFile) => new(new Dictionary<string, string>
    {
        ["p/declarative.yaml"] = ProjectFile(modules),
        ["p/values.yaml"] = values,
        ["modules/app/module.yaml"] = moduleFile,
        ["modules/app/templates/config.yaml"] = Template,
    });

    private static StageResult<LoadedEnvironment?> Load(TempDirectory dir, string env = "dev", params string[] set)
    {
        var located = ProjectLocator.Locate(dir.PathOf("p"));
        var project = located.Value!;
        var request = new LoadRequest(project.Root, project.Root, env, [], [.. set.Select(s => new ValueOverride(s, false))]);
        var loaded = new EnvironmentLoader(new TemplateRenderer(), new Dictionary<string, string>()).Load(project, project.Environments[env], request);
        return loaded with { Diagnostics = located.Diagnostics.AddRange(loaded.Diagnostics) };
    }

    private static string Data(LoadedEnvironment loaded, string module, string key) =>
        loaded.Documents.Single(d => d.Module == module).Content["data"]![key]!.GetValue<string>();

    private static Diagnostic Single(StageResult<LoadedEnvironment?> result, string code) =>
        Assert.Single(result.Diagnostics, d => d.Code == code);

    [Fact]
    public void The_same_module_renders_once_per_instance_with_its_own_name_and_inputs()
    {
        using var dir = Project();

        var loaded = Load(dir).Value!;

        Assert.Equal(["web", "api"], loaded.Documents.Select(d => d.Module));
        Assert.Equal(["web", "api"], loaded.Documents.Select(d => d.Content["metadata"]!["name"]!.GetValue<string>()));
        Assert.Equal("nginx", Data(loaded, "web", "image"));
        Assert.Equal("1", Data(loaded, "web", "replicas"));
        Assert.Equal("2", Data(loaded, "api", "replicas"));
        Assert.Equal("dev", Data(loaded, "api", "env"));
    }

    [Fact]
    public void A_module_without_include_and_without_yml_templates_loads_without_errors()
    {
        using var dir = Project();

        var loaded = Load(dir);

        Assert.Empty(loaded.Diagnostics);
        Assert.Equal(2, loaded.Value!.Documents.Length);
    }

    [Fact]
    public void Inputs_layer_defaults_then_entry_values_then_project_values_then_set()
    {
        using var dir = Project(values: "web: { replicas: 3, mode: project, labels: { size: big } }\napi: { replicas: 4 }\n");

        var loaded = Load(dir, "dev", "web.replicas=5").Value!;

        Assert.Equal("5", Data(loaded, "web", "replicas"));
        Assert.Equal("project", Data(loaded, "web", "mode"));
        Assert.Equal("web", Data(loaded, "web", "tier"));
        Assert.Equal("4", Data(loaded, "api", "replicas"));
        Assert.Equal("module", Data(loaded, "api", "mode"));
    }

    [Fact]
    public void An_unknown_input_in_the_modules_entry_is_located_at_its_key_and_names_the_instance()
    {
        using var dir = Project(modules: "    - name: web\n      source: ../modules/app\n      values: { image: nginx, replicaz: 2 }\n");

        var error = Single(Load(dir), DiagnosticCodes.InvalidModuleInput);

        Assert.Equal("Unknown input \"replicaz\" for module instance \"web\"", error.Summary);
        Assert.EndsWith("declarative.yaml", error.Location!.File, StringComparison.Ordinal);
        Assert.Equal((13, 31), (error.Location.Line, error.Location.Column));
        Assert.Contains("Did you mean \"replicas\"?", error.Detail[^1], StringComparison.Ordinal);
    }

    [Fact]
    public void An_ill_typed_input_from_set_names_the_instance_and_is_not_also_missing()
    {
        using var dir = Project(modules: "    - name: web\n      source: ../modules/app\n");

        var result = Load(dir, "dev", "web.image=3", "web.replicas=many");

        Assert.Equal(
            ["Input \"image\" of module instance \"web\" must be a string", "Input \"replicas\" of module instance \"web\" must be an integer"],
            result.Diagnostics.Where(d => d.Code == DiagnosticCodes.InvalidModuleInput).Select(d => d.Summary).Order(StringComparer.Ordinal));
        Assert.Contains("--set", result.Diagnostics[0].Detail[0], StringComparison.Ordinal);
        Assert.Empty(result.Value!.Documents);
    }

    [Fact]
    public void A_required_input_without_a_value_is_an_error_at_the_instance()
    {
        using var dir = Project(modules: "    - name: web\n      source: ../modules/app\n");

        var error = Single(Load(dir), DiagnosticCodes.InvalidModuleInput);

        Assert.Equal("Module instance \"web\" needs input \"image\"", error.Summary);
        Assert.Equal(11, error.Location!.Line);
    }

    [Fact]
    public void An_instance_limited_to_some_environments_is_absent_from_the_others()
    {
        using var dir = Project(modules: "    - name: web\n      source: ../modules/app\n      values: { image: nginx }\n      environments: [prod]\n");

        Assert.Empty(Load(dir, "dev").Value!.Documents);
        Assert.Single(Load(dir, "prod").Value!.Documents);
    }

    [Fact]
    public void A_module_that_uses_modules_is_refused_as_nested()
    {
        using var dir = Project(moduleFile: ModuleFile + "\n  modules:\n    - { name: inner, source: ../other }\n");

        var error = Single(Load(dir), DiagnosticCodes.InvalidModule);

        Assert.Equal("No nested modules in v1", error.Summary);
        Assert.EndsWith("module.yaml", error.Location!.File, StringComparison.Ordinal);
    }

    [Fact]
    public void A_source_without_module_yaml_is_located_at_the_source()
    {
        using var dir = Project(modules: "    - name: web\n      source: ../modules/nothing\n");

        var error = Single(Load(dir), DiagnosticCodes.InvalidModule);

        Assert.Equal("Module not found", error.Summary);
        Assert.Equal((12, 15), (error.Location!.Line, error.Location.Column));
    }

    [Fact]
    public void Two_instances_with_one_name_are_an_error()
    {
        using var dir = Project(modules: "    - { name: web, source: ../modules/app }\n    - { name: web, source: ../modules/app }\n");

        var error = Single(Load(dir), DiagnosticCodes.InvalidModule);

        Assert.Equal("Two module instances are named \"web\"", error.Summary);
        Assert.Equal(12, error.Location!.Line);
    }

    [Fact]
    public void An_unknown_input_type_and_an_ill_typed_default_are_located_in_module_yaml()
    {
        using var dir = Project(moduleFile: "apiVersion: declarative.dev/v1\nkind: Module\nspec:\n  inputs:\n    a: { type: text }\n    b: { type: integer, default: x }\n");

        var errors = Load(dir).Diagnostics.Where(d => d.Code == DiagnosticCodes.InvalidModule).ToList();

        Assert.Equal(["Unknown input type \"text\"", "The default of input \"b\" is not an integer"], errors.Select(e => e.Summary));
        Assert.Equal([5, 6], errors.Select(e => e.Location!.Line));
    }

    [Fact]
    public void An_unknown_field_in_module_yaml_is_reported_as_in_module_yaml()
    {
        using var dir = Project(moduleFile: "apiVersion: declarative.dev/v1\nkind: Module\nspec:\n  inptus: {}\n");

        var error = Assert.Single(Load(dir).Diagnostics, d => d.Code == DiagnosticCodes.InvalidProjectDocument);

        Assert.Equal("Unknown field \"inptus\" in module.yaml", error.Summary);
        Assert.Equal((4, 3), (error.Location!.Line, error.Location.Column));
    }
}

using System.Collections.Immutable;
using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;
using Declarative.Core.Templating;
using Declarative.Testing;

namespace Declarative.Core.Tests.Manifests.Loading;

public sealed class EnvironmentLoaderTests
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
            dev:
              values: environments/dev.yaml
            prod: {}
        """;

    private const string ConfigMap = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
        data:
          replicas: "{{values.replicas}}"
          mode: "{{values.mode}}"
          tier: "{{values.tier.name}}"
          env: "{{env.name}}"
          project: "{{project.name}}"
        """;

    private static Dictionary<string, string> Files(string? manifest = null) => new()
    {
        ["declarative.yaml"] = ProjectFile,
        ["values.yaml"] = "replicas: 1\nmode: base\ntier: { name: web, size: small }\nlist: [1, 2]\n",
        ["environments/dev.yaml"] = "replicas: 2\ntier: { size: large }\nlist: [3]\n",
        ["manifests/app/config.yaml"] = manifest ?? ConfigMap,
    };

    private static StageResult<LoadedEnvironment?> Load(TempDirectory dir, string env, params ValueOverride[] overrides) =>
        Load(dir, env, [], overrides);

    private static StageResult<LoadedEnvironment?> Load(TempDirectory dir, string env, ImmutableArray<string> valuesFiles, params ValueOverride[] overrides)
    {
        var project = ProjectLocator.Locate(dir.Root).Value!;
        var request = new LoadRequest(dir.Root, dir.Root, env, valuesFiles, [.. overrides]);
        return new EnvironmentLoader(new TemplateRenderer(), new Dictionary<string, string>()).Load(project, project.Environments[env], request);
    }

    private static string Data(LoadedEnvironment loaded, string key) => Enumerable.Single(loaded.Documents).Content["data"]![key]!.GetValue<string>();

    [Fact]
    public void Environment_values_merge_deeply_over_base_values_and_lists_replace()
    {
        using var dir = new TempDirectory(Files());

        var loaded = Load(dir, "dev").Value!;

        Assert.Equal("2", Data(loaded, "replicas"));
        Assert.Equal("base", Data(loaded, "mode"));
        Assert.Equal("web", Data(loaded, "tier"));
        Assert.Equal("large", loaded.Values["tier"]!["size"]!.GetValue<string>());
        Assert.Equal("[3]", loaded.Values["list"]!.ToJsonString());
        Assert.Equal("dev", Data(loaded, "env"));
        Assert.Equal("shop", Data(loaded, "project"));
    }

    [Fact]
    public void Values_files_then_set_flags_win_in_command_line_order()
    {
        using var dir = new TempDirectory(Files());
        dir.Write("extra.yaml", "mode: extra\nreplicas: 5\n");

        var loaded = Load(dir, "prod", ["extra.yaml"], new ValueOverride("replicas=7", false), new ValueOverride("mode=0644", true), new ValueOverride("tier.name=api", false)).Value!;

        Assert.Equal("7", Data(loaded, "replicas"));
        Assert.Equal("0644", Data(loaded, "mode"));
        Assert.Equal("api", Data(loaded, "tier"));
    }

    [Fact]
    public void Set_parses_yaml_scalars_and_set_string_keeps_strings()
    {
        using var dir = new TempDirectory(Files());

        var loaded = Load(dir, "prod", new ValueOverride("a=0644", false), new ValueOverride("b=on", false), new ValueOverride("c=on", true), new ValueOverride("d=~", false)).Value!;

        Assert.Equal(420, loaded.Values["a"]!.GetValue<long>());
        Assert.True(loaded.Values["b"]!.GetValue<bool>());
        Assert.Equal("on", loaded.Values["c"]!.GetValue<string>());
        Assert.True(loaded.Values.ContainsKey("d"));
        Assert.Null(loaded.Values["d"]);
    }

    [Fact]
    public void A_malformed_set_is_an_error_that_hides_the_value()
    {
        using var dir = new TempDirectory(Files());

        var result = Load(dir, "prod", new ValueOverride("=hunter2", false));

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidValues, error.Code);
        Assert.DoesNotContain("hunter2", string.Join(" ", error.Detail), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_environment_values_file_is_located_at_its_declaration()
    {
        var files = Files();
        files.Remove("environments/dev.yaml");
        using var dir = new TempDirectory(files);

        var result = Load(dir, "dev");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidValues, error.Code);
        Assert.Equal(new SourceLocation(dir.PathOf("declarative.yaml"), 10, 15), error.Location);
    }

    [Fact]
    public void Include_pattern_that_matches_nothing_is_located()
    {
        using var dir = new TempDirectory(Files());
        File.Move(dir.PathOf("manifests/app/config.yaml"), dir.PathOf("manifests/app/config.yml"));

        var result = Load(dir, "prod");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.IncludeMatchedNothing, error.Code);
        Assert.Equal(new SourceLocation(dir.PathOf("declarative.yaml"), 6, 13), error.Location);
    }

    [Fact]
    public void Environments_annotation_limits_documents_and_is_stripped()
    {
        const string manifests = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: only-dev
              annotations:
                declarative.dev/environments: "dev"
            ---
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: everywhere
              annotations:
                declarative.dev/environments: "dev, prod"
                keep: me
            """;
        using var dir = new TempDirectory(Files(manifests));

        var prod = Load(dir, "prod").Value!;

        var kept = Assert.Single(prod.Documents);
        Assert.Equal("""{"keep":"me"}""", kept.Content["metadata"]!["annotations"]!.ToJsonString());
        var excluded = Assert.Single(prod.Excluded);
        Assert.Equal(new[] { "dev" }, excluded.Environments.ToArray());
        Assert.Null(excluded.Document.Content["metadata"]!["annotations"]);
    }

    [Fact]
    public void Document_limited_to_an_unknown_environment_is_an_error_at_the_annotation()
    {
        const string manifest = """
            apiVersion: v1
            kind: ConfigMap
            metadata:
              name: x
              annotations:
                declarative.dev/environments: "dev,staging"
            """;
        using var dir = new TempDirectory(Files(manifest));

        var result = Load(dir, "dev");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.UnknownEnvironment, error.Code);
        Assert.Contains("staging", error.Summary, StringComparison.Ordinal);
        Assert.Equal(new SourceLocation(dir.PathOf("manifests/app/config.yaml"), 6, 35), error.Location);
    }

    [Fact]
    public void A_document_that_is_not_a_map_is_an_error()
    {
        using var dir = new TempDirectory(Files("apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n---\n- just\n- a list\n"));

        var result = Load(dir, "prod");

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.NotAnObject, error.Code);
        Assert.Equal(new SourceLocation(dir.PathOf("manifests/app/config.yaml"), 5, 1), error.Location);
    }

    [Fact]
    public void Kind_list_documents_are_expanded_with_their_positions()
    {
        const string list = """
            apiVersion: v1
            kind: List
            items:
            - apiVersion: v1
              kind: ConfigMap
              metadata: { name: a }
            - apiVersion: v1
              kind: ConfigMap
              metadata:
                name: b
            """;
        using var dir = new TempDirectory(Files(list));

        var loaded = Load(dir, "prod").Value!;

        Assert.Equal(["a", "b"], loaded.Documents.Select(d => d.Content["metadata"]!["name"]!.GetValue<string>()));
        Assert.Equal(10, loaded.Documents[1].Source.Locate("/metadata/name").Line);
    }

    [Fact]
    public void Implicit_projects_are_never_templated()
    {
        const string rule = """
            apiVersion: v1
            kind: ConfigMap
            metadata: { name: rules }
            data:
              alert: "{{ $labels.instance }} is down"
            """;
        using var dir = new TempDirectory(new Dictionary<string, string> { ["rules.yaml"] = rule, ["kustomization.yaml"] = "resources: [rules.yaml]\n" });
        var project = ProjectLocator.Locate(dir.Root).Value!;

        var loaded = new EnvironmentLoader(new TemplateRenderer(), new Dictionary<string, string>())
            .Load(project, project.Environments["default"], new LoadRequest(dir.Root, dir.Root, null, [], []));

        Assert.Empty(loaded.Diagnostics);
        var document = Assert.Single(loaded.Value!.Documents);
        Assert.Equal("{{ $labels.instance }} is down", document.Content["data"]!["alert"]!.GetValue<string>());
    }

    [Fact]
    public void Values_file_that_is_not_a_map_is_an_error()
    {
        var files = Files();
        files["values.yaml"] = "- a\n- b\n";
        using var dir = new TempDirectory(files);

        var result = Load(dir, "prod");

        Assert.Contains(result.Diagnostics, d => d.Code == DiagnosticCodes.InvalidValues && d.Location!.File == dir.PathOf("values.yaml"));
    }
}

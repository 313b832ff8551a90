using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;
using Declarative.Testing;

namespace Declarative.Core.Tests.Manifests.Loading;

public sealed class ProjectLocatorTests
{
    private const string ProjectFile = """
        apiVersion: declarative.dev/v1
        kind: Project
        metadata:
          name: shop
        spec:
          include: ["manifests/**/*.yaml"]
          environments:
            dev:
              kubernetes: { context: kind-dev, namespace: shop-dev }
            prod: {}
        """;

    [Fact]
    public void Reads_the_project_file_in_the_folder()
    {
        using var dir = new TempDirectory(new Dictionary<string, string> { ["declarative.yaml"] = ProjectFile, ["manifests/a.yaml"] = "" });

        var result = ProjectLocator.Locate(dir.Root);

        Assert.Empty(result.Diagnostics);
        var project = Assert.IsType<ProjectDefinition>(result.Value);
        Assert.Equal("shop", project.Name);
        Assert.False(project.IsImplicit);
        Assert.Equal(["dev", "prod"], project.Environments.Keys);
        Assert.Equal("shop-dev", project.Environments["dev"].Kubernetes!.Namespace);
        Assert.Equal("kind-dev", project.Environments["dev"].Kubernetes!.Context);
    }

    [Fact]
    public void Finds_the_project_in_an_ancestor_that_includes_the_folder()
    {
        using var dir = new TempDirectory(new Dictionary<string, string> { ["declarative.yaml"] = ProjectFile, ["manifests/web/a.yaml"] = "" });
        Directory.CreateDirectory(dir.PathOf(".git"));

        var result = ProjectLocator.Locate(dir.PathOf("manifests/web"));

        Assert.Equal(dir.Root, result.Value!.Root);
        Assert.Equal("shop", result.Value.Name);
    }

    [Fact]
    public void A_folder_the_ancestor_does_not_include_is_an_implicit_project()
    {
        using var dir = new TempDirectory(new Dictionary<string, string> { ["declarative.yaml"] = ProjectFile, ["manifests/a.yaml"] = "", ["other/My Stuff/b.yaml"] = "" });
        Directory.CreateDirectory(dir.PathOf(".git"));

        var result = ProjectLocator.Locate(dir.PathOf("other/My Stuff"));

        Assert.True(result.Value!.IsImplicit);
        Assert.Equal("my-stuff", result.Value.Name);
        Assert.Equal(["default"], result.Value.Environments.Keys);
    }

    [Fact]
    public void The_search_stops_at_the_git_root()
    {
        using var dir = new TempDirectory(new Dictionary<string, string> { ["declarative.yaml"] = ProjectFile.Replace("manifests/**/*.yaml", "**/*.yaml", StringComparison.Ordinal), ["repo/x/a.yaml"] = "" });
        Directory.CreateDirectory(dir.PathOf("repo/.git"));

        var result = ProjectLocator.Locate(dir.PathOf("repo/x"));

        Assert.True(result.Value!.IsImplicit);
    }

    [Fact]
    public void Project_option_names_an_implicit_project()
    {
        using var dir = new TempDirectory(new Dictionary<string, string> { ["a.yaml"] = "" });

        var result = ProjectLocator.Locate(dir.Root, "billing");

        Assert.Equal("billing", result.Value!.Name);
    }

    [Theory]
    [InlineData("Shop_Front.v2", "shop_front.v2")]
    [InlineData("--weird  name!!", "weird-name")]
    [InlineData("...", "project")]
    public void Implicit_project_names_are_sanitized_label_values(string folder, string expected) =>
        Assert.Equal(expected, NameRules.Sanitize(folder));

    [Fact]
    public void Invalid_project_name_is_located()
    {
        using var dir = new TempDirectory(new Dictionary<string, string> { ["declarative.yaml"] = ProjectFile.Replace("name: shop", "name: shop/front", StringComparison.Ordinal) });

        var result = ProjectLocator.Locate(dir.Root);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidName, error.Code);
        Assert.Equal(new SourceLocation(dir.PathOf("declarative.yaml"), 4, 9), error.Location);
    }

    [Fact]
    public void Invalid_environment_name_is_located_at_its_key()
    {
        using var dir = new TempDirectory(new Dictionary<string, string> { ["declarative.yaml"] = ProjectFile.Replace("prod: {}", "pr*d: {}", StringComparison.Ordinal) });

        var result = ProjectLocator.Locate(dir.Root);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidName, error.Code);
        Assert.Equal(new SourceLocation(dir.PathOf("declarative.yaml"), 10, 5), error.Location);
    }

    [Fact]
    public void Unknown_field_in_the_project_file_is_an_error_at_its_key()
    {
        using var dir = new TempDirectory(new Dictionary<string, string> { ["declarative.yaml"] = ProjectFile.Replace("  include:", "  includes:", StringComparison.Ordinal) });

        var result = ProjectLocator.Locate(dir.Root);

        var error = Assert.Single(result.Diagnostics);
        Assert.Equal(DiagnosticCodes.InvalidProjectDocument, error.Code);
        Assert.Contains("includes", error.Summary, StringComparison.Ordinal);
        Assert.Equal(new SourceLocation(dir.PathOf("declarative.yaml"), 6, 3), error.Location);
    }
}

public sealed class DefaultIncludeTests
{
    [Fact]
    public void Default_include_patterns_that_match_nothing_are_not_errors()
    {
        using var dir = new TempDirectory(new Dictionary<string, string>
        {
            ["declarative.yaml"] = "apiVersion: declarative.dev/v1\nkind: Project\nmetadata: {name: shop}\n",
            ["manifests/a.yaml"] = "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: a}\n",
        });
        var project = ProjectLocator.Locate(dir.Root).Value!;

        var files = ManifestFiles.Find(project);

        Assert.Empty(files.Diagnostics);
        Assert.Equal(new[] { dir.PathOf("manifests/a.yaml") }, files.Value.ToArray());
    }
}

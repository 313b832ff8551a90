using Declarative.Testing;

namespace Declarative.Cli.Tests;

/// <summary>Only the schemes a provider owns are references; other tools' <c>${...}</c> pass through untouched.</summary>
public sealed class ReferenceSchemeTests
{
    private const string Dashboard = """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: dashboards
        data:
          api.json: |
            {"targets": [{"expr": "rate(http_requests_total{job=\"${job}\"}[5m])", "datasource": "${datasource:queryparam}"}],
             "links": [{"url": "/d/x?from=${__from:date:iso}&image=${imgae:api}"}]}
        """;

    [Fact]
    public async Task Plain_manifests_with_grafana_placeholders_validate_and_render_them_unchanged()
    {
        using var dir = new TempDirectory(new Dictionary<string, string> { ["monitoring/dashboards.yaml"] = Dashboard });

        var validate = await CliRunner.RunAsync(dir.Root, "validate", "monitoring");
        var render = await CliRunner.RunAsync(dir.Root, "render", "monitoring");

        Assert.True(validate.ExitCode == 0, validate.All);
        Assert.True(render.ExitCode == 0, render.All);
        Assert.Contains("${datasource:queryparam}", render.Stdout, StringComparison.Ordinal);
        Assert.Contains("${__from:date:iso}&image=${imgae:api}", render.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task In_an_explicit_project_a_scheme_one_typo_from_image_is_an_error_with_the_suggestion_and_others_pass()
    {
        using var dir = new TempDirectory(new Dictionary<string, string>
        {
            ["app/declarative.yaml"] = "apiVersion: declarative.dev/v1\nkind: Project\nmetadata: {name: app}\n",
            ["app/manifests/dashboards.yaml"] = Dashboard,
        });

        var validate = await CliRunner.RunAsync(dir.Root, "validate", "app");

        Assert.Equal(1, validate.ExitCode);
        Assert.Contains("DCL206", validate.All, StringComparison.Ordinal);
        Assert.Contains("Did you mean ${image:api}?", validate.All, StringComparison.Ordinal);
        Assert.DoesNotContain("datasource", validate.All, StringComparison.Ordinal);
        Assert.Single(validate.All.Split('\n'), line => line.Contains("DCL206", StringComparison.Ordinal));
    }
}

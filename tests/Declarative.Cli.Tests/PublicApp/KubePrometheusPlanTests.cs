using System.Text.RegularExpressions;
using Declarative.Testing;

namespace Declarative.Cli.Tests.PublicApp;

/// <summary>Issue 14's "done when", on a kube-prometheus-like stack of 106 objects against the API double: its
/// dashboards full of Grafana's <c>${...}</c> validate, its first plan fits a few thousand lines of text and a
/// pull-request comment of markdown that names what it left out, applying it leaves nothing to change, and a one-line
/// edit of the adapter's 3 KB config.yaml is a line diff of two changed lines.</summary>
public sealed class KubePrometheusPlanTests
{
    /// <summary>The one line of prometheusAdapter.yaml that holds <c>[120s]</c>.</summary>
    private const string CpuQuery = "                container_cpu_usage_seconds_total{<<.LabelMatchers>>,container!=\"\",pod!=\"\"}[120s]";

    [Fact]
    public async Task Dashboards_with_grafana_placeholders_validate_and_render_unchanged()
    {
        await using var stack = await KubePrometheus.StartAsync();

        var validate = await stack.Decl("validate");
        var render = await stack.Decl("render");

        Assert.True(validate.ExitCode == 0, validate.All);
        Assert.Contains($"Project \"kube-prometheus\" is valid: default ({KubePrometheus.Objects} resources).", validate.Stdout, StringComparison.Ordinal);
        Assert.True(render.ExitCode == 0, render.All);
        Assert.Contains("\"uid\": \"${datasource}\"", render.Stdout, StringComparison.Ordinal);
        Assert.Contains("\"as\": \"${1}_per_second\"", render.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_plan_fits_a_few_thousand_lines_and_its_markdown_a_pull_request_comment_naming_what_it_left_out()
    {
        await using var stack = await KubePrometheus.StartAsync();

        var text = await stack.Decl("plan");
        var markdown = await stack.Decl("plan", "-o", "markdown");

        Assert.True(text.ExitCode == 0, text.All);
        Assert.Contains($"Plan: {KubePrometheus.Objects} to create, 0 to update, 0 to replace, 0 to delete.", text.Stdout, StringComparison.Ordinal);
        var lines = text.Stdout.Split('\n').Length;
        Assert.True(lines <= 4_000, $"The first plan has {lines} lines; it must fit a few thousand (4,000).");
        Assert.Equal(10, Regex.Count(text.Stdout, @"\+ create CustomResourceDefinition.*\n      # \(folded: --full shows all [\d,]+ fields\)"));
        Assert.Contains("      + data[\"k8s-resources-pod.json\"]: (", text.Stdout, StringComparison.Ordinal);
        Assert.True(markdown.ExitCode == 0, markdown.All);
        Assert.InRange(markdown.Stdout.Length, 1, 60_000);
        Assert.StartsWith("### Declarative plan for `kube-prometheus` / `default`", markdown.Stdout, StringComparison.Ordinal);
        Assert.Matches(@"\*\*\d+ of 106 resources are not shown\*\* to keep this comment within 60,000 characters\. For the full plan, run `decl plan --env default -o json`\.", markdown.Stdout);
        Assert.Contains("<summary>Not shown</summary>", markdown.Stdout, StringComparison.Ordinal);
        Assert.Contains("- `+ create ", markdown.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task After_apply_nothing_changes_and_a_one_line_edit_of_the_adapter_config_is_two_changed_lines_with_context()
    {
        await using var stack = await KubePrometheus.StartAsync();

        var apply = await stack.Decl("apply", "--auto-approve");
        var replan = await stack.Decl("plan", "--detailed-exitcode");
        stack.Edit("prometheusAdapter.yaml", CpuQuery, CpuQuery.Replace("[120s]", "[180s]", StringComparison.Ordinal));
        var change = await stack.Decl("plan", "--detailed-exitcode");

        Assert.True(apply.ExitCode == 0, apply.All);
        Assert.Contains($"Apply complete: {KubePrometheus.Objects} applied, 0 deleted, 0 failed, 0 skipped. Revision 1 deployed.", apply.Stdout, StringComparison.Ordinal);
        Assert.True(replan.ExitCode == 0, replan.All);
        Assert.Equal("No changes. The environment matches the configuration.\n", replan.Stdout);
        Assert.True(change.ExitCode == 2, change.All);
        Assert.Equal(2, change.Stdout.Split('\n').Count(l => l.StartsWith("          -", StringComparison.Ordinal) || l.StartsWith("          +", StringComparison.Ordinal)));
        GoldenFile.Assert(change.Stdout, "Golden/plan-kube-prometheus-adapter.txt");
    }
}

using System.Text.Json.Nodes;
using Declarative.Cli.Rendering;
using Declarative.Core.Providers;
using Declarative.Testing;

namespace Declarative.Cli.Tests.PlanRendering;

public sealed class PlanRenderingTests
{
    [Fact]
    public void Text_plan_shows_one_block_per_changed_resource_and_the_summary() =>
        GoldenFile.Assert(PlanTextRenderer.Render(PlanFixture.Everything(), new Ansi(false), verbose: false), "Golden/plan-everything.txt");

    [Fact]
    public void Verbose_text_plan_also_lists_unchanged_resources_and_dependencies() =>
        GoldenFile.Assert(PlanTextRenderer.Render(PlanFixture.Everything(), new Ansi(false), verbose: true), "Golden/plan-everything-verbose.txt");

    [Fact]
    public void Json_plan_is_versioned_sorted_and_redacted() =>
        GoldenFile.Assert(PlanJsonRenderer.Render(PlanFixture.Everything()), "Golden/plan-everything.json");

    [Fact]
    public void Markdown_plan_has_a_summary_table_and_a_diff_per_resource() =>
        GoldenFile.Assert(PlanMarkdownRenderer.Render(PlanFixture.Everything()), "Golden/plan-everything.md");

    [Fact]
    public void Says_no_changes_when_everything_matches()
    {
        Assert.Equal("No changes. The environment matches the configuration.\n", PlanTextRenderer.Render(PlanFixture.NoChanges(), new Ansi(false), verbose: false));
        Assert.EndsWith("No changes. The environment matches the configuration.\n", PlanMarkdownRenderer.Render(PlanFixture.NoChanges()), StringComparison.Ordinal);
    }

    [Fact]
    public void A_note_lists_an_unchanged_resource_with_it()
    {
        var text = PlanTextRenderer.Render(PlanFixture.KeptField(), new Ansi(false), verbose: false);

        Assert.Equal(
            "\n    unchanged Deployment.apps/web/api\n      # spec.template.spec.containers[name=api].env: set by kubectl-set, not in the manifests: kept\n\nNo changes. The environment matches the configuration.\n",
            text);
    }

    [Fact]
    public void Json_plan_gives_each_resource_its_notes_as_path_and_text()
    {
        var resources = JsonNode.Parse(PlanJsonRenderer.Render(PlanFixture.Everything()))!["resources"]!.AsArray();

        var deployment = resources.Single(r => (string)r!["address"]! == "Deployment.apps/web/api")!;
        var note = Assert.Single(deployment["notes"]!.AsArray())!;
        Assert.Equal(PlanFixture.KeptResources.Path, (string?)note["path"]);
        Assert.Equal(PlanFixture.KeptResources.Text, (string?)note["text"]);
        Assert.All(resources.Where(r => r != deployment), r => Assert.Empty(r!["notes"]!.AsArray()));
    }

    [Fact]
    public void A_note_without_a_path_has_a_null_path_in_json_and_its_text_alone_in_markdown()
    {
        var plan = PlanFixture.KeptField();
        var deployment = plan.Changes[1];
        plan = plan with { Changes = [plan.Changes[0], deployment with { Change = deployment.Change with { Notes = [new ChangeNote(null, "adopting: the fields kubectl-client-side-apply set become Declarative's")] } }] };

        var note = JsonNode.Parse(PlanJsonRenderer.Render(plan))!["resources"]![1]!["notes"]![0]!;
        var markdown = PlanMarkdownRenderer.Render(plan);

        Assert.Null(note["path"]);
        Assert.Equal("adopting: the fields kubectl-client-side-apply set become Declarative's", (string?)note["text"]);
        Assert.Contains("\n# adopting: the fields kubectl-client-side-apply set become Declarative's\n", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_lists_an_unchanged_resource_with_a_note_after_no_changes()
    {
        var markdown = PlanMarkdownRenderer.Render(PlanFixture.KeptField());

        Assert.Equal(
            "### Declarative plan for `shop` / `prod`\n\nNo changes. The environment matches the configuration.\n\n<details>\n<summary><code>unchanged Deployment.apps/web/api</code></summary>\n\n```diff\n# spec.template.spec.containers[name=api].env: set by kubectl-set, not in the manifests: kept\n```\n\n</details>\n",
            markdown);
    }

    [Fact]
    public void Summary_line_counts_every_action()
    {
        var text = PlanTextRenderer.Render(PlanFixture.Everything(), new Ansi(false), verbose: false);

        Assert.EndsWith("Plan: 1 to create, 3 to update, 1 to replace, 1 to delete.\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void No_rendering_contains_a_secret_value()
    {
        var plan = PlanFixture.Everything();
        string[] outputs =
        [
            PlanTextRenderer.Render(plan, new Ansi(true), verbose: true),
            PlanJsonRenderer.Render(plan),
            PlanMarkdownRenderer.Render(plan),
        ];

        foreach (var output in outputs)
        {
            Assert.All(PlanFixture.SecretValues, secret => Assert.DoesNotContain(secret, output, StringComparison.Ordinal));
        }

        Assert.Contains("      + stringData.extra: (sensitive)\n", GoldenFile.Normalize(outputs[0]), StringComparison.Ordinal);
        Assert.Contains("\"path\": \"data.token\",\n          \"sensitive\": true,", outputs[1], StringComparison.Ordinal);
        Assert.Contains("+ data.token: (sensitive)\n", outputs[2], StringComparison.Ordinal);
    }

    [Fact]
    public void Renders_the_same_bytes_every_time()
    {
        Assert.Equal(PlanJsonRenderer.Render(PlanFixture.Everything()), PlanJsonRenderer.Render(PlanFixture.Everything()));
        Assert.Equal(PlanMarkdownRenderer.Render(PlanFixture.Everything()), PlanMarkdownRenderer.Render(PlanFixture.Everything()));
    }

    [Fact]
    public void Colours_actions_only_when_asked()
    {
        var coloured = PlanTextRenderer.Render(PlanFixture.Everything(), new Ansi(true), verbose: false);
        var plain = PlanTextRenderer.Render(PlanFixture.Everything(), new Ansi(false), verbose: false);

        Assert.Contains("\u001b[32m  + create\u001b[0m ConfigMap/web/settings", coloured, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[", plain, StringComparison.Ordinal);
        Assert.Equal(plain, GoldenFile.Normalize(coloured));
    }
}

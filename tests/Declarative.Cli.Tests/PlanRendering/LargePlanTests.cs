using System.Globalization;
using Declarative.Cli.Rendering;
using Declarative.Core.Planning;
using Declarative.Testing;

namespace Declarative.Cli.Tests.PlanRendering;

/// <summary>Plans of several hundred objects stay readable: the text plan is bounded by folding, the markdown plan
/// by its size budget, and both count the changes by kind and namespace.</summary>
public sealed class LargePlanTests
{
    /// <summary>10 CRDs, 3 Namespaces, 3 × 30 apps of three objects, 3 updates and 2 deletes: 288 changes.</summary>
    private static readonly Plan Project = LargePlanFixture.Project(30);

    [Fact]
    public void The_first_plan_of_several_hundred_objects_stays_within_its_size_bounds()
    {
        var text = GoldenFile.Normalize(PlanTextRenderer.Render(Project, new Ansi(false), PlanTextOptions.Default));
        var full = GoldenFile.Normalize(PlanTextRenderer.Render(Project, new Ansi(false), new PlanTextOptions(Full: true)));
        var markdown = PlanMarkdownRenderer.Render(Project);

        Assert.Equal(288, Project.Changes.Length);
        Assert.All(Blocks(text), block => Assert.InRange(FoldingTests.FieldLines(block).Count, 0, LargeObjectFolding.MaxLines));
        Assert.InRange(Lines(text), 1, 9_000);
        Assert.InRange(text.Length, 1, 400_000);
        Assert.InRange(markdown.Length, 1, PlanMarkdownOptions.DefaultMaxSize);
        Assert.True(Lines(full) > 3 * Lines(text), $"--full prints {Lines(full)} lines, folded {Lines(text)}: folding should save most of them");
    }

    [Fact]
    public void A_markdown_plan_of_a_few_hundred_resources_fits_the_budget_and_names_what_was_left_out()
    {
        var markdown = PlanMarkdownRenderer.Render(Project);

        GoldenFile.Assert(markdown, "Golden/plan-large.md");
        Assert.True(markdown.Length <= 60_000, $"{markdown.Length} characters");
        Assert.StartsWith("### Declarative plan for `shop` / `prod`\n\n| Action | Resources |", markdown, StringComparison.Ordinal);
        Assert.Contains("resources are not shown** to keep this comment within 60,000 characters. For the full plan, run `decl plan --env prod -o json`.", markdown, StringComparison.Ordinal);
        Assert.Contains("- `- delete Deployment.apps/shop/legacy`\n", markdown, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5_000)]
    [InlineData(20_000)]
    [InlineData(200_000)]
    public void Max_size_is_the_budget_and_resources_are_shown_in_plan_order(int maxSize)
    {
        var markdown = PlanMarkdownRenderer.Render(Project, new PlanMarkdownOptions(maxSize));

        Assert.InRange(markdown.Length, 1, maxSize);
        var shown = Project.Changes.TakeWhile(c => markdown.Contains($"<summary><code>{System.Net.WebUtility.HtmlEncode(PlanMarkdownDetails.Title(c))}</code>", StringComparison.Ordinal)).Count();
        Assert.InRange(shown, 1, Project.Changes.Length);
        Assert.Contains(string.Create(CultureInfo.InvariantCulture, $"**{Project.Changes.Length - shown:N0} of 288 resources are not shown**"), markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plan_that_fits_has_no_left_out_note()
    {
        var markdown = PlanMarkdownRenderer.Render(Project, new PlanMarkdownOptions(10_000_000));

        Assert.DoesNotContain("not shown", markdown, StringComparison.Ordinal);
        Assert.All(Project.Changes, c => Assert.Contains(System.Net.WebUtility.HtmlEncode(PlanMarkdownDetails.Title(c)), markdown, StringComparison.Ordinal));
    }

    [Fact]
    public void With_a_saved_plan_the_left_out_note_points_to_it()
    {
        var markdown = PlanMarkdownRenderer.Render(Project, new PlanMarkdownOptions(SavedPlan: "plan.out"));

        Assert.Contains("The full plan is the saved plan `plan.out`.", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("-o json", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void More_than_ten_changes_are_also_counted_by_kind_and_namespace()
    {
        var plan = LargePlanFixture.Project(2);

        var text = PlanTextRenderer.Render(plan, new Ansi(false), PlanTextOptions.Default);
        var markdown = PlanMarkdownRenderer.Render(plan);

        Assert.EndsWith(
            "Plan: 31 to create, 3 to update, 0 to replace, 2 to delete.\n\n"
            + "  Kind                                           Namespace   create  update  delete\n"
            + "  ConfigMap                                      monitoring       2       1       -\n"
            + "  ConfigMap                                      payments         2       1       -\n"
            + "  ConfigMap                                      shop             2       1       1\n"
            + "  CustomResourceDefinition.apiextensions.k8s.io                  10       -       -\n"
            + "  Deployment.apps                                monitoring       2       -       -\n"
            + "  Deployment.apps                                payments         2       -       -\n"
            + "  Deployment.apps                                shop             2       -       1\n"
            + "  Namespace                                                       3       -       -\n"
            + "  Service                                        monitoring       2       -       -\n"
            + "  Service                                        payments         2       -       -\n"
            + "  Service                                        shop             2       -       -\n",
            text,
            StringComparison.Ordinal);
        Assert.Contains(
            "**Plan: 31 to create, 3 to update, 0 to replace, 2 to delete.**\n\n"
            + "| Kind | Namespace | create | update | delete |\n| --- | --- | ---: | ---: | ---: |\n"
            + "| `ConfigMap` | `monitoring` | 2 | 1 | - |\n",
            markdown,
            StringComparison.Ordinal);
    }

    [Fact]
    public void Ten_changes_or_fewer_have_no_table() =>
        Assert.EndsWith("Plan: 1 to create, 3 to update, 1 to replace, 1 to delete.\n", PlanTextRenderer.Render(PlanFixture.Everything(), new Ansi(false), PlanTextOptions.Default), StringComparison.Ordinal);

    private static int Lines(string text) => text.Count(c => c == '\n');

    /// <summary>The text plan split into resource blocks (each starts with a blank line).</summary>
    private static IEnumerable<string> Blocks(string text) => text.Split("\n\n").Skip(1).SkipLast(2);
}

using Declarative.Cli.Rendering;
using Declarative.Testing;

namespace Declarative.Cli.Tests.PlanRendering;

/// <summary>Large creates fold to their identifying fields, top-level fields and counted subtrees; --full and
/// --verbose print everything; updates never fold their changed lines.</summary>
public sealed class FoldingTests
{
    [Fact]
    public void A_large_crd_create_folds_to_its_identity_and_counted_subtrees() =>
        GoldenFile.Assert(PlanTextRenderer.Render(LargePlanFixture.OneCrd(), new Ansi(false), PlanTextOptions.Default), "Golden/plan-crd-create.txt");

    [Fact]
    public void A_folded_create_keeps_its_identifying_fields_and_fits_sixty_lines()
    {
        var text = PlanTextRenderer.Render(LargePlanFixture.OneCrd(), new Ansi(false), PlanTextOptions.Default);
        var fields = FieldLines(text);

        Assert.InRange(fields.Count, 10, LargeObjectFolding.MaxLines);
        Assert.Contains("      # (folded: --full shows all 1,338 fields)", text, StringComparison.Ordinal);
        Assert.Contains("      + apiVersion: \"apiextensions.k8s.io/v1\"", fields);
        Assert.Contains("      + kind: \"CustomResourceDefinition\"", fields);
        Assert.Contains("      + metadata.name: \"widgets.example.com\"", fields);
        Assert.Contains("      + metadata.labels[\"declarative.dev/project\"]: \"shop\"", fields);
        Assert.Contains("      + spec.group: \"example.com\"", fields);
        Assert.Contains(fields, f => f.StartsWith("      + spec.versions[0].schema.openAPIV3Schema", StringComparison.Ordinal) && f.EndsWith(" fields)", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(true, false)]
    [InlineData(false, true)]
    public void Full_and_verbose_print_every_field(bool full, bool verbose)
    {
        var text = PlanTextRenderer.Render(LargePlanFixture.OneCrd(), new Ansi(false), new PlanTextOptions(verbose, full));

        Assert.Equal(1338, FieldLines(text).Count);
        Assert.DoesNotContain("folded", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" fields)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_large_text_in_a_create_folds_to_its_line_count()
    {
        var plan = LargePlanFixture.Project(1);
        var configMap = plan with { Changes = [plan.Changes.Single(c => c.Address.ToString() == "ConfigMap/shop/app-001")] };

        var text = PlanTextRenderer.Render(configMap, new Ansi(false), PlanTextOptions.Default);

        Assert.Contains("      # (folded: --full shows all 6 fields, 76 lines)\n      + apiVersion: \"v1\"\n      + data[\"config.yaml\"]: (70 lines)\n", text, StringComparison.Ordinal);
        Assert.Contains("      + metadata.namespace: \"shop\"\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void An_update_never_folds_its_changed_lines()
    {
        var plan = LargePlanFixture.Project(1);
        var update = plan with { Changes = [.. plan.Changes.Where(c => c.Action == Declarative.Core.Planning.ChangeAction.Update).Take(1)] };

        var text = PlanTextRenderer.Render(update, new Ansi(false), PlanTextOptions.Default);

        Assert.DoesNotContain("folded", text, StringComparison.Ordinal);
        Assert.Contains("          -     retry: [120s]\n          +     retry: [180s]\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Markdown_folds_a_large_create_as_the_text_plan_does()
    {
        var markdown = PlanMarkdownRenderer.Render(LargePlanFixture.OneCrd());

        Assert.Contains("# (folded: --full shows all 1,338 fields)\n+ apiVersion: \"apiextensions.k8s.io/v1\"\n", markdown, StringComparison.Ordinal);
        Assert.DoesNotContain("field10", markdown, StringComparison.Ordinal);
        Assert.Contains("field10", PlanMarkdownRenderer.Render(LargePlanFixture.OneCrd(), new PlanMarkdownOptions(MaxSize: 1_000_000, Full: true)), StringComparison.Ordinal);
    }

    [Fact]
    public void A_large_delete_that_lists_its_fields_folds_too()
    {
        var crd = LargePlanFixture.Crd("widget");
        var address = new Declarative.Core.Providers.ResourceAddress(string.Empty, "apiextensions.k8s.io", "CustomResourceDefinition", null, "widgets.example.com");
        var diffs = Declarative.Core.Planning.FieldDiffer.Diff(crd, null, Declarative.Core.Planning.DiffOptions.Default);
        var plan = MultiLineFixture.Plan([MultiLineFixture.Change(address, Declarative.Core.Planning.ChangeAction.Delete, diffs)]);

        var text = PlanTextRenderer.Render(plan, new Ansi(false), PlanTextOptions.Default);

        Assert.Contains("      - spec.versions[0].schema.openAPIV3Schema.properties.spec.properties: (1,320 fields)\n", text, StringComparison.Ordinal);
        Assert.Contains("      - metadata.name: \"widgets.example.com\"\n", text, StringComparison.Ordinal);
        Assert.InRange(FieldLines(text).Count, 10, LargeObjectFolding.MaxLines);
    }

    /// <summary>The field lines of a text plan: indented, starting with a symbol (not a note).</summary>
    internal static List<string> FieldLines(string text) =>
        [.. GoldenFile.Normalize(text).Split('\n').Where(l => l.Length > 7 && l.StartsWith("      ", StringComparison.Ordinal) && l[6] is '+' or '-' or '~' && l[7] == ' ')];
}

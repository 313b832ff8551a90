using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Cli.Rendering;
using Declarative.Core.Planning;
using Declarative.Core.Providers;
using Declarative.Core.State;

namespace Declarative.Cli.Tests.PlanRendering;

/// <summary>The server defaults of a create as the renderers show them: with --verbose only, among the manifest's
/// fields in path order, marked, and masked under a sensitive path whatever the provider sent.</summary>
public sealed class ServerDefaultRenderingTests
{
    private const string FilledSecret = "c2VydmVyLWZpbGxlZA==";

    [Fact]
    public void Verbose_text_places_each_default_among_the_manifest_fields_by_path_and_marks_it()
    {
        var text = PlanTextRenderer.Render(Plan(), new Ansi(false), verbose: true);

        Assert.Contains(
            "      + apiVersion: \"v1\"\n      + data.extra: (sensitive) # (server default)\n      + data.token: (sensitive)\n      + kind: \"Secret\"\n      + type: \"Opaque\" # (server default)\n",
            text,
            StringComparison.Ordinal);
    }

    [Fact]
    public void A_default_under_a_sensitive_path_is_masked_in_every_view()
    {
        var plan = Plan();

        string[] outputs =
        [
            PlanTextRenderer.Render(plan, new Ansi(false), verbose: true),
            PlanMarkdownRenderer.Render(plan, new PlanMarkdownOptions(Full: true, ServerDefaults: true)),
            PlanJsonRenderer.Render(plan, serverDefaults: true),
        ];

        Assert.All(outputs, output => Assert.DoesNotContain(FilledSecret, output, StringComparison.Ordinal));
        Assert.Contains("+ data.extra: (sensitive) # (server default)\n", outputs[1], StringComparison.Ordinal);
        var filled = JsonNode.Parse(outputs[2])!["resources"]![0]!["serverDefaults"]!.AsArray();
        Assert.Equal(["data.extra", "type"], filled.Select(d => (string)d!["path"]!));
        Assert.True((bool)filled[0]!["sensitive"]!);
    }

    [Fact]
    public void Without_verbose_the_views_have_no_defaults_and_json_no_key()
    {
        var plan = Plan();

        var text = PlanTextRenderer.Render(plan, new Ansi(false), new PlanTextOptions(Full: true));
        var json = JsonNode.Parse(PlanJsonRenderer.Render(plan))!["resources"]![0]!.AsObject();

        Assert.DoesNotContain("server default", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Opaque", text, StringComparison.Ordinal);
        Assert.False(json.ContainsKey("serverDefaults"));
    }

    private static Plan Plan()
    {
        var address = new ResourceAddress(string.Empty, string.Empty, "Secret", "web", "db");
        var desired = JsonNode.Parse("""{"apiVersion":"v1","kind":"Secret","data":{"token":"dG9rZW4="}}""")!.AsObject();
        ImmutableArray<string> sensitive = ["data", "stringData"];
        var diffs = FieldDiffer.Diff(null, desired, new DiffOptions(SensitivePaths: sensitive));
        // A provider bug that sends a sensitive default unmasked must not leak it.
        FieldDiff[] filled = [new("data.extra", FieldDiffKind.Added, null, FilledSecret), new("type", FieldDiffKind.Added, null, "Opaque")];
        var change = new PlannedChange(address, ChangeAction.Create, diffs, [], null, [], [], null, null, ServerDefaults: [.. filled]);
        return new Plan("shop", "prod", 1, new TargetIdentity("https://k8s.test:6443", "test", "web", null), [new ResourceChange(change, "kubernetes", [], sensitive, null)], []);
    }
}

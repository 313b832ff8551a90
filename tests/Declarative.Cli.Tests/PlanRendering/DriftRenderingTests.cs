using System.Text.Json.Nodes;
using Declarative.Cli.Rendering;
using Declarative.Core.Drift;
using Declarative.Core.Providers;

namespace Declarative.Cli.Tests.PlanRendering;

/// <summary>The drift renderers on hand-built reports: notes are shown in every format and are never drift.</summary>
public sealed class DriftRenderingTests
{
    private static readonly ResourceAddress Web = new(string.Empty, "apps", "Deployment", "web", "api");

    private static readonly DriftReport OnlyNotes = new(
        "shop",
        "prod",
        4,
        [],
        [new NotedObject(Web, [new ChangeNote(null, "a note on the whole object"), new ChangeNote("metadata.labels.team", "set by kubectl-label, not in | the manifests: kept")])]);

    [Fact]
    public void Notes_alone_are_no_drift_in_text_json_and_markdown()
    {
        var text = DriftRenderer.Text(OnlyNotes, new Ansi(false));
        var json = JsonNode.Parse(DriftRenderer.Json(OnlyNotes))!;
        var markdown = DriftRenderer.Markdown(OnlyNotes);

        Assert.Equal(
            "\n    Deployment.apps/web/api\n      # a note on the whole object\n      # metadata.labels.team: set by kubectl-label, not in | the manifests: kept\n\nNo drift. The environment matches revision 4.\n",
            text);
        Assert.False((bool)json["drift"]!);
        Assert.Equal("""{"changed":0,"deleted":0,"unmanaged":0}""", json["summary"]!.ToJsonString());
        Assert.Null(json["notes"]![0]!["path"]);
        Assert.Equal("metadata.labels.team", (string?)json["notes"]![1]!["path"]);
        Assert.Equal(
            "### Declarative drift for `shop` / `prod`\n\nNo drift. The environment matches revision 4.\n\nNotes (not counted as drift):\n\n| Object | Field | Note |\n| --- | --- | --- |\n| `Deployment.apps/web/api` |  | a note on the whole object |\n| `Deployment.apps/web/api` | `metadata.labels.team` | set by kubectl-label, not in \\| the manifests: kept |\n",
            markdown);
    }

    [Fact]
    public void A_report_without_notes_reads_as_before()
    {
        var report = OnlyNotes with { Noted = [] };

        Assert.Equal("No drift. The environment matches revision 4.\n", DriftRenderer.Text(report, new Ansi(false)));
        Assert.Equal("### Declarative drift for `shop` / `prod`\n\nNo drift. The environment matches revision 4.\n", DriftRenderer.Markdown(report));
        Assert.Empty(JsonNode.Parse(DriftRenderer.Json(report))!["notes"]!.AsArray());
    }
    [Fact]
    public void A_hand_edited_multi_line_value_is_a_line_diff_and_a_sensitive_one_stays_masked()
    {
        var config = string.Concat(Enumerable.Range(1, 12).Select(i => $"rule_{i}: interval[120s]\n"));
        var edited = config.Replace("rule_6: interval[120s]", "rule_6: interval[180s]", StringComparison.Ordinal);
        var settings = new ResourceAddress(string.Empty, string.Empty, "ConfigMap", "web", "settings");
        var token = new ResourceAddress(string.Empty, string.Empty, "Secret", "web", "token");
        var report = new DriftReport(
            "shop",
            "prod",
            4,
            [
                new DriftedObject(settings, DriftKind.Changed, [new DriftedField("data[\"config.yaml\"]", JsonValue.Create(config), JsonValue.Create(edited), "kubectl-edit", false)]),
                new DriftedObject(token, DriftKind.Changed, [new DriftedField("data[\"key.pem\"]", null, null, "kubectl-edit", true)]),
            ],
            []);

        var text = DriftRenderer.Text(report, new Ansi(false));

        Assert.Contains(
            "      ~ data[\"config.yaml\"]: | -> | (live) # changed by kubectl-edit\n"
            + "            ... 2 unchanged lines ...\n"
            + "            rule_3: interval[120s]\n            rule_4: interval[120s]\n            rule_5: interval[120s]\n"
            + "          - rule_6: interval[120s]\n          + rule_6: interval[180s]\n"
            + "            rule_7: interval[120s]\n            rule_8: interval[120s]\n            rule_9: interval[120s]\n"
            + "            ... 3 unchanged lines ...\n",
            text,
            StringComparison.Ordinal);
        Assert.Contains("      ~ data[\"key.pem\"]: (sensitive) -> (sensitive) (live) # changed by kubectl-edit\n", text, StringComparison.Ordinal);
    }
}

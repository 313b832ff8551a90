using System.Text.Json.Nodes;
using Declarative.Core.Planning;

namespace Declarative.Core.Tests.Planning;

public sealed class FieldDifferTests
{
    [Fact]
    public void Reports_a_changed_leaf_at_its_deepest_path()
    {
        var diffs = FieldDiffer.Diff(Json("""{"spec":{"replicas":1,"paused":false}}"""), Json("""{"spec":{"replicas":3,"paused":false}}"""), DiffOptions.Default);

        var diff = Assert.Single(diffs);
        Assert.Equal("spec.replicas", diff.Path);
        Assert.Equal(FieldDiffKind.Changed, diff.Kind);
        Assert.Equal(1, diff.Before!.GetValue<int>());
        Assert.Equal(3, diff.After!.GetValue<int>());
    }

    [Fact]
    public void Ignores_fields_the_server_filled_in()
    {
        var desired = Json("""{"metadata":{"name":"web"},"spec":{"replicas":2}}""");
        var live = Json("""
            {"metadata":{"name":"web","uid":"1f2e","resourceVersion":"42","generation":3},
             "spec":{"replicas":2,"revisionHistoryLimit":10,"progressDeadlineSeconds":600},
             "status":{"readyReplicas":2}}
            """);

        var diffs = FieldDiffer.Diff(live, desired, new DiffOptions(Scope: desired));

        Assert.Empty(diffs);
    }

    [Fact]
    public void Reports_a_field_deleted_from_the_manifest_as_removed_when_last_applied_had_it()
    {
        var lastApplied = Json("""{"metadata":{"labels":{"app":"web","tier":"frontend"}}}""");
        var live = Json("""{"metadata":{"labels":{"app":"web","tier":"frontend","pod-template-hash":"5d4"}}}""");
        var desired = Json("""{"metadata":{"labels":{"app":"web"}}}""");

        var diffs = FieldDiffer.Diff(live, desired, new DiffOptions(Scope: lastApplied));

        var diff = Assert.Single(diffs);
        Assert.Equal("metadata.labels.tier", diff.Path);
        Assert.Equal(FieldDiffKind.Removed, diff.Kind);
        Assert.Equal("frontend", diff.Before!.GetValue<string>());
        Assert.Null(diff.After);
    }

    [Fact]
    public void Does_not_report_a_removal_the_live_object_has_already_made()
    {
        var lastApplied = Json("""{"spec":{"replicas":2,"paused":true}}""");

        var diffs = FieldDiffer.Diff(Json("""{"spec":{"replicas":2}}"""), Json("""{"spec":{"replicas":2}}"""), new DiffOptions(Scope: lastApplied));

        Assert.Empty(diffs);
    }

    [Fact]
    public void Compares_every_field_when_no_scope_is_given()
    {
        var diffs = FieldDiffer.Diff(Json("""{"a":1,"b":2}"""), Json("""{"a":1}"""), DiffOptions.Default);

        Assert.Equal("b", Assert.Single(diffs).Path);
        Assert.Equal(FieldDiffKind.Removed, diffs[0].Kind);
    }

    [Theory]
    [InlineData("1", "1.0")]
    [InlineData("0.5", "5e-1")]
    [InlineData("100", "1E2")]
    public void Treats_numbers_of_equal_value_as_equal(string before, string after)
    {
        Assert.Empty(FieldDiffer.Diff(Json("{\"n\":" + before + "}"), Json("{\"n\":" + after + "}"), DiffOptions.Default));
    }

    [Fact]
    public void Reports_numbers_of_different_value()
    {
        Assert.Equal("n", Assert.Single(FieldDiffer.Diff(Json("""{"n":1}"""), Json("""{"n":1.5}"""), DiffOptions.Default)).Path);
    }

    [Fact]
    public void Does_not_treat_a_string_as_equal_to_the_number_it_spells()
    {
        var diff = Assert.Single(FieldDiffer.Diff(Json("""{"port":"8080"}"""), Json("""{"port":8080}"""), DiffOptions.Default));

        Assert.Equal(FieldDiffKind.Changed, diff.Kind);
        Assert.Equal("\"8080\"", diff.Before!.ToJsonString());
        Assert.Equal("8080", diff.After!.ToJsonString());
    }

    [Fact]
    public void Reports_an_added_object_as_one_diff_carrying_the_subtree()
    {
        var strategy = """{"type":"RollingUpdate","rollingUpdate":{"maxSurge":1}}""";

        var diffs = FieldDiffer.Diff(Json("""{"spec":{"replicas":1}}"""), Json("""{"spec":{"replicas":1,"strategy":""" + strategy + "}}"), DiffOptions.Default);

        var diff = Assert.Single(diffs);
        Assert.Equal(("spec.strategy", FieldDiffKind.Added), (diff.Path, diff.Kind));
        Assert.True(JsonNode.DeepEquals(Json(strategy), diff.After));
    }

    [Fact]
    public void Reports_a_removed_object_as_one_diff_carrying_the_subtree()
    {
        var before = Json("""{"spec":{"strategy":{"type":"Recreate"}}}""");

        var diff = Assert.Single(FieldDiffer.Diff(before, Json("""{"spec":{}}"""), new DiffOptions(Scope: before)));

        Assert.Equal(("spec.strategy", FieldDiffKind.Removed), (diff.Path, diff.Kind));
        Assert.Equal("""{"type":"Recreate"}""", diff.Before!.ToJsonString());
    }

    [Fact]
    public void Reports_a_type_change_as_one_changed_diff()
    {
        var diff = Assert.Single(FieldDiffer.Diff(Json("""{"spec":{"selector":{"app":"web"}}}"""), Json("""{"spec":{"selector":"app=web"}}"""), DiffOptions.Default));

        Assert.Equal(("spec.selector", FieldDiffKind.Changed), (diff.Path, diff.Kind));
        Assert.Equal("""{"app":"web"}""", diff.Before!.ToJsonString());
        Assert.Equal("\"app=web\"", diff.After!.ToJsonString());
    }

    [Fact]
    public void Quotes_label_keys_with_dots_and_slashes()
    {
        var before = Json("""{"metadata":{"labels":{"app.kubernetes.io/name":"kubia","app":"a"}}}""");
        var after = Json("""{"metadata":{"labels":{"app.kubernetes.io/name":"kubia-v2","app":"a","team/owner":"x"}}}""");

        var diffs = FieldDiffer.Diff(before, after, DiffOptions.Default);

        Assert.Equal(["metadata.labels[\"app.kubernetes.io/name\"]", "metadata.labels[\"team/owner\"]"], diffs.Select(d => d.Path));
    }

    [Fact]
    public void Sorts_diffs_by_path_in_ordinal_order()
    {
        var diffs = FieldDiffer.Diff(Json("""{"z":1,"b":{"y":1,"a":1},"B":1}"""), Json("""{"z":2,"b":{"y":2,"a":2},"B":2}"""), DiffOptions.Default);

        Assert.Equal(["B", "b.a", "b.y", "z"], diffs.Select(d => d.Path));
    }

    [Fact]
    public void Reports_a_created_object_field_by_field()
    {
        var diffs = FieldDiffer.Diff(null, Json("""{"kind":"ConfigMap","data":{"a":"1"}}"""), DiffOptions.Default);

        Assert.Equal([("data", FieldDiffKind.Added), ("kind", FieldDiffKind.Added)], diffs.Select(d => (d.Path, d.Kind)));
    }

    [Fact]
    public void Reports_a_deleted_object_on_the_scoped_fields_only()
    {
        var live = Json("""{"kind":"ConfigMap","data":{"a":"1"},"status":{}}""");

        var diffs = FieldDiffer.Diff(live, null, new DiffOptions(Scope: Json("""{"kind":"ConfigMap","data":{}}""")));

        Assert.Equal([("data", FieldDiffKind.Removed), ("kind", FieldDiffKind.Removed)], diffs.Select(d => (d.Path, d.Kind)));
    }

    [Fact]
    public void Leaves_its_inputs_unchanged_and_returns_detached_values()
    {
        var before = Json("""{"spec":{"args":["a"],"extra":{"x":1}}}""");
        var after = Json("""{"spec":{"args":["b"],"added":{"y":2}}}""");
        var (beforeText, afterText) = (before.ToJsonString(), after.ToJsonString());

        var diffs = FieldDiffer.Diff(before, after, DiffOptions.Default);
        ((JsonObject)diffs.Single(d => d.Path == "spec.added").After!)["y"] = 3;

        Assert.Equal((beforeText, afterText), (before.ToJsonString(), after.ToJsonString()));
        Assert.All(diffs, d => Assert.True(d.After?.Parent is null && d.Before?.Parent is null));
    }

    public static TheoryData<string?, string?> OddPairs => new()
    {
        { null, null }, { "1", "\"1\"" }, { "[1,2]", "{\"a\":1}" }, { "null", "{}" }, { "{\"a\":null}", "{\"a\":{}}" },
        { "{\"a\":[[1],[2]]}", "{\"a\":[[2],{}]}" }, { "{\"env\":[{\"name\":1},{\"name\":1}]}", "{\"env\":[{\"name\":{}}]}" },
        { "{\"ports\":[{\"port\":1}]}", "{\"ports\":[{\"containerPort\":1}]}" }, { "{\"x\":1e400}", "{\"x\":1}" },
    };

    [Theory]
    [MemberData(nameof(OddPairs))]
    public void Never_throws_on_any_pair_of_trees(string? before, string? after)
    {
        var options = new DiffOptions(Scope: Json("{}"), SensitivePaths: ["a"], IgnoredPaths: ["x.y"], UnknownPointers: ["/a/0"]);

        var exception = Record.Exception(() =>
        {
            FieldDiffer.Diff(Parse(before), Parse(after), DiffOptions.Default);
            FieldDiffer.Diff(Parse(after), Parse(before), options);
        });

        Assert.Null(exception);
    }

    private static JsonNode? Parse(string? json) => json is null ? null : JsonNode.Parse(json);

    private static JsonNode Json(string json) => JsonNode.Parse(json)!;
}

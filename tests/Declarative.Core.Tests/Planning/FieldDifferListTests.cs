using System.Text.Json.Nodes;
using Declarative.Core.Planning;

namespace Declarative.Core.Tests.Planning;

public sealed class FieldDifferListTests
{
    private const string Web = """{"name":"web","image":"kubia:1","env":[{"name":"MODE","value":"fast"},{"name":"LOG","value":"info"}]}""";
    private const string Worker = """{"name":"worker","image":"kubia-worker:1"}""";

    [Fact]
    public void Ignores_containers_that_were_only_reordered()
    {
        var diffs = FieldDiffer.Diff(Deployment(Web, Worker), Deployment(Worker, Web), DiffOptions.Default);

        Assert.Empty(diffs);
    }

    [Fact]
    public void Reports_a_changed_env_var_by_container_and_variable_name()
    {
        var changed = Web.Replace("\"fast\"", "\"safe\"", StringComparison.Ordinal);

        var diffs = FieldDiffer.Diff(Deployment(Worker, Web), Deployment(changed, Worker), DiffOptions.Default);

        var diff = Assert.Single(diffs);
        Assert.Equal("spec.template.spec.containers[name=web].env[name=MODE].value", diff.Path);
        Assert.Equal(("fast", "safe"), (diff.Before!.GetValue<string>(), diff.After!.GetValue<string>()));
    }

    [Fact]
    public void Reports_an_added_container_as_one_diff_with_the_whole_item()
    {
        var diffs = FieldDiffer.Diff(Deployment(Web), Deployment(Web, Worker), DiffOptions.Default);

        var diff = Assert.Single(diffs);
        Assert.Equal(("spec.template.spec.containers[name=worker]", FieldDiffKind.Added), (diff.Path, diff.Kind));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Worker), diff.After));
    }

    [Fact]
    public void Reports_a_removed_container_only_when_last_applied_had_it()
    {
        var injected = """{"name":"istio-proxy","image":"proxy:1"}""";
        var live = Deployment(Web, Worker, injected);

        var diffs = FieldDiffer.Diff(live, Deployment(Web), new DiffOptions(Scope: Deployment(Web, Worker)));

        var diff = Assert.Single(diffs);
        Assert.Equal(("spec.template.spec.containers[name=worker]", FieldDiffKind.Removed), (diff.Path, diff.Kind));
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Worker), diff.Before));
    }

    [Fact]
    public void Ignores_defaults_the_server_added_inside_a_matched_container()
    {
        var defaulted = Web.Replace("\"name\":\"web\"", "\"name\":\"web\",\"imagePullPolicy\":\"IfNotPresent\",\"terminationMessagePath\":\"/dev/termination-log\"", StringComparison.Ordinal);

        Assert.Empty(FieldDiffer.Diff(Deployment(defaulted), Deployment(Web), new DiffOptions(Scope: Deployment(Web))));
    }

    [Fact]
    public void Shows_container_ports_by_port_and_protocol()
    {
        var before = Json("""{"spec":{"ports":[{"containerPort":80,"protocol":"TCP","name":"http"},{"containerPort":80,"protocol":"UDP","name":"dns"}]}}""");
        var after = Json("""{"spec":{"ports":[{"containerPort":80,"protocol":"UDP","name":"dns"},{"containerPort":80,"protocol":"TCP","name":"web"}]}}""");

        var diff = Assert.Single(FieldDiffer.Diff(before, after, DiffOptions.Default));

        Assert.Equal("spec.ports[containerPort=80,protocol=TCP].name", diff.Path);
    }

    [Fact]
    public void Matches_a_port_without_protocol_to_the_same_port_with_TCP()
    {
        var desired = Json("""{"spec":{"ports":[{"port":80,"targetPort":8080}]}}""");
        var live = Json("""{"spec":{"ports":[{"port":80,"protocol":"TCP","targetPort":8080}]}}""");

        Assert.Empty(FieldDiffer.Diff(live, desired, new DiffOptions(Scope: desired)));
    }

    [Fact]
    public void Reports_a_changed_list_of_scalars_as_one_change_with_both_lists()
    {
        var diff = Assert.Single(FieldDiffer.Diff(Json("""{"args":["--a","--b"]}"""), Json("""{"args":["--b","--a"]}"""), DiffOptions.Default));

        Assert.Equal(("args", FieldDiffKind.Changed), (diff.Path, diff.Kind));
        Assert.Equal("""["--a","--b"]""", diff.Before!.ToJsonString());
        Assert.Equal("""["--b","--a"]""", diff.After!.ToJsonString());
    }

    [Fact]
    public void Compares_unkeyed_lists_of_objects_by_position()
    {
        var before = Json("""{"rules":[{"host":"a.example"},{"host":"b.example"}]}""");
        var after = Json("""{"rules":[{"host":"a.example"},{"host":"c.example"},{"host":"d.example"}]}""");

        var diffs = FieldDiffer.Diff(before, after, DiffOptions.Default);

        Assert.Equal([("rules[1].host", FieldDiffKind.Changed), ("rules[2]", FieldDiffKind.Added)], diffs.Select(d => (d.Path, d.Kind)));
    }

    [Fact]
    public void Reports_a_trailing_unkeyed_item_as_removed_only_when_in_scope()
    {
        var live = Json("""{"rules":[{"host":"a"},{"host":"b"},{"host":"c"}]}""");
        var desired = Json("""{"rules":[{"host":"a"}]}""");

        var diffs = FieldDiffer.Diff(live, desired, new DiffOptions(Scope: Json("""{"rules":[{"host":"a"},{"host":"b"}]}""")));

        Assert.Equal([("rules[1]", FieldDiffKind.Removed)], diffs.Select(d => (d.Path, d.Kind)));
    }

    [Fact]
    public void Falls_back_to_position_when_a_key_repeats()
    {
        var before = Json("""{"env":[{"name":"A","value":"1"},{"name":"A","value":"2"}]}""");
        var after = Json("""{"env":[{"name":"A","value":"1"},{"name":"A","value":"3"}]}""");

        Assert.Equal(["env[1].value"], FieldDiffer.Diff(before, after, DiffOptions.Default).Select(d => d.Path));
    }

    private static JsonObject Deployment(params string[] containers) => (JsonObject)Json(
        """{"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"kubia"},"spec":{"replicas":2,"template":{"spec":{"containers":["""
        + string.Join(",", containers) + "]}}}}");

    private static JsonNode Json(string json) => JsonNode.Parse(json)!;
}

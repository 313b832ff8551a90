using System.Text.Json;
using System.Text.Json.Nodes;
using Declarative.Core.Planning;

namespace Declarative.Core.Tests.Planning;

public sealed class FieldDifferMaskingTests
{
    private const string OldPassword = "aHVudGVyMg==";
    private const string NewPassword = "czNjcjN0LW5ldw==";
    private const string Token = "dG9rZW4tdmFsdWU=";

    [Fact]
    public void Masks_secret_data_and_shows_only_the_key_names()
    {
        var live = Json($$$"""{"kind":"Secret","data":{"password":"{{{OldPassword}}}","old":"{{{Token}}}"}}""");
        var desired = Json($$$"""{"kind":"Secret","data":{"password":"{{{NewPassword}}}","tls.crt":"{{{Token}}}"}}""");

        var diffs = FieldDiffer.Diff(live, desired, new DiffOptions(Scope: live, SensitivePaths: ["data"]));

        Assert.Equal(
            [("data.old", FieldDiffKind.Removed), ("data.password", FieldDiffKind.Changed), ("data[\"tls.crt\"]", FieldDiffKind.Added)],
            diffs.Select(d => (d.Path, d.Kind)));
        Assert.All(diffs, d => Assert.True(d.Sensitive && d.Before is null && d.After is null));
        AssertNoSecretIn(diffs);
    }

    [Fact]
    public void Masks_secret_data_of_a_created_secret()
    {
        var desired = Json($$$"""{"kind":"Secret","metadata":{"name":"db"},"data":{"password":"{{{NewPassword}}}"}}""");

        var diffs = FieldDiffer.Diff(null, desired, new DiffOptions(SensitivePaths: ["data"]));

        Assert.Equal(["data.password", "kind", "metadata"], diffs.Select(d => d.Path));
        Assert.True(diffs[0].Sensitive);
        AssertNoSecretIn(diffs);
    }

    [Fact]
    public void Masks_a_sensitive_field_inside_an_added_object_and_shows_the_rest()
    {
        var desired = Json("{\"spec\":{\"auth\":{\"username\":\"admin\",\"password\":\"" + NewPassword + "\"}}}");

        var diffs = FieldDiffer.Diff(Json("{}"), desired, new DiffOptions(SensitivePaths: ["spec.auth.password"]));

        Assert.Equal([("spec.auth.password", true), ("spec.auth.username", false)], diffs.Select(d => (d.Path, d.Sensitive)));
        Assert.Equal("admin", diffs[1].After!.GetValue<string>());
        AssertNoSecretIn(diffs);
    }

    [Fact]
    public void Masks_a_type_change_whose_new_value_holds_a_sensitive_field()
    {
        var desired = Json("{\"spec\":{\"auth\":{\"password\":\"" + NewPassword + "\"}}}");

        var diff = Assert.Single(FieldDiffer.Diff(Json("""{"spec":{"auth":"none"}}"""), desired, new DiffOptions(SensitivePaths: ["spec.auth.password"])));

        Assert.Equal(("spec.auth", true), (diff.Path, diff.Sensitive));
        AssertNoSecretIn([diff]);
    }

    [Fact]
    public void Drops_diffs_under_ignored_paths()
    {
        var live = Json("""{"spec":{"replicas":5,"template":{"metadata":{"annotations":{"restartedAt":"now"}}},"paused":true}}""");
        var desired = Json("""{"spec":{"replicas":2,"template":{"metadata":{"annotations":{"restartedAt":"then"}}},"paused":false}}""");

        var diffs = FieldDiffer.Diff(live, desired, new DiffOptions(IgnoredPaths: ["spec.replicas", "spec.template.metadata.annotations"]));

        Assert.Equal(["spec.paused"], diffs.Select(d => d.Path));
    }

    [Fact]
    public void Leaves_ignored_fields_out_of_an_added_object()
    {
        var diffs = FieldDiffer.Diff(null, Json("""{"spec":{"replicas":3,"selector":{"app":"web"}}}"""), new DiffOptions(IgnoredPaths: ["spec.replicas"]));

        Assert.Equal(["spec.selector"], diffs.Select(d => d.Path));
    }

    [Fact]
    public void Reports_an_unknown_value_as_known_after_apply()
    {
        var live = Deployment("""{"name":"web","image":"registry.local/kubia:in1-0a1b@sha256:aa"}""");
        var desired = Deployment("""{"name":"web","image":"${image:kubia}"}""");

        var diffs = FieldDiffer.Diff(live, desired, new DiffOptions(Scope: desired, UnknownPointers: ["/spec/template/spec/containers/0/image"]));

        var diff = Assert.Single(diffs);
        Assert.Equal(("spec.template.spec.containers[name=web].image", FieldDiffKind.Changed), (diff.Path, diff.Kind));
        Assert.True(diff.Unknown);
        Assert.Null(diff.After);
        Assert.Equal("registry.local/kubia:in1-0a1b@sha256:aa", diff.Before!.GetValue<string>());
    }

    [Fact]
    public void Reports_an_unknown_value_even_when_the_live_text_looks_the_same()
    {
        var desired = Deployment("""{"name":"web","image":"${image:kubia}"}""");

        var diffs = FieldDiffer.Diff(desired.DeepClone(), desired, new DiffOptions(UnknownPointers: ["/spec/template/spec/containers/0/image"]));

        Assert.True(Assert.Single(diffs).Unknown);
    }

    [Fact]
    public void Splits_an_added_container_that_holds_an_unknown_value()
    {
        var live = Deployment("""{"name":"db","image":"postgres:16"}""");
        var desired = Deployment("""{"name":"db","image":"postgres:16"}""", """{"name":"web","image":"${image:kubia}"}""");

        var diffs = FieldDiffer.Diff(live, desired, new DiffOptions(UnknownPointers: ["/spec/template/spec/containers/1/image"]));

        Assert.Equal(
            [("spec.template.spec.containers[name=web].image", true), ("spec.template.spec.containers[name=web].name", false)],
            diffs.Select(d => (d.Path, d.Unknown)));
        Assert.Equal(FieldDiffKind.Added, diffs[0].Kind);
    }

    private static void AssertNoSecretIn(IEnumerable<FieldDiff> diffs)
    {
        var text = string.Join("\n", diffs.Select(d => d.ToString())) + JsonSerializer.Serialize(diffs);
        foreach (var secret in new[] { OldPassword, NewPassword, Token })
        {
            Assert.DoesNotContain(secret, text, StringComparison.Ordinal);
        }
    }

    private static JsonObject Deployment(params string[] containers) => (JsonObject)Json(
        """{"kind":"Deployment","spec":{"template":{"spec":{"containers":[""" + string.Join(",", containers) + "]}}}}");

    private static JsonNode Json(string json) => JsonNode.Parse(json)!;
}

using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Patching;

namespace Declarative.Kubernetes.ApiServer.Tests.Ssa;

public sealed class JsonPatchTests
{
    [Theory]
    [InlineData("""{"foo":"bar"}""", """[{"op":"add","path":"/baz","value":"qux"}]""", """{"foo":"bar","baz":"qux"}""")]
    [InlineData("""{"foo":["bar","baz"]}""", """[{"op":"add","path":"/foo/1","value":"qux"}]""", """{"foo":["bar","qux","baz"]}""")]
    [InlineData("""{"baz":"qux","foo":"bar"}""", """[{"op":"remove","path":"/baz"}]""", """{"foo":"bar"}""")]
    [InlineData("""{"foo":["bar","qux","baz"]}""", """[{"op":"remove","path":"/foo/1"}]""", """{"foo":["bar","baz"]}""")]
    [InlineData("""{"baz":"qux","foo":"bar"}""", """[{"op":"replace","path":"/baz","value":"boo"}]""", """{"baz":"boo","foo":"bar"}""")]
    [InlineData("""{"foo":{"bar":"baz","waldo":"fred"},"qux":{"corge":"grault"}}""", """[{"op":"move","from":"/foo/waldo","path":"/qux/thud"}]""", """{"foo":{"bar":"baz"},"qux":{"corge":"grault","thud":"fred"}}""")]
    [InlineData("""{"foo":["all","grass","cows","eat"]}""", """[{"op":"move","from":"/foo/1","path":"/foo/3"}]""", """{"foo":["all","cows","eat","grass"]}""")]
    [InlineData("""{"baz":"qux","foo":["a",2,"c"]}""", """[{"op":"test","path":"/baz","value":"qux"},{"op":"test","path":"/foo/1","value":2}]""", """{"baz":"qux","foo":["a",2,"c"]}""")]
    [InlineData("""{"foo":"bar"}""", """[{"op":"add","path":"/child","value":{"grandchild":{}}}]""", """{"foo":"bar","child":{"grandchild":{}}}""")]
    [InlineData("""{"foo":["bar"]}""", """[{"op":"add","path":"/foo/-","value":["abc","def"]}]""", """{"foo":["bar",["abc","def"]]}""")]
    [InlineData("""{"/":9,"~1":10}""", """[{"op":"test","path":"/~01","value":10},{"op":"replace","path":"/~1","value":8}]""", """{"/":8,"~1":10}""")]
    [InlineData("""{"a":{"b":1}}""", """[{"op":"copy","from":"/a","path":"/c"}]""", """{"a":{"b":1},"c":{"b":1}}""")]
    [InlineData("""{"a":1}""", """[{"op":"replace","path":"","value":{"b":2}}]""", """{"b":2}""")]
    public void Applies_the_examples_of_RFC_6902(string target, string patch, string expected)
    {
        var result = JsonPatch.Apply(JsonNode.Parse(target)!, (JsonArray)JsonNode.Parse(patch)!);

        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), result), result.ToJsonString());
    }

    [Fact]
    public void Reports_a_failed_test_with_its_path()
    {
        var patch = (JsonArray)JsonNode.Parse("""[{"op":"test","path":"/spec/replicas","value":5}]""")!;

        var error = Assert.Throws<JsonPatchException>(() => JsonPatch.Apply(JsonNode.Parse("""{"spec":{"replicas":3}}""")!, patch));

        Assert.Equal("testing value /spec/replicas failed: test failed", error.Message);
    }

    [Theory]
    [InlineData("""[{"op":"add","path":"/baz/bat","value":"qux"}]""", "add operation does not apply to \"/baz/bat\"")]
    [InlineData("""[{"op":"remove","path":"/nope"}]""", "remove operation does not apply to \"/nope\"")]
    [InlineData("""[{"op":"replace","path":"/nope","value":1}]""", "replace operation does not apply to \"/nope\"")]
    [InlineData("""[{"op":"add","path":"/list/5","value":1}]""", "add operation does not apply to \"/list/5\"")]
    [InlineData("""[{"op":"move","from":"/nope","path":"/x"}]""", "move operation does not apply to \"/x\": doc is missing from path: /nope")]
    [InlineData("""[{"op":"add","path":"/x"}]""", "add operation does not apply to \"/x\": missing \"value\"")]
    [InlineData("""[{"op":"jump","path":"/x"}]""", "Unexpected kind: jump")]
    public void Names_the_operation_and_path_that_cannot_be_applied(string patch, string expectedStart)
    {
        var operations = (JsonArray)JsonNode.Parse(patch)!;

        var error = Assert.Throws<JsonPatchException>(() => JsonPatch.Apply(JsonNode.Parse("""{"foo":"bar","list":[1]}""")!, operations));

        Assert.StartsWith(expectedStart, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Leaves_the_target_unchanged_even_when_a_later_operation_fails()
    {
        var target = JsonNode.Parse("""{"a":1}""")!;
        var patch = (JsonArray)JsonNode.Parse("""[{"op":"add","path":"/b","value":2},{"op":"remove","path":"/zzz"}]""")!;

        Assert.Throws<JsonPatchException>(() => JsonPatch.Apply(target, patch));

        Assert.Equal("""{"a":1}""", target.ToJsonString());
    }
}

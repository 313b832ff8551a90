using System.Text.Json.Nodes;
using Declarative.Core.Providers;

namespace Declarative.Core.Tests.Providers;

public sealed class JsonPointerTests
{
    [Theory]
    [InlineData("app.kubernetes.io/name", "app.kubernetes.io~1name")]
    [InlineData("a~b", "a~0b")]
    [InlineData("~1", "~01")]
    public void Escapes_and_unescapes_tilde_and_slash(string segment, string escaped)
    {
        Assert.Equal(escaped, JsonPointer.Escape(segment));
        Assert.Equal(segment, JsonPointer.Unescape(escaped));
    }

    [Fact]
    public void Splits_a_pointer_into_unescaped_segments()
    {
        Assert.Empty(JsonPointer.Segments(string.Empty));
        Assert.Equal(["metadata", "labels", "app.kubernetes.io/name"], JsonPointer.Segments("/metadata/labels/app.kubernetes.io~1name"));
        Assert.Equal("/spec/containers/0/env", JsonPointer.Append(JsonPointer.Append(JsonPointer.Append("/spec", "containers"), 0), "env"));
    }

    [Fact]
    public void Gets_object_keys_and_list_items()
    {
        var root = JsonNode.Parse("""{"metadata":{"labels":{"a/b":"x"}},"spec":{"containers":[{"image":"web:1"}]}}""");

        Assert.Equal("x", JsonPointer.Get(root, "/metadata/labels/a~1b")!.GetValue<string>());
        Assert.Equal("web:1", JsonPointer.Get(root, "/spec/containers/0/image")!.GetValue<string>());
        Assert.Same(root, JsonPointer.Get(root, string.Empty));
    }

    [Theory]
    [InlineData("/spec/containers/1/image")]
    [InlineData("/spec/containers/first")]
    [InlineData("/spec/containers/-1")]
    [InlineData("/spec/missing/deeper")]
    [InlineData("/spec/containers/0/image/more")]
    public void Gets_null_for_a_place_that_does_not_exist(string pointer)
    {
        var root = JsonNode.Parse("""{"spec":{"containers":[{"image":"web:1"}]}}""");

        Assert.Null(JsonPointer.Get(root, pointer));
    }

    [Fact]
    public void Sets_object_keys_and_list_items_in_place()
    {
        var root = JsonNode.Parse("""{"spec":{"args":["a","b"]}}""")!;

        JsonPointer.Set(root, "/spec/args/1", "c");
        JsonPointer.Set(root, "/spec/image", "web:2");

        Assert.Equal("""{"spec":{"args":["a","c"],"image":"web:2"}}""", root.ToJsonString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("/missing/image")]
    [InlineData("/spec/args/0/deeper")]
    public void Refuses_to_set_the_root_or_under_a_missing_parent(string pointer)
    {
        var root = JsonNode.Parse("""{"spec":{"args":["a"]}}""")!;

        Assert.Throws<ArgumentException>(() => JsonPointer.Set(root, pointer, "x"));
    }
}

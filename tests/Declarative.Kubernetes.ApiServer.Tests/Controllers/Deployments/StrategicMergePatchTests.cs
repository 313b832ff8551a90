using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Handlers;

namespace Declarative.Kubernetes.ApiServer.Tests.Controllers.Deployments;

public sealed class StrategicMergePatchTests
{
    private static JsonObject Live() => JsonNode.Parse("""
        {"spec":{"template":{"spec":{
          "containers":[
            {"name":"web","image":"nginx:1.27","env":[{"name":"A","value":"1"},{"name":"B","value":"2"}],"ports":[{"containerPort":80,"name":"http"}],"args":["a","b"]},
            {"name":"sidecar","image":"proxy:1"}],
          "volumes":[{"name":"data","emptyDir":{}}],
          "tolerations":[{"key":"x","operator":"Exists"}]}}},
         "metadata":{"finalizers":["a"]}}
        """)!.AsObject();

    private static JsonObject Patch(string patch) => StrategicMergePatch.Apply(Live(), JsonNode.Parse(patch));

    private static JsonNode Container(JsonObject obj, int index) => obj["spec"]!["template"]!["spec"]!["containers"]![index]!;

    [Fact]
    public void Kubectl_set_image_changes_one_container_and_keeps_the_others()
    {
        var patched = Patch("""{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"web"},{"name":"sidecar"}],"containers":[{"image":"nginx:1.28","name":"web"}]}}}}""");

        Assert.Equal("nginx:1.28", Container(patched, 0)["image"]!.GetValue<string>());
        Assert.Equal("proxy:1", Container(patched, 1)["image"]!.GetValue<string>());
        Assert.Equal(2, Container(patched, 0)["env"]!.AsArray().Count);
    }

    [Fact]
    public void Env_merges_by_name_and_ports_by_container_port()
    {
        var patched = Patch("""{"spec":{"template":{"spec":{"containers":[{"name":"web","env":[{"name":"B","value":"two"},{"name":"C","value":"3"}],"ports":[{"containerPort":80,"protocol":"TCP"}]}]}}}}""");

        var env = Container(patched, 0)["env"]!.AsArray();
        Assert.Equal(["A=1", "B=two", "C=3"], env.Select(e => $"{e!["name"]}={e["value"]}"));
        Assert.Equal("""[{"containerPort":80,"name":"http","protocol":"TCP"}]""", Container(patched, 0)["ports"]!.ToJsonString());
    }

    [Fact]
    public void Patch_delete_removes_a_list_item_by_its_key()
    {
        var patched = Patch("""{"spec":{"template":{"spec":{"containers":[{"name":"sidecar","$patch":"delete"}]}}}}""");

        Assert.Equal("web", Assert.Single(patched["spec"]!["template"]!["spec"]!["containers"]!.AsArray())!["name"]!.GetValue<string>());
    }

    [Fact]
    public void Patch_replace_on_a_list_replaces_it_whole()
    {
        var patched = Patch("""{"spec":{"template":{"spec":{"volumes":[{"name":"cache","emptyDir":{}},{"$patch":"replace"}]}}}}""");

        Assert.Equal("""[{"name":"cache","emptyDir":{}}]""", patched["spec"]!["template"]!["spec"]!["volumes"]!.ToJsonString());
    }

    [Fact]
    public void Patch_replace_on_a_map_and_retain_keys_drop_what_the_patch_does_not_name()
    {
        var replaced = Patch("""{"spec":{"template":{"spec":{"containers":[{"name":"web","$patch":"replace","image":"x:1"}]}}}}""");
        var retained = Patch("""{"spec":{"template":{"spec":{"volumes":[{"name":"data","$retainKeys":["name","hostPath"],"hostPath":{"path":"/d"}}]}}}}""");

        Assert.Equal("""{"name":"web","image":"x:1"}""", Container(replaced, 0).ToJsonString());
        Assert.Equal("""[{"name":"data","hostPath":{"path":"/d"}}]""", retained["spec"]!["template"]!["spec"]!["volumes"]!.ToJsonString());
    }

    [Fact]
    public void Lists_without_a_merge_key_are_replaced_and_nulls_delete()
    {
        var patched = Patch("""{"spec":{"template":{"spec":{"tolerations":[{"key":"y","operator":"Exists"}],"containers":[{"name":"web","args":["c"],"env":null}]}}}}""");

        Assert.Equal("""[{"key":"y","operator":"Exists"}]""", patched["spec"]!["template"]!["spec"]!["tolerations"]!.ToJsonString());
        Assert.Equal("""["c"]""", Container(patched, 0)["args"]!.ToJsonString());
        Assert.Null(Container(patched, 0)["env"]);
    }

    [Fact]
    public void Finalizers_merge_as_a_set_and_delete_from_primitive_list_removes_values()
    {
        var added = Patch("""{"metadata":{"finalizers":["b","a"]}}""");
        var removed = Patch("""{"metadata":{"$deleteFromPrimitiveList/finalizers":["a"]}}""");

        Assert.Equal("""["a","b"]""", added["metadata"]!["finalizers"]!.ToJsonString());
        Assert.Equal("[]", removed["metadata"]!["finalizers"]!.ToJsonString());
    }

    [Fact]
    public void Set_element_order_reorders_the_merged_list()
    {
        var patched = Patch("""{"spec":{"template":{"spec":{"$setElementOrder/containers":[{"name":"sidecar"},{"name":"web"}]}}}}""");

        Assert.Equal("sidecar", Container(patched, 0)["name"]!.GetValue<string>());
    }
}

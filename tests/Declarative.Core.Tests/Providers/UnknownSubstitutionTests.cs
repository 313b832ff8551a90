using System.Collections.Immutable;
using System.Text.Json.Nodes;
using Declarative.Core.Providers;

namespace Declarative.Core.Tests.Providers;

public sealed class UnknownSubstitutionTests
{
    private static readonly ResourceAddress Kubia = new(string.Empty, "declarative.dev", "Image", null, "kubia");
    private static readonly ResourceAddress Worker = new(string.Empty, "declarative.dev", "Image", null, "worker");
    private static readonly Unknown KubiaReference = new("image", "kubia", Kubia, "reference");
    private static readonly Unknown WorkerReference = new("image", "worker", Worker, "reference");

    [Fact]
    public void Replaces_a_reference_with_the_output_of_its_source()
    {
        var content = Content("""{"spec":{"containers":[{"name":"web","image":"${image:kubia}"}]}}""");
        var unknown = new UnknownValue("/spec/containers/0/image", "${image:kubia}", [KubiaReference]);

        var resolved = UnknownSubstitution.Apply(content, [unknown], Outputs((Kubia, "registry.local/kubia:in1-ab@sha256:01")));

        Assert.Equal("registry.local/kubia:in1-ab@sha256:01", JsonPointer.Get(resolved, "/spec/containers/0/image")!.GetValue<string>());
    }

    [Fact]
    public void Replaces_every_reference_inside_one_string()
    {
        var content = Content("""{"spec":{"args":["--run","${image:kubia} then ${image:worker}"]}}""");
        var unknown = new UnknownValue("/spec/args/1", "${image:kubia} then ${image:worker}", [KubiaReference, WorkerReference]);

        var resolved = UnknownSubstitution.Apply(content, [unknown], Outputs((Kubia, "k@sha256:1"), (Worker, "w@sha256:2")));

        Assert.Equal("""{"spec":{"args":["--run","k@sha256:1 then w@sha256:2"]}}""", resolved.ToJsonString());
    }

    [Fact]
    public void Leaves_the_desired_object_unchanged()
    {
        var content = Content("""{"image":"${image:kubia}"}""");

        UnknownSubstitution.Apply(content, [new UnknownValue("/image", "${image:kubia}", [KubiaReference])], Outputs((Kubia, "k@sha256:1")));

        Assert.Equal("""{"image":"${image:kubia}"}""", content.ToJsonString());
    }

    [Fact]
    public void Refuses_when_the_dependency_has_no_such_output_and_names_the_reference()
    {
        var content = Content("""{"image":"${image:kubia}"}""");
        var unknown = new UnknownValue("/image", "${image:kubia}", [KubiaReference]);

        var error = Assert.Throws<InvalidOperationException>(() =>
            UnknownSubstitution.Apply(content, [unknown], new Dictionary<ResourceAddress, ResourceOutputs> { [Kubia] = ResourceOutputs.Empty }));

        Assert.Contains("${image:kubia}", error.Message, StringComparison.Ordinal);
        Assert.Contains("'reference'", error.Message, StringComparison.Ordinal);
    }

    private static JsonObject Content(string json) => (JsonObject)JsonNode.Parse(json)!;

    private static Dictionary<ResourceAddress, ResourceOutputs> Outputs(params (ResourceAddress Address, string Reference)[] outputs) =>
        outputs.ToDictionary(
            o => o.Address,
            o => new ResourceOutputs(ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal, [KeyValuePair.Create("reference", o.Reference)])));
}

using System.Collections.Immutable;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;
using Declarative.Providers.Docker.Catalog;

namespace Declarative.Providers.Docker.Tests.Catalog;

public sealed class DependencyTests
{
    private static readonly CatalogContext Context = new(ImmutableArray<RenderedDocument>.Empty, "default");

    [Fact]
    public void An_image_requires_its_registry()
    {
        var image = TestDocument.Resource("Image", """{"context":".","repository":"127.0.0.1:5000/kubia","registry":"local"}""");

        var edge = Assert.Single(Dependencies(image));

        Assert.Equal(new ReferenceTarget("docker.declarative.dev", "Registry", null, "local"), edge.Target);
        Assert.Equal("spec.registry names Registry local", edge.Reason);
        Assert.Equal(DependencyKind.Required, edge.Kind);
        Assert.Equal("/spec/registry", edge.SourcePointer);
    }

    [Fact]
    public void A_local_image_requires_nothing() =>
        Assert.Empty(Dependencies(TestDocument.Resource("Image", """{"context":"."}""")));

    [Fact]
    public void A_container_requires_the_named_volumes_it_mounts_but_not_host_paths()
    {
        var container = TestDocument.Resource("Container", """{"image":"nginx","volumes":["data:/data","./config:/etc/app:ro","/srv:/srv","logs:/logs:ro"]}""");

        Assert.Equal(
            [("Volume/data", "spec.volumes[0] names Volume data", "/spec/volumes/0"),
             ("Volume/logs", "spec.volumes[3] names Volume logs", "/spec/volumes/3")],
            Dependencies(container).Select(e => ($"{e.Target.Kind}/{e.Target.Name}", e.Reason, e.SourcePointer)));
    }

    [Fact]
    public void A_container_requires_its_networks_but_not_the_built_in_ones()
    {
        var container = TestDocument.Resource("Container", """{"image":"nginx","networks":["backend","bridge","host","none","frontend"]}""");

        var edges = Dependencies(container);

        Assert.Equal(["spec.networks[0] names Network backend", "spec.networks[4] names Network frontend"], edges.Select(e => e.Reason));
        Assert.All(edges, e => Assert.Equal(new ReferenceTarget("docker.declarative.dev", "Network", null, e.Target.Name), e.Target));
        Assert.All(edges, e => Assert.Equal(DependencyKind.Required, e.Kind));
    }

    [Fact]
    public void Leaves_image_references_to_core()
    {
        var container = TestDocument.Resource("Container", """{"image":"${image:kubia}"}""");

        Assert.Empty(Dependencies(container));
    }

    [Fact]
    public void Invalid_entries_imply_no_edge()
    {
        var container = TestDocument.Resource("Container", """{"image":"nginx","volumes":["bad name:/x","data:relative",7],"networks":["back end",null]}""");

        Assert.Empty(Dependencies(container));
    }

    [Theory]
    [InlineData("Registry", """{"server":"ghcr.io"}""")]
    [InlineData("Volume", """{"driver":"local"}""")]
    [InlineData("Network", """{"driver":"bridge"}""")]
    public void Other_kinds_require_nothing(string kind, string spec) =>
        Assert.Empty(Dependencies(TestDocument.Resource(kind, spec)));

    private static List<DependencyRequest> Dependencies(Resource resource) => [.. new DockerKindCatalog().GetDependencies(resource, Context)];
}

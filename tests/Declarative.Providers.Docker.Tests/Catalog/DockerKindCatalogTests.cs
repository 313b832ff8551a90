using System.Collections.Immutable;
using Declarative.Core.Providers;
using Declarative.Providers.Docker.Catalog;

namespace Declarative.Providers.Docker.Tests.Catalog;

public sealed class DockerKindCatalogTests
{
    private static readonly CatalogContext Context = new(ImmutableArray<Declarative.Core.Manifests.RenderedDocument>.Empty, "default");
    private readonly DockerKindCatalog _catalog = new();

    [Fact]
    public void Is_the_docker_provider() => Assert.Equal("docker", _catalog.ProviderName);

    [Fact]
    public void Resolves_the_image_scheme_to_the_Image_kind()
    {
        var target = Assert.Single(_catalog.ReferenceSchemes);
        Assert.Equal("image", target.Key);
        Assert.Equal(new KindRef("docker.declarative.dev", "Image"), target.Value);
    }

    [Theory]
    [InlineData("docker.declarative.dev/v1", "Container")]
    [InlineData("docker.declarative.dev/v1", "Contaner")]
    [InlineData("docker.declarative.dev/v2", "Network")]
    public void Owns_every_version_and_kind_of_its_group(string apiVersion, string kind) =>
        Assert.True(_catalog.Owns(new ResourceType(apiVersion, kind)));

    [Theory]
    [InlineData("apps/v1", "Deployment")]
    [InlineData("v1", "Container")]
    [InlineData("docker.declarative.io/v1", "Container")]
    public void Leaves_other_groups_to_other_catalogs(string apiVersion, string kind) =>
        Assert.False(_catalog.Owns(new ResourceType(apiVersion, kind)));

    [Theory]
    [InlineData("Registry")]
    [InlineData("Image")]
    [InlineData("Container")]
    [InlineData("Volume")]
    [InlineData("Network")]
    public void Places_every_kind_outside_namespaces(string kind)
    {
        var info = _catalog.Describe(new ResourceType("docker.declarative.dev/v1", kind), Context);

        Assert.Equal(ResourceScope.Cluster, info.Scope);
        Assert.Equal(new KindRef("docker.declarative.dev", kind), info.Kind);
    }

    [Fact]
    public void Hides_a_registry_password()
    {
        var registry = TestDocument.Resource("Registry", """{"server":"ghcr.io","username":"bot","password":"s3cret"}""");

        Assert.Equal<string>(["spec.password"], _catalog.GetSensitivePaths(registry));
    }

    [Fact]
    public void Shows_container_environment_values()
    {
        var container = TestDocument.Resource("Container", """{"image":"nginx","env":{"PASSWORD":"visible"}}""");

        Assert.Empty(_catalog.GetSensitivePaths(container));
    }

    [Theory]
    [InlineData("Registry", """{"server":"127.0.0.1:5000","username":{"fromEnv":"REG_USER"},"password":{"fromFile":"./secrets/pw"},"insecure":true}""")]
    [InlineData("Image", """{"context":"../app","dockerfile":"Dockerfile.prod","target":"runtime","buildArgs":{"BASE_IMAGE":"node:22","WORKERS":4,"DEBUG":false},"platform":"linux/arm64/v8","labels":{"team":"web"},"repository":"127.0.0.1:5000/kubia","registry":"local"}""")]
    [InlineData("Container", """{"image":"${image:kubia}","command":["npm","start"],"entrypoint":"/bin/sh -c","env":{"PORT":8080,"LOG_LEVEL":"debug"},"ports":["8080:8080"],"volumes":["data:/data","./config:/etc/app:ro"],"restart":"always","networks":["backend","bridge"],"labels":{"tier":"front"},"user":"1000:1000","workdir":"/app","healthcheck":{"test":["CMD","curl","-f","http://localhost/"],"interval":"30s","timeout":"5s","startPeriod":"1m","retries":3},"stopTimeout":10}""")]
    [InlineData("Volume", """{"driver":"local","driverOpts":{"type":"tmpfs","device":"tmpfs"},"labels":{"keep":"yes"}}""")]
    [InlineData("Network", """{"driver":"bridge","internal":true,"subnet":"172.28.0.0/16","labels":{"zone":"a"}}""")]
    [InlineData("Volume", "{}")]
    public void Accepts_a_complete_document_of_each_kind(string kind, string spec) =>
        Assert.Empty(_catalog.Validate(TestDocument.Of(kind, spec), Context));

    [Fact]
    public void Accepts_a_network_without_spec()
    {
        var document = TestDocument.Parse("""{"apiVersion":"docker.declarative.dev/v1","kind":"Network","metadata":{"name":"backend","annotations":{"declarative.dev/depends-on":"Volume/data"}}}""");

        Assert.Empty(_catalog.Validate(document, Context));
    }
}

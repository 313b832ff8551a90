using Declarative.Providers.Kubernetes.Catalog;

namespace Declarative.Providers.Kubernetes.Tests.Catalog;

public sealed class SensitivePathTests
{
    private readonly KubernetesKindCatalog _catalog = new();

    [Fact]
    public void Hides_the_data_and_string_data_of_a_secret()
    {
        var secret = TestResources.From("""{"apiVersion": "v1", "kind": "Secret", "metadata": {"name": "db"}, "stringData": {"password": "hunter2"}}""");

        Assert.Equal(new[] { "data", "stringData" }, _catalog.GetSensitivePaths(secret).ToArray());
    }

    [Theory]
    [InlineData("v1", "ConfigMap")]
    [InlineData("example.com/v1", "Secret")]
    public void Hides_nothing_of_other_kinds(string apiVersion, string kind)
    {
        var resource = TestResources.From($$$"""{"apiVersion": "{{{apiVersion}}}", "kind": "{{{kind}}}", "metadata": {"name": "x"}, "data": {"a": "b"}}""");

        Assert.Empty(_catalog.GetSensitivePaths(resource));
    }
}

using Declarative.KubeSchemaGen;
using Declarative.Providers.Kubernetes.Catalog;
using Declarative.Providers.Kubernetes.Schemas;
using Declarative.Testing;

namespace Declarative.Providers.Kubernetes.Tests.Schemas;

public sealed class SchemaFileTests
{
    private const string Rerun =
        "dotnet run --project tools/Declarative.KubeSchemaGen -- src/Declarative.Providers.Kubernetes/Schemas/kubernetes-schema.json";

    private static readonly string Committed =
        Path.Combine(TestPaths.RepositoryRoot, "src", "Declarative.Providers.Kubernetes", "Schemas", "kubernetes-schema.json");

    [Fact]
    public void The_committed_schema_file_is_what_the_generator_writes()
    {
        var generated = SchemaGenerator.Generate();
        var committed = File.ReadAllText(Committed).ReplaceLineEndings("\n");

        Assert.True(
            generated == committed,
            $"src/Declarative.Providers.Kubernetes/Schemas/kubernetes-schema.json is not what the generator writes now (the generator, its curated tables or BuiltInKinds changed): rerun {Rerun} and commit the result.");
    }

    [Fact]
    public void The_embedded_file_describes_every_version_of_every_built_in_kind()
    {
        var file = KubeSchemaFile.LoadEmbedded();

        var missing = BuiltInKinds.All
            .SelectMany(k => k.Versions.Select(v => new Core.Providers.ResourceType(k.Group.Length == 0 ? v : $"{k.Group}/{v}", k.Kind)))
            .Where(t => file.TypeOf(t) is null)
            .Select(t => t.ApiVersion + " " + t.Kind);

        Assert.Empty(missing);
        Assert.Equal(SchemaGenerator.Source, file.GeneratedFrom);
    }

    [Fact]
    public void The_schema_file_keeps_required_fields_enums_and_merge_keys()
    {
        var file = KubeSchemaFile.LoadEmbedded();

        Assert.Contains("name", file.Types["V1Container"].Required);
        Assert.Contains("port", file.Types["V1ServicePort"].Required);
        Assert.Equal(["\"Always\"", "\"IfNotPresent\"", "\"Never\""], file.Types["V1Container"].Enums["imagePullPolicy"].ToArray());
        Assert.Equal("[V1Container", file.Types["V1PodSpec"].Properties["containers"]);
        Assert.Equal("{byte", file.Types["V1Secret"].Properties["data"]);
        Assert.Equal("int-or-string", file.Types["V1ServicePort"].Properties["targetPort"]);
        Assert.Equal("{quantity", file.Types["V1ResourceRequirements"].Properties["limits"]);
    }
}

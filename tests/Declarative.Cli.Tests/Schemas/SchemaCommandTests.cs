using Declarative.Testing;

namespace Declarative.Cli.Tests.Schemas;

/// <summary><c>decl schema</c>: what it lists, prints and writes, and that docs/schemas is what it writes.</summary>
public sealed class SchemaCommandTests
{
    private static readonly string[] Expected =
    [
        "container.schema.json", "docker.schema.json", "image.schema.json", "module.schema.json", "network.schema.json",
        "project.schema.json", "registry.schema.json", "volume.schema.json",
    ];

    [Fact]
    public async Task Docs_schemas_holds_exactly_what_decl_schema_out_writes()
    {
        using var temp = new TempDirectory();

        var result = await CliRunner.RunAsync(temp.Root, "schema", "--out", "schemas");

        Assert.True(result.ExitCode == 0, result.All);
        var written = Directory.GetFiles(temp.PathOf("schemas")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        var committed = Directory.GetFiles(SchemaCheck.SchemaFolder).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(Expected, written);
        const string Rerun = "docs/schemas differs from what decl writes: run `dotnet run --project src/Declarative.Cli -- schema --out docs/schemas` and commit the result.";
        Assert.True(written.SequenceEqual(committed), $"{Rerun} Files: [{string.Join(", ", committed)}].");
        foreach (var name in written)
        {
            var fresh = File.ReadAllText(temp.PathOf(Path.Combine("schemas", name!)));
            var kept = File.ReadAllText(Path.Combine(SchemaCheck.SchemaFolder, name!));
            Assert.True(fresh == kept, $"{name}: {Rerun}");
        }

        Assert.Contains("Wrote schemas/container.schema.json", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_kind_it_lists_every_schema_it_can_print()
    {
        var result = await CliRunner.RunAsync(TestPaths.RepositoryRoot, "schema");

        Assert.Equal(0, result.ExitCode);
        foreach (var name in new[] { "project", "module", "Registry", "Image", "Container", "Volume", "Network", "docker" })
        {
            Assert.Matches($"(?m)^  {name} +", result.Stdout);
        }
    }

    [Theory]
    [InlineData("project", "project.schema.json")]
    [InlineData("module", "module.schema.json")]
    [InlineData("Container", "container.schema.json")]
    [InlineData("image", "image.schema.json")]
    [InlineData("docker", "docker.schema.json")]
    public async Task A_kind_prints_its_schema(string kind, string file)
    {
        var result = await CliRunner.RunAsync(TestPaths.RepositoryRoot, "schema", kind);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(File.ReadAllText(Path.Combine(SchemaCheck.SchemaFolder, file)), result.Stdout);
        Assert.Contains("\"$schema\": \"https://json-schema.org/draft/2020-12/schema\"", result.Stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_kind_is_an_error_that_names_the_known_ones()
    {
        var result = await CliRunner.RunAsync(TestPaths.RepositoryRoot, "schema", "Deployment");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("decl has no schema \"Deployment\"", result.Stderr, StringComparison.Ordinal);
        Assert.Contains("project, module, Registry, Image, Container, Volume, Network, docker", result.Stderr, StringComparison.Ordinal);
        Assert.Empty(result.Stdout);
    }
}

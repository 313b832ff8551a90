using System.Text.RegularExpressions;
using Declarative.Testing;

namespace Declarative.Cli.Tests.Schemas;

/// <summary>The examples name their schema on their first line, as yaml-language-server reads it, and satisfy it;
/// so do the Docker documents decl renders from them.</summary>
public sealed partial class ExampleSchemaTests
{
    public static TheoryData<string> FilesWithASchema()
    {
        var data = new TheoryData<string>();
        foreach (var file in SchemaFiles())
        {
            data.Add(file);
        }

        return data;
    }

    [Fact]
    public void Every_project_module_and_Docker_file_of_the_examples_names_its_schema_on_the_first_line()
    {
        var missing = SchemaFiles().Where(file => Modeline(File.ReadLines(Full(file)).First()) is null).ToList();

        Assert.True(missing.Count == 0, $"Add `# yaml-language-server: $schema=<relative path to docs/schemas/...>` as the first line of: {string.Join(", ", missing)}");
        Assert.Contains("examples/kubia/declarative.yaml", SchemaFiles());
        Assert.Contains("modules/web-service/module.yaml", SchemaFiles());
        Assert.Contains("examples/kubia/manifests/container.yaml", SchemaFiles());
    }

    [Theory]
    [MemberData(nameof(FilesWithASchema))]
    public void The_file_satisfies_the_schema_its_first_line_names(string file)
    {
        var path = Full(file);
        var schemaPath = Modeline(File.ReadLines(path).First());
        Assert.NotNull(schemaPath);
        var resolved = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path)!, schemaPath));
        Assert.True(File.Exists(resolved), $"{file} names {schemaPath}, which does not exist.");
        Assert.Equal(SchemaCheck.SchemaFolder, Path.GetDirectoryName(resolved));
        Assert.Equal(ExpectedSchema(file, File.ReadAllText(path)), Path.GetFileName(resolved));

        var problems = SchemaCheck.Problems(SchemaCheck.Load(Path.GetFileName(resolved)), File.ReadAllText(path), file);

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Theory]
    [InlineData("local")]
    [InlineData("dev")]
    [InlineData("prod")]
    public async Task The_rendered_Docker_documents_of_kubia_satisfy_the_schema(string environment)
    {
        var result = await CliRunner.RunAsync(TestPaths.RepositoryRoot, "render", "examples/kubia", "--env", environment);
        Assert.True(result.ExitCode == 0, result.All);
        var docker = string.Join("---\n", result.Stdout.Split("---\n").Where(doc => doc.Contains("docker.declarative.dev/v1", StringComparison.Ordinal)));
        Assert.Contains("kind: Image", docker, StringComparison.Ordinal);

        var problems = SchemaCheck.Problems(SchemaCheck.Load("docker.schema.json"), docker, $"render --env {environment}");

        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>Every declarative.yaml and module.yaml of examples/ and modules/, and every YAML file there that holds
    /// a Docker document; relative to the repository, with '/'.</summary>
    private static List<string> SchemaFiles() =>
    [
        .. new[] { "examples", "modules" }
            .SelectMany(folder => Directory.EnumerateFiles(Path.Combine(TestPaths.RepositoryRoot, folder), "*.yaml", SearchOption.AllDirectories))
            .Where(path => !path.Contains($"{Path.DirectorySeparatorChar}.declarative{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Where(path => Path.GetFileName(path) is "declarative.yaml" or "module.yaml" || File.ReadAllText(path).Contains("docker.declarative.dev/v1", StringComparison.Ordinal))
            .Select(path => Path.GetRelativePath(TestPaths.RepositoryRoot, path).Replace(Path.DirectorySeparatorChar, '/'))
            .Order(StringComparer.Ordinal),
    ];

    /// <summary>A file of several Docker kinds needs the schema that takes any of them.</summary>
    private static string ExpectedSchema(string file, string text)
    {
        if (file.EndsWith("/declarative.yaml", StringComparison.Ordinal))
        {
            return "project.schema.json";
        }

        if (file.EndsWith("/module.yaml", StringComparison.Ordinal))
        {
            return "module.schema.json";
        }

        var kinds = KindLine().Matches(text).Select(m => m.Groups[1].Value).Distinct().ToList();
        return kinds.Count == 1 ? $"{kinds[0].ToLowerInvariant()}.schema.json" : "docker.schema.json";
    }

    private static string Full(string file) => Path.Combine(TestPaths.RepositoryRoot, file);

    private static string? Modeline(string firstLine) => ModelinePattern().Match(firstLine) is { Success: true } match ? match.Groups[1].Value : null;

    [GeneratedRegex(@"^# yaml-language-server: \$schema=(\S+)$")]
    private static partial Regex ModelinePattern();

    [GeneratedRegex(@"(?m)^kind: (\w+)")]
    private static partial Regex KindLine();
}

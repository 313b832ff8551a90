using System.Text.RegularExpressions;
using System.Xml.Linq;
using Declarative.Testing;

namespace Declarative.Cli.Tests;

/// <summary>
/// The dependency rules of DESIGN.md's code layout, read from the project files: Core knows no provider and
/// no CLI, providers know only Core, nothing knows the Cli, and the Cli (the composition root) knows all.
/// </summary>
public sealed partial class ArchitectureTests
{
    private const string Core = "Declarative.Core";
    private const string Cli = "Declarative.Cli";
    private const string ProviderPrefix = "Declarative.Providers.";

    private static readonly string SourceRoot = Path.Combine(TestPaths.RepositoryRoot, "src");

    [Fact]
    public void The_four_shipped_projects_are_core_the_cli_and_two_providers()
    {
        var names = ShippedProjects().Keys.Order(StringComparer.Ordinal).ToArray();

        Assert.Equal(
            [Cli, Core, "Declarative.Providers.Docker", "Declarative.Providers.Kubernetes"],
            names);
    }

    [Fact]
    public void Core_references_no_other_shipped_project()
    {
        Assert.Empty(ShippedProjects()[Core].References);
    }

    [Fact]
    public void Core_does_not_use_the_command_line_package()
    {
        Assert.DoesNotContain("System.CommandLine", ShippedProjects()[Core].Packages);
    }

    [Fact]
    public void Each_provider_references_only_core()
    {
        var providers = ShippedProjects().Values.Where(p => p.Name.StartsWith(ProviderPrefix, StringComparison.Ordinal)).ToArray();
        var violations = providers
            .Where(provider => !provider.References.SequenceEqual([Core]))
            .Select(provider => $"{provider.Name} references [{string.Join(", ", provider.References)}]");

        Assert.NotEmpty(providers);
        Assert.Empty(violations);
    }

    [Fact]
    public void No_shipped_project_references_the_cli()
    {
        var referencingCli = ShippedProjects().Values.Where(p => p.References.Contains(Cli)).Select(p => p.Name);

        Assert.Empty(referencingCli);
    }

    [Fact]
    public void The_cli_references_core_and_every_provider()
    {
        var projects = ShippedProjects();
        var expected = projects.Keys.Where(name => name != Cli).Order(StringComparer.Ordinal);

        Assert.Equal(expected, projects[Cli].References.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Every_project_builds_with_nullable_enabled_and_warnings_as_errors()
    {
        var props = XDocument.Load(Path.Combine(TestPaths.RepositoryRoot, "Directory.Build.props"));

        Assert.Equal("enable", UnconditionalProperty(props, "Nullable"));
        Assert.Equal("true", UnconditionalProperty(props, "TreatWarningsAsErrors"));
        var overrides = ShippedProjects().Values.SelectMany(project => project.Properties
            .Where(p => (p.Name == "Nullable" && p.Value != "enable") || (p.Name == "TreatWarningsAsErrors" && p.Value != "true"))
            .Select(p => $"{project.Name} sets {p.Name} to '{p.Value}'"));

        Assert.Empty(overrides);
    }

    [Fact]
    public void Core_source_files_use_no_docker_or_kubernetes_namespace()
    {
        var offending = SourceFiles(Path.Combine(SourceRoot, Core))
            .SelectMany(file => File.ReadLines(file)
                .Select((line, index) => (line, index))
                .Where(entry => ProviderUsing().IsMatch(entry.line))
                .Select(entry => $"{Path.GetRelativePath(TestPaths.RepositoryRoot, file)}:{entry.index + 1}: {entry.line.Trim()}"));

        Assert.Empty(offending);
    }

    private static Dictionary<string, ProjectFile> ShippedProjects() =>
        Directory.EnumerateFiles(SourceRoot, "*.csproj", SearchOption.AllDirectories)
            .Where(path => !IsBuildOutput(path))
            .Select(ProjectFile.Load)
            .ToDictionary(project => project.Name, StringComparer.Ordinal);

    private static IEnumerable<string> SourceFiles(string folder) =>
        Directory.EnumerateFiles(folder, "*.cs", SearchOption.AllDirectories).Where(path => !IsBuildOutput(path));

    private static bool IsBuildOutput(string path)
    {
        var segments = path.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return segments.Contains("bin") || segments.Contains("obj");
    }

    private static string? UnconditionalProperty(XDocument document, string name) =>
        document.Descendants("PropertyGroup")
            .Where(group => group.Attribute("Condition") is null)
            .Elements(name)
            .Select(element => element.Value.Trim())
            .LastOrDefault();

    [GeneratedRegex(@"^\s*(global\s+)?using\s+(static\s+)?[\w.=\s]*\b(Docker|Kubernetes)\b")]
    private static partial Regex ProviderUsing();

    private sealed record ProjectFile(
        string Name,
        IReadOnlyList<string> References,
        IReadOnlyList<string> Packages,
        IReadOnlyList<(string Name, string Value)> Properties)
    {
        public static ProjectFile Load(string path)
        {
            var document = XDocument.Load(path);
            var references = Includes(document, "ProjectReference")
                .Select(include => Path.GetFileNameWithoutExtension(include.Replace('\\', '/')))
                .Order(StringComparer.Ordinal)
                .ToArray();
            var properties = document.Descendants("PropertyGroup").Elements()
                .Select(element => (element.Name.LocalName, element.Value.Trim()))
                .ToArray();
            return new ProjectFile(
                Path.GetFileNameWithoutExtension(path), references, Includes(document, "PackageReference").ToArray(), properties);
        }

        private static IEnumerable<string> Includes(XDocument document, string item) =>
            document.Descendants(item).Select(element => (string?)element.Attribute("Include") ?? string.Empty);
    }
}

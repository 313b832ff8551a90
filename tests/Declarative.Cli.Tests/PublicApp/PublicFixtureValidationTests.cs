using Declarative.Testing;

namespace Declarative.Cli.Tests.PublicApp;

/// <summary>Every public-style fixture set (tests/fixtures/public, SOURCES.md) validates with no diagnostic at all:
/// the Kubernetes schema checks must not refuse manifests that real clusters accept.</summary>
public sealed class PublicFixtureValidationTests
{
    private static readonly string Fixtures = Path.Combine(TestPaths.RepositoryRoot, "tests", "fixtures", "public");

    public static TheoryData<string> Sets() => [.. Directory.GetDirectories(Fixtures).Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal)];

    [Theory]
    [MemberData(nameof(Sets))]
    public async Task A_public_fixture_set_validates_without_a_diagnostic(string set)
    {
        using var dir = new TempDirectory();
        CopyFolder(Path.Combine(Fixtures, set), dir.PathOf(set));
        if (set == KubePrometheus.Project)
        {
            // Its CRDs are generated, so its custom resources are checked against them too.
            KubePrometheusCrds.WriteTo(dir.PathOf(set));
        }

        var result = await CliRunner.RunAsync(dir.Root, "validate", set);

        Assert.True(result.ExitCode == 0, result.All);
        Assert.Contains("0 errors", result.All, StringComparison.Ordinal);
        Assert.DoesNotContain("warning", result.All, StringComparison.OrdinalIgnoreCase);
    }

    private static void CopyFolder(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}

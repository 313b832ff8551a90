using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Declarative.Cli.Tests.Completion;
using Declarative.Testing;

namespace Declarative.Cli.Tests.Tool;

/// <summary>
/// `decl` as the .NET tool a user installs (README, "Install"): scripts/pack.sh packs the pointer package, this
/// platform's ReadyToRun package and the portable fallback into a temporary folder, `dotnet tool install --tool-path`
/// installs from that folder alone (a NuGet config that clears every other source: nothing comes from the network),
/// and the installed `decl` prints the packed version and validates examples/kubia; the same install into a tool
/// manifest runs as `dotnet decl`. Packing compiles ReadyToRun code,
/// so this test takes minutes on a small machine.
/// </summary>
public sealed partial class ToolPackageTests : IDisposable
{
    private readonly TempDirectory dir = new();

    public void Dispose() => dir.Dispose();

    [Fact]
    public async Task The_packed_tool_installs_from_a_local_folder_and_runs_version_and_validate()
    {
        var feed = Directory.CreateDirectory(dir.PathOf("feed")).FullName;
        var toolPath = dir.PathOf("tools");
        var bash = ShellScripts.Find("bash") ?? throw new InvalidOperationException("bash is not installed; scripts/pack.sh needs it.");

        // Only this platform and the fallback: every platform would compile ReadyToRun code four times over.
        var pack = await ShellScripts.RunAsync(bash, TestPaths.RepositoryRoot, new Dictionary<string, string>
        {
            ["ToolPackageRuntimeIdentifiers"] = $"{RuntimeInformation.RuntimeIdentifier};any",
        }, TimeSpan.FromMinutes(30), Path.Combine(TestPaths.RepositoryRoot, "scripts", "pack.sh"), feed);
        Assert.True(pack.ExitCode == 0, pack.Output);

        var packages = Directory.GetFiles(feed, "*.nupkg").Select(Path.GetFileName).OfType<string>().Order(StringComparer.Ordinal).ToList();
        var pointer = Assert.Single(packages, p => PointerPackage().IsMatch(p));
        var version = PointerPackage().Match(pointer).Groups["version"].Value;
        // A release X.Y.Z on a tag, else the stable X.Y.Z.<commits> that a plain `dotnet tool install` finds.
        Assert.Matches(@"^\d+\.\d+\.\d+(\.\d+|-[0-9A-Za-z.-]+)?$", version);
        Assert.Equal(
            [pointer, $"Declarative.Cli.{RuntimeInformation.RuntimeIdentifier}.{version}.nupkg", $"Declarative.Cli.any.{version}.nupkg"],
            packages.OrderBy(p => p == pointer ? 0 : p.Contains(".any.", StringComparison.Ordinal) ? 2 : 1));

        // The feed alone: <clear/> drops the user's and the machine's sources.
        var config = dir.Write("nuget.config", $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration>
              <packageSources>
                <clear />
                <add key="decl-feed" value="{feed}" />
              </packageSources>
            </configuration>
            """);
        var dotnet = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : ShellScripts.Find("dotnet")!;
        var quiet = new Dictionary<string, string> { ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1", ["DOTNET_NOLOGO"] = "1" };
        var install = await ShellScripts.RunAsync(dotnet, dir.Root, quiet,
            "tool", "install", "--tool-path", toolPath, "--configfile", config, "--add-source", feed, "Declarative.Cli");
        Assert.True(install.ExitCode == 0, install.Output);
        Assert.Contains("decl", install.Stdout, StringComparison.Ordinal);

        var decl = Path.Combine(toolPath, "decl");
        // The tool's launcher finds the runtime through DOTNET_ROOT, the folder of the real dotnet (not of a symlink to it).
        var dotnetRoot = Path.GetDirectoryName(new FileInfo(dotnet).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? dotnet)!;
        var environment = new Dictionary<string, string> { ["DOTNET_ROOT"] = dotnetRoot };
        var printed = await ShellScripts.RunAsync(decl, dir.Root, environment, "--version");
        Assert.True(printed.ExitCode == 0, printed.Output);
        Assert.Equal(version, printed.Stdout.Trim());

        var validate = await ShellScripts.RunAsync(decl, TestPaths.RepositoryRoot, environment, "validate", "examples/kubia");
        Assert.True(validate.ExitCode == 0, validate.Output);
        Assert.Contains("Project \"kubia\" is valid", validate.Stdout, StringComparison.Ordinal);

        // The same package in a tool manifest (a repository pinning its decl): `dotnet decl` runs it.
        var repository = Directory.CreateDirectory(dir.PathOf("repository")).FullName;
        dir.Write("repository/.config/dotnet-tools.json", """{ "version": 1, "isRoot": true, "tools": {} }""");
        var local = await ShellScripts.RunAsync(dotnet, repository, quiet, "tool", "install", "--local", "--configfile", config, "--add-source", feed, "Declarative.Cli");
        Assert.True(local.ExitCode == 0, local.Output);
        Assert.Contains(version, File.ReadAllText(dir.PathOf("repository/.config/dotnet-tools.json")), StringComparison.Ordinal);
        var run = await ShellScripts.RunAsync(dotnet, repository, quiet, "decl", "--version");
        Assert.True(run.ExitCode == 0, run.Output);
        Assert.Equal(version, run.Stdout.Trim());
    }

    /// <summary>Declarative.Cli.X.Y.Z[.N|-suffix].nupkg: the package named after no platform.</summary>
    [GeneratedRegex(@"^Declarative\.Cli\.(?<version>\d+\.\d+\.\d+(\.\d+|-[0-9A-Za-z.-]+)?)\.nupkg$")]
    private static partial Regex PointerPackage();
}

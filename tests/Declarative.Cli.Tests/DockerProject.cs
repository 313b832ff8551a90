using System.Net;
using System.Net.Sockets;
using Declarative.Testing;
using Declarative.Testing.Docker;

namespace Declarative.Cli.Tests;

/// <summary>
/// A project folder of its own (declarative.yaml, environment "local", files under manifests/) run with the real CLI
/// against the test engine. Its name is unique, and at the end every container and local image labelled with it is
/// removed; what was pushed to a registry stays there.
/// </summary>
internal sealed class DockerProject : IAsyncDisposable
{
    private readonly TempDirectory _dir;

    private DockerProject(string name)
    {
        Name = name;
        _dir = new TempDirectory(new Dictionary<string, string>
        {
            ["declarative.yaml"] = $"apiVersion: declarative.dev/v1\nkind: Project\nmetadata: {{name: {name}}}\nspec:\n  environments:\n    local: {{}}\n",
        });
    }

    /// <summary>The project's name: also the prefix of its containers and the name of its local images.</summary>
    public string Name { get; }

    public string StateDirectory => _dir.PathOf("state");

    public static async Task<DockerProject> CreateAsync(string prefix)
    {
        await TestImages.EnsureBusyboxImageAsync(CancellationToken.None);
        return new DockerProject(TestImages.UniqueName(prefix));
    }

    /// <summary>Writes a file under manifests/ and returns its full path.</summary>
    public string Write(string relative, string text) => _dir.Write(Path.Combine("manifests", relative), text);

    public string PathOf(string relative) => _dir.PathOf(Path.Combine("manifests", relative));

    public Task<CliResult> DeclAsync(params string[] args) => DeclAsync(new Dictionary<string, string>(), args);

    /// <summary>Runs decl in the project's folder with the test engine, a state folder inside the project and a fixed
    /// state key, plus <paramref name="variables"/>.</summary>
    public Task<CliResult> DeclAsync(IReadOnlyDictionary<string, string> variables, params string[] args)
    {
        var environment = new Dictionary<string, string>(variables)
        {
            ["DECLARATIVE_STATE_DIR"] = StateDirectory,
            ["DECLARATIVE_STATE_KEY"] = Convert.ToBase64String(Enumerable.Range(1, 32).Select(i => (byte)i).ToArray()),
            ["DOCKER_HOST"] = DockerTestServices.Current.DockerHost,
            ["USER"] = "tester",
        };
        return CliRunner.RunAsync(_dir.Root, environment, [.. args, "."]);
    }

    /// <summary>`docker inspect --format FORMAT TARGET`, trimmed; fails the test when docker fails.</summary>
    public static async Task<string> InspectAsync(string target, string format)
    {
        var result = await DockerCli.RunAsync(["inspect", "--format", format, target], CancellationToken.None);
        Assert.True(result.ExitCode == 0, result.Describe());
        return result.StandardOutput.Trim();
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        var label = $"declarative.dev/project={Name}";
        var containers = await DockerCli.RunAsync(["ps", "-aq", "--filter", $"label={label}"], CancellationToken.None);
        foreach (var id in containers.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            await DockerCli.RunAsync(["rm", "-f", id], CancellationToken.None);
        }

        await TestImages.RemoveImagesLabelledAsync(label, CancellationToken.None);
        _dir.Dispose();
    }
}

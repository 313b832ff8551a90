using System.Diagnostics;
using Declarative.Kubernetes.ApiServer.Hosting;

namespace Declarative.Cli.Tests.Kubernetes;

/// <summary>A fact that needs the real kubectl; skipped with a clear message where it is missing.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class KubectlFactAttribute : FactAttribute
{
    public KubectlFactAttribute()
    {
        if (!File.Exists(Kubectl.Path))
        {
            Skip = $"kubectl is not installed at {Kubectl.Path}; this test runs the real kubectl against the API double.";
        }
    }
}

/// <summary>The real kubectl against the double: its kubeconfig, discovery cache and home in a temporary folder, so
/// nothing of the user's own ~/.kube is read.</summary>
internal sealed class Kubectl : IDisposable
{
    public const string Path = "/usr/bin/kubectl";

    private readonly string _directory = Directory.CreateTempSubdirectory("decl-kubectl-").FullName;

    public Kubectl(ApiServerHost host) => System.IO.File.WriteAllText(System.IO.Path.Combine(_directory, "kubeconfig"), host.KubeconfigYaml());

    /// <summary>Writes <paramref name="manifest"/> to a file of the temporary folder and returns its path.</summary>
    public string File(string name, string manifest)
    {
        var path = System.IO.Path.Combine(_directory, name);
        System.IO.File.WriteAllText(path, manifest);
        return path;
    }

    /// <summary>Runs kubectl and fails the test with its output unless it exits 0; returns stdout.</summary>
    public async Task<string> MustAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["KUBECONFIG"] = System.IO.Path.Combine(_directory, "kubeconfig");
        start.Environment["KUBECACHEDIR"] = System.IO.Path.Combine(_directory, "cache");
        start.Environment["HOME"] = _directory;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"kubectl {string.Join(' ', args)} exited {process.ExitCode}.\nstdout:\n{await stdout}\nstderr:\n{await stderr}");
        return await stdout;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary folder is harmless.
        }
    }
}

using System.Diagnostics;
using Declarative.Kubernetes.ApiServer.Hosting;

namespace Declarative.Kubernetes.ApiServer.Tests.Kubectl;

/// <summary>Runs the real kubectl against a double: the double's kubeconfig in a temporary file, a temporary
/// discovery cache, nothing from the user's own ~/.kube.</summary>
internal sealed class KubectlRunner : IDisposable
{
    public const string Path = "/usr/bin/kubectl";

    private readonly string _directory = System.IO.Directory.CreateTempSubdirectory("kubectl-fidelity-").FullName;

    public KubectlRunner(ApiServerHost host)
        : this(host.KubeconfigYaml())
    {
    }

    public KubectlRunner(string kubeconfigYaml)
    {
        Kubeconfig = System.IO.Path.Combine(_directory, "kubeconfig");
        File.WriteAllText(Kubeconfig, kubeconfigYaml);
    }

    public string Kubeconfig { get; }

    public string Directory => _directory;

    public async Task<KubectlResult> RunAsync(params string[] args)
    {
        var start = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["KUBECONFIG"] = Kubeconfig;
        start.Environment["KUBECACHEDIR"] = System.IO.Path.Combine(_directory, "cache");
        start.Environment["HOME"] = _directory;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        return new KubectlResult(string.Join(' ', args), process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs kubectl and fails the test with its output unless it exits with <paramref name="expectedExit"/>.</summary>
    public async Task<string> MustAsync(int expectedExit, params string[] args)
    {
        var result = await RunAsync(args);
        Assert.True(result.ExitCode == expectedExit, result.Describe(expectedExit));
        return result.Stdout;
    }

    public Task<string> MustAsync(params string[] args) => MustAsync(0, args);

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temporary directory is harmless.
        }
    }
}

internal sealed record KubectlResult(string Command, int ExitCode, string Stdout, string Stderr)
{
    public string Describe(int expectedExit) =>
        $"kubectl {Command} exited {ExitCode}, expected {expectedExit}.\nstdout:\n{Stdout}\nstderr:\n{Stderr}";
}

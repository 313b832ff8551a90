using System.Diagnostics;

namespace Declarative.Providers.Kubernetes.Tests.Client;

/// <summary>The real kubectl with one kubeconfig, its cache and home in a temporary folder and no proxy variables,
/// so tests compare Declarative's client with kubectl's behaviour on the same file.</summary>
internal static class Kubectl
{
    public const string Path = "/usr/bin/kubectl";

    /// <summary>Exit code and stdout plus stderr.</summary>
    public static async Task<(int Code, string Output)> RunAsync(string kubeconfig, params string[] args)
    {
        var home = Directory.CreateTempSubdirectory("decl-kubectl-");
        try
        {
            var start = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true };
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            start.Environment["KUBECONFIG"] = kubeconfig;
            start.Environment["HOME"] = home.FullName;
            start.Environment["KUBECACHEDIR"] = System.IO.Path.Combine(home.FullName, "cache");
            foreach (var name in new[] { "HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy" })
            {
                start.Environment.Remove(name);
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return (process.ExitCode, await stdout + await stderr);
        }
        finally
        {
            home.Delete(recursive: true);
        }
    }
}

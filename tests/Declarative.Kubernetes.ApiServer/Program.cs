using System.Runtime.InteropServices;
using Declarative.Kubernetes.ApiServer.Hosting;

namespace Declarative.Kubernetes.ApiServer;

/// <summary>The double as a process: serves until SIGTERM or SIGINT; bad arguments exit 2 with the usage.</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (args is ["--help"] or ["-h"])
        {
            await Console.Out.WriteAsync(ProcessArguments.Usage);
            return 0;
        }

        var parsed = ProcessArguments.Parse(args, out var error);
        if (parsed is null)
        {
            await Console.Error.WriteLineAsync(error);
            await Console.Error.WriteAsync(ProcessArguments.Usage);
            return 2;
        }

        var stopped = new TaskCompletionSource();
        using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);
        using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
        await using var host = await ApiServerHost.StartAsync(parsed.Options, CancellationToken.None);
        var ready = $"Serving on {host.Server}";
        if (parsed.KubeconfigOut is { } file)
        {
            await WriteKubeconfigAsync(file, host.KubeconfigYaml());
            ready += $", kubeconfig {file}";
        }

        await Console.Out.WriteLineAsync(ready);
        await Console.Out.FlushAsync();
        await stopped.Task;
        return 0;

        void Stop(PosixSignalContext context)
        {
            context.Cancel = true;
            stopped.TrySetResult();
        }
    }

    private static async Task WriteKubeconfigAsync(string file, string yaml)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var stream = new FileStream(file, options);
        await using var writer = new StreamWriter(stream);
        await writer.WriteAsync(yaml);
        if (!OperatingSystem.IsWindows())
        {
            // UnixCreateMode only applies to new files; an existing file keeps its mode otherwise.
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }
    }
}

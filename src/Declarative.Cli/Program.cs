using System.Runtime.InteropServices;

namespace Declarative.Cli;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        var terminated = false;
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };

        // SIGTERM (a CI job being stopped) cancels the run like Ctrl+C, so the revision is written and the lock freed.
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            terminated = true;
            cancellation.Cancel();
        });
        var code = await new DeclarativeCli(IOContext.FromProcess()).RunAsync(args, cancellation.Token);
        return terminated && code == 130 ? 143 : code;
    }
}

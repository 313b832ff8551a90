using System.Runtime.InteropServices;

namespace Declarative.Cli;

public static class Program
{
    /// <summary>How long in-flight calls may finish after the first SIGINT/SIGTERM before they are aborted.</summary>
    private static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(10);

    public static async Task<int> Main(string[] args)
    {
        using var stop = new CancellationTokenSource();
        using var abort = new CancellationTokenSource();
        var terminated = false;
        var signals = 0;
        // Only apply, destroy and rollback have in-flight work to finish (DeclarativeCli); the others stop at once.
        var hasGracePeriod = args.FirstOrDefault(a => !a.StartsWith('-')) is "apply" or "destroy" or "rollback";

        // The first signal stops scheduling and gives in-flight calls a grace period; a second one aborts them. Either
        // way the revision is completed as failed with what was done, and the lock is released.
        void Interrupt()
        {
            if (Interlocked.Increment(ref signals) == 1)
            {
                Console.Error.WriteLine(hasGracePeriod
                    ? $"Interrupted: starting nothing new; in-flight calls get {GracePeriod.TotalSeconds:0} s to finish. Interrupt again to abort them."
                    : "Interrupted.");
                stop.Cancel();
                abort.CancelAfter(GracePeriod);
            }
            else
            {
                Console.Error.WriteLine("Interrupted again: aborting in-flight calls.");
                abort.Cancel();
            }
        }

        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            Interrupt();
        };

        // SIGTERM (a CI job being stopped) interrupts the run like Ctrl+C.
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
        {
            context.Cancel = true;
            terminated = true;
            Interrupt();
        });
        var io = IOContext.FromProcess() with { StopScheduling = stop.Token };
        var code = await new DeclarativeCli(io).RunAsync(args, abort.Token);
        return terminated && code == ExitCodes.Interrupted ? 143 : code;
    }
}

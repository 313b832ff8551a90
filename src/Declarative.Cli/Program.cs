namespace Declarative.Cli;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        using var cancellation = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancellation.Cancel();
        };
        return await new DeclarativeCli(IOContext.FromProcess()).RunAsync(args, cancellation.Token);
    }
}

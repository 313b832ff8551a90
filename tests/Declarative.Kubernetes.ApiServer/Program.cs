namespace Declarative.Kubernetes.ApiServer;

public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        await using var host = await Hosting.ApiServerHost.StartAsync(new ApiServerOptions { Port = 6443 }, CancellationToken.None);
        Console.WriteLine($"Serving on {host.BaseAddress}");
        await Task.Delay(Timeout.Infinite);
        return 0;
    }
}

using Declarative.Kubernetes.ApiServer.Hosting;

namespace Declarative.Kubernetes.ApiServer.Tests.Host;

public sealed class ProcessArgumentsTests
{
    [Fact]
    public void Reads_port_kubeconfig_time_scale_and_token()
    {
        var parsed = ProcessArguments.Parse(["--port", "7443", "--kubeconfig-out", "/tmp/kc", "--time-scale", "0.01", "--token", "t"], out var error);

        Assert.Null(error);
        Assert.Equal(7443, parsed!.Options.Port);
        Assert.Equal(0.01, parsed.Options.TimeScale);
        Assert.Equal("t", parsed.Options.Token);
        Assert.Equal("/tmp/kc", parsed.KubeconfigOut);
    }

    [Theory]
    [InlineData("--port", "many")]
    [InlineData("--time-scale", "-1")]
    [InlineData("--verbose", "yes")]
    [InlineData("--port")]
    public void Refuses_bad_arguments(params string[] args)
    {
        var parsed = ProcessArguments.Parse(args, out var error);

        Assert.Null(parsed);
        Assert.NotNull(error);
    }
}

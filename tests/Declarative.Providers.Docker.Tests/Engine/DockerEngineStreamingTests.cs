using System.Diagnostics;
using Declarative.Testing.Docker;
using Docker.DotNet.Models;

namespace Declarative.Providers.Docker.Tests.Engine;

/// <summary>The client's timeout does not cover streams and waits; a CancellationToken must end them promptly.</summary>
public sealed class DockerEngineStreamingTests
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(3);

    [EngineFact]
    public async Task Cancelling_a_wait_on_a_running_container_returns_promptly()
    {
        using var engine = await TestEngine.ConnectAsync();
        await TestImages.EnsureBusyboxImageAsync(CancellationToken.None);
        var created = await engine.Client.Containers.CreateContainerAsync(
            new CreateContainerParameters
            {
                Image = TestImages.BusyboxImage,
                Cmd = ["sleep", "30"],
                Name = "declarative-engine-wait-" + Guid.NewGuid().ToString("N")[..8],
                HostConfig = new HostConfig { NetworkMode = "none" },
            },
            CancellationToken.None);
        try
        {
            await engine.Client.Containers.StartContainerAsync(created.ID, new ContainerStartParameters(), CancellationToken.None);
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
            var clock = Stopwatch.StartNew();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => engine.Client.Containers.WaitContainerAsync(created.ID, cancel.Token));

            Assert.True(clock.Elapsed < Prompt, $"took {clock.Elapsed}");
            var state = await engine.Client.Containers.InspectContainerAsync(created.ID, CancellationToken.None);
            Assert.True(state.State?.Running, "the container should still run: only the wait was cancelled");
        }
        finally
        {
            await engine.Client.Containers.RemoveContainerAsync(created.ID, new ContainerRemoveParameters { Force = true }, CancellationToken.None);
        }
    }

    [EngineFact]
    public async Task Cancelling_an_event_stream_returns_promptly()
    {
        using var engine = await TestEngine.ConnectAsync();
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var clock = Stopwatch.StartNew();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            engine.Client.System.MonitorEventsAsync(new ContainerEventsParameters(), new Progress<Message>(), cancel.Token));

        Assert.True(clock.Elapsed < Prompt, $"took {clock.Elapsed}");
    }
}

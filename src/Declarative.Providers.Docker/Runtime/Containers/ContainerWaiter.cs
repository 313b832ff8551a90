using System.Globalization;
using Declarative.Core.Providers;
using Declarative.Providers.Docker.Runtime.Shared;
using Docker.DotNet;
using Docker.DotNet.Models;

namespace Declarative.Providers.Docker.Runtime.Containers;

/// <summary>
/// Waits until a started container is ready (DESIGN "Apply"): healthy when it has a healthcheck, otherwise still
/// running after the startup window. A container that exits, keeps restarting or turns unhealthy fails with its exit
/// code and the last lines of its log.
/// </summary>
internal sealed class ContainerWaiter(IDockerClient client, DockerProviderOptions options, TimeProvider time)
{
    public async Task<WaitResult> WaitAsync(AppliedResource applied, DateTimeOffset deadline, IProgress<WaitProgress> progress, CancellationToken cancellationToken)
    {
        var name = applied.Address.Name;
        var id = applied.Outputs["id"] ?? name;
        var spec = ContainerDocument.Read(applied.Object, null);
        var healthcheck = spec.Healthcheck is { Test: [not "NONE", ..] };
        progress.Report(new WaitProgress(applied.Address, healthcheck ? $"waiting for container {name} to be healthy" : $"waiting for container {name} to keep running"));
        string? lastHealth = null;
        while (true)
        {
            var container = await ContainerReader.InspectAsync(client, id, cancellationToken).ConfigureAwait(false);
            if (container?.State is not { } state)
            {
                return WaitResult.Failed($"Container {name} was removed while Declarative waited for it to start.");
            }

            if (state.Restarting || container.RestartCount > 0)
            {
                return await FailedAsync(container, $"Container {name} keeps restarting (last exit code {state.ExitCode}).", cancellationToken).ConfigureAwait(false);
            }

            if (!state.Running)
            {
                return await FailedAsync(container, $"Container {name} exited with code {state.ExitCode}{ErrorText(state)} right after it started.", cancellationToken).ConfigureAwait(false);
            }

            if (healthcheck)
            {
                var health = state.Health?.Status ?? "starting";
                if (health == "healthy")
                {
                    return WaitResult.Success;
                }

                if (health == "unhealthy")
                {
                    return await FailedAsync(container, $"Container {name} is unhealthy: {LastProbe(state)}", cancellationToken).ConfigureAwait(false);
                }

                if (health != lastHealth)
                {
                    progress.Report(new WaitProgress(applied.Address, $"container {name} is {health}"));
                    lastHealth = health;
                }
            }
            else if (RunningFor(state) >= options.StartupWindow)
            {
                return WaitResult.Success;
            }

            var now = time.GetUtcNow();
            if (now >= deadline)
            {
                var awaited = healthcheck ? $"healthy (it is {lastHealth ?? "starting"})" : "running";
                return await FailedAsync(container, $"Timed out waiting for container {name} to be {awaited}.", cancellationToken).ConfigureAwait(false);
            }

            var pause = deadline - now < options.PollInterval ? deadline - now : options.PollInterval;
            await Task.Delay(pause, time, cancellationToken).ConfigureAwait(false);
        }
    }

    private TimeSpan RunningFor(State state) =>
        DateTimeOffset.TryParse(state.StartedAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var started)
            ? time.GetUtcNow() - started
            : TimeSpan.Zero;

    private static string ErrorText(State state) => string.IsNullOrWhiteSpace(state.Error) ? string.Empty : $" ({state.Error.Trim()})";

    private static string LastProbe(State state) =>
        state.Health?.Log?.LastOrDefault() is { } probe
            ? $"the last health probe exited with {probe.ExitCode}: {probe.Output.Trim()}"
            : "no health probe output";

    private async Task<WaitResult> FailedAsync(ContainerInspectResponse container, string reason, CancellationToken cancellationToken)
    {
        var lines = await new ContainerLogs(client).LastLinesAsync(container.ID, options.EvidenceLogLines, cancellationToken).ConfigureAwait(false);
        return WaitResult.Failed(reason, [.. lines]);
    }
}

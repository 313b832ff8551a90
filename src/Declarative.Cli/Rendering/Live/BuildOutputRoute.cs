using Declarative.Core.Providers;

namespace Declarative.Cli.Rendering.Live;

/// <summary>
/// Where the lines an image build or push prints go: as timestamped plain lines to stdout (as always without a
/// terminal), or, while a live view runs, into it (<see cref="Divert"/>), which shows each image's newest step.
/// </summary>
internal sealed class BuildOutputRoute(TextWriter plain, TimeProvider time)
{
    private volatile Action<ResourceAddress, string>? _diverted;

    public void Write(ResourceAddress address, string line)
    {
        if (_diverted is { } diverted)
        {
            diverted(address, line);
            return;
        }

        lock (plain)
        {
            plain.WriteLine(ApplyProgressRenderer.OutputLine(address, line, time.GetUtcNow()));
        }
    }

    /// <summary>Sends the lines to <paramref name="to"/> until the returned scope is disposed.</summary>
    public IDisposable Divert(Action<ResourceAddress, string> to)
    {
        _diverted = to;
        return new Restore(this);
    }

    private sealed class Restore(BuildOutputRoute route) : IDisposable
    {
        public void Dispose() => route._diverted = null;
    }
}

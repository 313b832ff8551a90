namespace Declarative.Cli;

/// <summary>Reports on the caller's thread at once (Progress&lt;T&gt; posts to the thread pool and can reorder lines).</summary>
internal sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
{
    private readonly Lock _gate = new();

    public void Report(T value)
    {
        lock (_gate)
        {
            report(value);
        }
    }
}

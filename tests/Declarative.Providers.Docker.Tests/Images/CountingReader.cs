using System.Collections.Concurrent;
using Declarative.Providers.Docker.Images;

namespace Declarative.Providers.Docker.Tests.Images;

/// <summary>Reads files from disk and remembers which ones were opened.</summary>
internal sealed class CountingReader(string root) : IContextFileReader
{
    private readonly ConcurrentQueue<string> _reads = new();

    /// <summary>Slash-separated paths relative to the root, in code point order.</summary>
    public IReadOnlyList<string> Reads => _reads.Order(StringComparer.Ordinal).ToArray();

    public Stream OpenRead(string fullPath)
    {
        _reads.Enqueue(Path.GetRelativePath(root, fullPath).Replace('\\', '/'));
        return DiskContextFileReader.Instance.OpenRead(fullPath);
    }
}

/// <summary>A clock that always says the same time.</summary>
internal sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    /// <summary>An hour from now: every file a test wrote is older than the racy window.</summary>
    public static FixedClock Later => new(DateTimeOffset.UtcNow.AddHours(1));

    public override DateTimeOffset GetUtcNow() => now;
}

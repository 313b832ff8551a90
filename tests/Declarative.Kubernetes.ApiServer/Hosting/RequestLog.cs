using System.Collections.Concurrent;

namespace Declarative.Kubernetes.ApiServer.Hosting;

/// <summary>Every request the double received, as "VERB /path?query", so tests can count what a client costs.</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<string> _requests = new();

    public IReadOnlyList<string> Requests => [.. _requests];

    public int Count => _requests.Count;

    public void Add(string request) => _requests.Enqueue(request);

    public void Clear() => _requests.Clear();
}

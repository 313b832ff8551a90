using System.Collections.Concurrent;

namespace Declarative.Kubernetes.ApiServer.Hosting;

/// <summary>Every request the double received, as "VERB /path?query", so tests can count what a client costs.</summary>
public sealed class RequestLog
{
    private readonly ConcurrentQueue<string> _requests = new();
    private readonly ConcurrentQueue<string> _impersonations = new();
    private readonly ConcurrentQueue<string> _serverNames = new();

    public IReadOnlyList<string> Requests => [.. _requests];

    public int Count => _requests.Count;

    public void Add(string request) => _requests.Enqueue(request);

    /// <summary>The Impersonate-* headers of every request that had any, one "Name: value" line each, joined by
    /// "; ", in arrival order (credentials are never recorded).</summary>
    public IReadOnlyList<string> Impersonations => [.. _impersonations];

    public void AddImpersonation(string headers) => _impersonations.Enqueue(headers);

    /// <summary>The server name (SNI) of every TLS handshake, "" when the client sent none.</summary>
    public IReadOnlyList<string> ServerNames => [.. _serverNames];

    public void AddServerName(string serverName) => _serverNames.Enqueue(serverName);

    public void Clear()
    {
        _requests.Clear();
        _impersonations.Clear();
        _serverNames.Clear();
    }
}

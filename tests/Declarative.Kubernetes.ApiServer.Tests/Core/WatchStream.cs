using System.Net;
using System.Text.Json.Nodes;

namespace Declarative.Kubernetes.ApiServer.Tests.Core;

/// <summary>An open watch: reads one newline-delimited event at a time, with a deadline.</summary>
public sealed class WatchStream : IAsyncDisposable
{
    private readonly HttpResponseMessage _response;
    private readonly StreamReader _reader;

    private WatchStream(HttpResponseMessage response, StreamReader reader)
    {
        _response = response;
        _reader = reader;
    }

    public HttpStatusCode Code => _response.StatusCode;

    public static async Task<WatchStream> OpenAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path, HttpCompletionOption.ResponseHeadersRead);
        return new WatchStream(response, new StreamReader(await response.Content.ReadAsStreamAsync()));
    }

    /// <summary>The next event, or null at the end of the stream.</summary>
    public async Task<JsonNode?> NextAsync(double timeoutSeconds = 5)
    {
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(timeoutSeconds));
        var line = await _reader.ReadLineAsync(deadline.Token);
        return line is null ? null : JsonNode.Parse(line);
    }

    /// <summary>The next event that is not a BOOKMARK.</summary>
    public async Task<JsonNode?> NextChangeAsync()
    {
        while (true)
        {
            var next = await NextAsync();
            if (next?["type"]?.GetValue<string>() != "BOOKMARK")
            {
                return next;
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _response.Dispose();
        return ValueTask.CompletedTask;
    }
}

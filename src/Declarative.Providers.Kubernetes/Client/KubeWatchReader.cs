using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Declarative.Providers.Kubernetes.Client;

/// <summary>Reads a watch stream (reference 8): one JSON event per line; an ERROR event becomes the exception its
/// Status describes (410 Expired when the resourceVersion is too old); the stream ending ends the sequence.</summary>
internal static class KubeWatchReader
{
    public static async IAsyncEnumerable<KubeWatchEvent> ReadAsync(
        HttpResponseMessage response,
        KubeRequest request,
        [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using (response)
        {
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var reader = new StreamReader(stream);
            while (await ReadLineAsync(reader, cancellationToken) is { } line)
            {
                if (line.Length == 0)
                {
                    continue;
                }

                var parsed = Parse(line, request);
                var type = KubeErrors.Text(parsed["type"]) ?? string.Empty;
                var obj = parsed["object"] as JsonObject ?? [];
                if (type == "ERROR")
                {
                    throw KubeErrors.FromStatus(obj, 500, request);
                }

                parsed.Remove("object");
                yield return new KubeWatchEvent(type, obj);
            }
        }
    }

    private static async Task<string?> ReadLineAsync(StreamReader reader, CancellationToken cancellationToken)
    {
        try
        {
            return await reader.ReadLineAsync(cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or HttpRequestException && !cancellationToken.IsCancellationRequested)
        {
            // A dropped watch connection is the same as the server ending the stream: the caller re-watches.
            return null;
        }
    }

    private static JsonObject Parse(string line, KubeRequest request)
    {
        try
        {
            return JsonNode.Parse(line) as JsonObject ?? [];
        }
        catch (JsonException ex)
        {
            throw new KubeApiException($"The watch of {request.Describe()} sent an event that is not JSON. Run the command again.", ex);
        }
    }
}

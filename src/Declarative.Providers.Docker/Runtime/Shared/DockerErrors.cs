using System.Net;
using System.Text.Json;
using Docker.DotNet;

namespace Declarative.Providers.Docker.Runtime.Shared;

/// <summary>Turns Engine API errors into sentences a user can act on, and recognizes the ones we expect.</summary>
internal static class DockerErrors
{
    public static bool IsNotFound(Exception error) => error is DockerApiException { StatusCode: HttpStatusCode.NotFound };

    public static bool IsConflict(Exception error) => error is DockerApiException { StatusCode: HttpStatusCode.Conflict };

    /// <summary>The object a lookup found, or null when the engine has none (404).</summary>
    public static async Task<T?> OrNullWhenMissingAsync<T>(Func<Task<T>> lookup)
        where T : class
    {
        try
        {
            return await lookup().ConfigureAwait(false);
        }
        catch (DockerApiException error) when (IsNotFound(error))
        {
            return null;
        }
    }

    /// <summary>Removes an object; one that is already gone is removed (a retried delete is not an error).</summary>
    /// <param name="what">"volume data", for the message: "Removing volume data failed: ...".</param>
    public static async Task RemoveAsync(string what, Func<Task> remove)
    {
        try
        {
            await remove().ConfigureAwait(false);
        }
        catch (DockerApiException error) when (IsNotFound(error))
        {
            // Already gone.
        }
        catch (DockerApiException error)
        {
            throw new DockerOperationException($"Removing {what} failed: {MessageOf(error)}.", error);
        }
    }

    /// <summary>The engine's own message ("Conflict. The container name ... is already in use") without the JSON around it.</summary>
    public static string MessageOf(Exception error) => error switch
    {
        DockerApiException api => EngineMessage(api.ResponseBody) ?? $"the Docker engine answered {(int)api.StatusCode} {api.StatusCode}",
        _ => error.Message,
    };

    private static string? EngineMessage(string? body)
    {
        if (string.IsNullOrWhiteSpace(body))
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("message", out var message) ? message.GetString()?.Trim() : body.Trim();
        }
        catch (JsonException)
        {
            return body.Trim();
        }
    }
}

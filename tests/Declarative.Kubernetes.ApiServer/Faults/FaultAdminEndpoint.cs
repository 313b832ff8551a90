using System.Text.Json;
using System.Text.Json.Serialization;
using Declarative.Kubernetes.ApiServer.Errors;
using Declarative.Kubernetes.ApiServer.Http;
using Microsoft.AspNetCore.Http;

namespace Declarative.Kubernetes.ApiServer.Faults;

/// <summary>
/// <c>/_double/faults</c> for a double running as a process (authenticated like every request): GET shows the
/// faults, POST or PUT replaces them with a <see cref="FaultSettings"/> body, DELETE switches them all off.
/// It runs before the faults, so a test can always switch them off again.
/// </summary>
public sealed class FaultAdminEndpoint(FaultInjector faults)
{
    public const string Path = "/_double/faults";

    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public async Task<bool> TryHandleAsync(HttpContext context)
    {
        if (!string.Equals(context.Request.Path.Value, Path, StringComparison.Ordinal))
        {
            return false;
        }

        switch (context.Request.Method)
        {
            case "POST" or "PUT":
                (await ReadAsync(context)).ApplyTo(faults);
                break;
            case "DELETE":
                faults.Clear();
                break;
            case not "GET":
                throw StatusFactory.MethodNotAllowed($"the server does not allow this method on {Path}");
        }

        await JsonResponses.WriteAsync(context, 200, JsonSerializer.SerializeToNode(FaultSettings.Of(faults), Json)!);
        return true;
    }

    private static async Task<FaultSettings> ReadAsync(HttpContext context)
    {
        try
        {
            return await JsonSerializer.DeserializeAsync<FaultSettings>(context.Request.Body, Json, context.RequestAborted)
                ?? throw StatusFactory.BadRequest("the fault settings body is empty");
        }
        catch (JsonException exception)
        {
            throw StatusFactory.BadRequest($"the fault settings body is not valid: {exception.Message}");
        }
    }
}

using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Errors;

namespace Declarative.Kubernetes.ApiServer.Handlers;

/// <summary>An opaque continue token: the list's revision and the last key returned (base64 JSON, like etcd3's).
/// Revision 0 continues on the current state (the token a 410 hands out for an inconsistent continuation).</summary>
internal sealed record ContinueToken(long Revision, string After)
{
    public string Encode()
    {
        var json = new JsonObject { ["v"] = "meta.k8s.io/v1", ["rv"] = Revision, ["start"] = After + "\u0000" }.ToJsonString();
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    public static ContinueToken Decode(string token)
    {
        try
        {
            var base64 = token.Replace('-', '+').Replace('_', '/');
            base64 = base64.PadRight(base64.Length + ((4 - (base64.Length % 4)) % 4), '=');
            var json = JsonNode.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(base64)))!;
            var start = json["start"]!.GetValue<string>();
            return new ContinueToken(json["rv"]!.GetValue<long>(), start.TrimEnd('\u0000'));
        }
        catch (Exception error) when (error is FormatException or JsonException or NullReferenceException or InvalidOperationException)
        {
            throw StatusFactory.BadRequest($"continue key is not valid: {error.Message}");
        }
    }
}

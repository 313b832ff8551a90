using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Errors;

namespace Declarative.Kubernetes.ApiServer.Admission.Validation;

/// <summary>ValidateSecret (kubernetes pkg/apis/core/validation): the keys each secret type needs, and the size
/// rule: the decoded bytes of all <c>data</c> values together may not pass 1 MiB (api.MaxSecretSize), or the
/// Secret is 422 Invalid (what makes Helm's large releases fail). Values that are not base64 never get here:
/// decoding the body refuses them with 400 (Schemas/GoDecoder).</summary>
internal static class SecretValidation
{
    public const int MaxSecretSize = 1024 * 1024;

    public static IEnumerable<StatusCause> Validate(JsonObject secret)
    {
        var data = JsonTree.Existing(secret, "data") ?? [];
        foreach (var cause in TypedKeys(secret, data))
        {
            yield return cause;
        }

        long total = 0;
        foreach (var (_, value) in data)
        {
            total += value is JsonValue text && text.TryGetValue<string>(out var encoded) ? DecodedLength(encoded) : 0;
        }

        if (total > MaxSecretSize)
        {
            yield return new StatusCause("FieldValueTooLong", $"Too long: must have at most {MaxSecretSize} bytes", "data");
        }
    }

    /// <summary>The switch on secret.Type in ValidateSecret: each built-in type names the keys it must carry.</summary>
    private static IEnumerable<StatusCause> TypedKeys(JsonObject secret, JsonObject data)
    {
        switch (JsonTree.Text(secret, "type"))
        {
            case "kubernetes.io/service-account-token":
                var annotations = JsonTree.Existing(JsonTree.Metadata(secret), "annotations");
                if (string.IsNullOrEmpty(JsonTree.Text(annotations, "kubernetes.io/service-account.name")))
                {
                    yield return StatusCause.Required("metadata.annotations[kubernetes.io/service-account.name]");
                }

                break;
            case "kubernetes.io/dockercfg":
                if (!data.ContainsKey(".dockercfg"))
                {
                    yield return StatusCause.Required("data[.dockercfg]");
                }

                break;
            case "kubernetes.io/dockerconfigjson":
                if (!data.ContainsKey(".dockerconfigjson"))
                {
                    yield return StatusCause.Required("data[.dockerconfigjson]");
                }

                break;
            case "kubernetes.io/basic-auth":
                // username or password may be empty, but one of the two keys must be there.
                if (!data.ContainsKey("username") && !data.ContainsKey("password"))
                {
                    yield return StatusCause.Required("data[username]");
                    yield return StatusCause.Required("data[password]");
                }

                break;
            case "kubernetes.io/ssh-auth":
                if (string.IsNullOrEmpty(JsonTree.Text(data, "ssh-privatekey")))
                {
                    yield return StatusCause.Required("data[ssh-privatekey]");
                }

                break;
            case "kubernetes.io/tls":
                if (!data.ContainsKey("tls.crt"))
                {
                    yield return StatusCause.Required("data[tls.crt]");
                }

                if (!data.ContainsKey("tls.key"))
                {
                    yield return StatusCause.Required("data[tls.key]");
                }

                break;
        }
    }

    /// <summary>The bytes a base64 value stands for; defaulting has already turned stringData into data.</summary>
    private static long DecodedLength(string encoded)
    {
        var padding = encoded.EndsWith("==", StringComparison.Ordinal) ? 2 : encoded.EndsWith('=') ? 1 : 0;
        return (encoded.Length / 4 * 3) - padding;
    }
}

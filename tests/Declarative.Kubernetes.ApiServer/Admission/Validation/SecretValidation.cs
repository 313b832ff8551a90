using System.Text.Json.Nodes;
using Declarative.Kubernetes.ApiServer.Errors;

namespace Declarative.Kubernetes.ApiServer.Admission.Validation;

/// <summary>ValidateSecret's size rule: the decoded bytes of all <c>data</c> values together may not pass 1 MiB
/// (api.MaxSecretSize), or the Secret is 422 Invalid (what makes Helm's large releases fail).</summary>
internal static class SecretValidation
{
    public const int MaxSecretSize = 1024 * 1024;

    public static IEnumerable<StatusCause> Validate(JsonObject secret)
    {
        long total = 0;
        foreach (var (_, value) in JsonTree.Existing(secret, "data") ?? [])
        {
            total += value is JsonValue text && text.TryGetValue<string>(out var encoded) ? DecodedLength(encoded) : 0;
        }

        if (total > MaxSecretSize)
        {
            yield return new StatusCause("FieldValueTooLong", $"Too long: must have at most {MaxSecretSize} bytes", "data");
        }
    }

    /// <summary>The bytes a base64 value stands for; defaulting has already turned stringData into data.</summary>
    private static long DecodedLength(string encoded)
    {
        var padding = encoded.EndsWith("==", StringComparison.Ordinal) ? 2 : encoded.EndsWith('=') ? 1 : 0;
        return (encoded.Length / 4 * 3) - padding;
    }
}

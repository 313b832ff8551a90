using System.Text.Json.Nodes;
using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;
using Declarative.Core.Providers;

namespace Declarative.Providers.Kubernetes.Catalog.Rules;

/// <summary>
/// ValidateSecret's switch on the type: the keys each built-in Secret type must carry (in data, or in stringData,
/// which the server merges into data). Values are never shown: they are secret. That data values are base64 is the
/// schema's check (every <c>byte</c> field: <see cref="Schemas.ScalarChecks.Base64ErrorAt"/>).
/// </summary>
internal static class SecretRules
{
    public static IEnumerable<Diagnostic> Validate(RenderedDocument document)
    {
        var content = document.Content;
        var keys = KeysOf(content["data"]).Concat(KeysOf(content["stringData"])).ToHashSet(StringComparer.Ordinal);
        var type = JsonText.Of(content["type"]);
        var diagnostics = new List<Diagnostic>();
        foreach (var missing in MissingKeys(type, keys, content))
        {
            diagnostics.Add(Diagnostic.Error(
                DiagnosticCodes.MissingField,
                $"Missing field {missing.Field}",
                document.Source.Locate(missing.Pointer),
                $"A Secret of type {type} needs {missing.Field}; the API server refuses it without ({missing.Field}: Required value).",
                missing.Fix));
        }

        return diagnostics;
    }

    private static IEnumerable<(string Field, string Pointer, string Fix)> MissingKeys(string? type, HashSet<string> keys, JsonObject content)
    {
        var data = content["data"] is not null ? "/data" : content["stringData"] is not null ? "/stringData" : "/type";
        switch (type)
        {
            case "kubernetes.io/dockerconfigjson" when !keys.Contains(".dockerconfigjson"):
                yield return ("data[.dockerconfigjson]", data, "Add the key .dockerconfigjson with the registry credentials (kubectl create secret docker-registry writes it).");
                break;
            case "kubernetes.io/dockercfg" when !keys.Contains(".dockercfg"):
                yield return ("data[.dockercfg]", data, "Add the key .dockercfg, or use type kubernetes.io/dockerconfigjson with .dockerconfigjson.");
                break;
            case "kubernetes.io/basic-auth" when !keys.Contains("username") && !keys.Contains("password"):
                yield return ("data[username] or data[password]", data, "Add the key username or password (either may be empty).");
                break;
            case "kubernetes.io/ssh-auth" when !keys.Contains("ssh-privatekey"):
                yield return ("data[ssh-privatekey]", data, "Add the key ssh-privatekey with the private key.");
                break;
            case "kubernetes.io/tls":
                foreach (var key in new[] { "tls.crt", "tls.key" }.Where(k => !keys.Contains(k)))
                {
                    yield return ($"data[{key}]", data, $"Add the key {key}: a TLS Secret needs both tls.crt and tls.key.");
                }

                break;
            case "kubernetes.io/service-account-token" when JsonText.At(content, "/metadata/annotations/kubernetes.io~1service-account.name") is not { Length: > 0 }:
                yield return ("metadata.annotations[kubernetes.io/service-account.name]", "/metadata", "Add the annotation kubernetes.io/service-account.name with the ServiceAccount's name.");
                break;
        }
    }

    private static IEnumerable<string> KeysOf(JsonNode? node) => node is JsonObject map ? map.Select(p => p.Key) : [];
}

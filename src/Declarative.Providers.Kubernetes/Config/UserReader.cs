using System.Collections.Immutable;
using System.Text.Json.Nodes;

namespace Declarative.Providers.Kubernetes.Config;

/// <summary>Reads a kubeconfig user entry: token, tokenFile, client certificate and key, basic auth, exec plugin.</summary>
internal static class UserReader
{
    public static KubeTls WithClientCertificate(KubeTls tls, JsonObject user, string name)
    {
        var certificate = Pem(user, "client-certificate", name);
        var key = Pem(user, "client-key", name);
        if ((certificate is null) != (key is null))
        {
            throw new KubeConfigException($"User \"{name}\" has a client certificate without its key (or a key without its certificate). Set both client-certificate(-data) and client-key(-data).");
        }

        return tls with { ClientCertificatePem = certificate, ClientKeyPem = key };
    }

    public static KubeCredentials Credentials(JsonObject user, string name, JsonObject clusterInfo)
    {
        var token = KubeconfigLoader.Text(user, "token");
        var username = KubeconfigLoader.Text(user, "username");
        if (token is not null && username is not null)
        {
            throw new KubeConfigException($"User \"{name}\" sets both a token and a username/password: more than one authentication method found. Keep one of them.");
        }

        var exec = user["exec"] is JsonObject execNode ? Exec(execNode, name, clusterInfo) : null;
        return new KubeCredentials(token, KubeconfigLoader.Text(user, "tokenFile"), exec, username, KubeconfigLoader.Text(user, "password"));
    }

    private static KubeExecConfig Exec(JsonObject exec, string name, JsonObject clusterInfo)
    {
        var apiVersion = KubeconfigLoader.Text(exec, "apiVersion");
        if (apiVersion is not (KubeExecConfig.V1 or KubeExecConfig.V1Beta1))
        {
            throw new KubeConfigException($"User \"{name}\" has an exec plugin with apiVersion \"{apiVersion}\": exec plugin: invalid apiVersion. Use {KubeExecConfig.V1} or {KubeExecConfig.V1Beta1}.");
        }

        var command = KubeconfigLoader.Text(exec, "command")
            ?? throw new KubeConfigException($"User \"{name}\" has an exec plugin without a command. Set users[].user.exec.command.");
        var mode = KubeconfigLoader.Text(exec, "interactiveMode");
        if (mode is null && apiVersion == KubeExecConfig.V1)
        {
            throw new KubeConfigException($"User \"{name}\" has a {KubeExecConfig.V1} exec plugin without interactiveMode. Set interactiveMode: Never (Declarative never prompts).");
        }

        var provide = ClusterReader.Flag(exec["provideClusterInfo"]);
        return new KubeExecConfig(
            apiVersion,
            command,
            [.. (exec["args"] as JsonArray ?? []).Select(KubeconfigFile.NonEmpty).OfType<string>()],
            Env(exec["env"]),
            provide,
            mode ?? "IfAvailable",
            KubeconfigLoader.Text(exec, "installHint"))
        {
            ClusterInfo = provide ? clusterInfo : null,
        };
    }

    private static ImmutableArray<KeyValuePair<string, string>> Env(JsonNode? env) =>
    [
        .. (env as JsonArray ?? []).OfType<JsonObject>()
            .Where(e => KubeconfigLoader.Text(e, "name") is not null)
            .Select(e => KeyValuePair.Create(KubeconfigLoader.Text(e, "name")!, KubeconfigFile.NonEmpty(e["value"]) ?? string.Empty)),
    ];

    private static string? Pem(JsonObject user, string key, string name)
    {
        if (KubeconfigLoader.Text(user, key + "-data") is { } data)
        {
            return ClusterReader.Base64Pem(data, $"user \"{name}\" {key}-data");
        }

        return KubeconfigLoader.Text(user, key) is { } path ? ClusterReader.ReadPem(path, $"user \"{name}\" {key}") : null;
    }
}

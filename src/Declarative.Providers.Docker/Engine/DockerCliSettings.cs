namespace Declarative.Providers.Docker.Engine;

/// <summary>
/// The Docker CLI settings that locate the engine, read from the variables: DOCKER_HOST, DOCKER_CONTEXT, the TLS
/// switches, DOCKER_CERT_PATH and the config folder ($DOCKER_CONFIG, else ~/.docker; null when neither DOCKER_CONFIG
/// nor HOME is known). Empty variables count as unset, as in the CLI.
/// </summary>
internal sealed record DockerCliSettings(
    string? Host,
    string? Context,
    bool TlsVerify,
    bool Tls,
    string? CertPath,
    string? ConfigDirectory,
    string? ApiVersion)
{
    public static DockerCliSettings Read(IReadOnlyDictionary<string, string> variables, string homeDirectory)
    {
        string? Get(string name) => variables.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

        var configDirectory = Get("DOCKER_CONFIG") ?? (homeDirectory.Length > 0 ? Path.Combine(homeDirectory, ".docker") : null);
        // Any non-empty value turns these on, "0" included: the CLI only tests for empty.
        var tlsVerify = Get("DOCKER_TLS_VERIFY") is not null;
        return new DockerCliSettings(
            Get("DOCKER_HOST"),
            Get("DOCKER_CONTEXT"),
            tlsVerify,
            tlsVerify || Get("DOCKER_TLS") is not null,
            Get("DOCKER_CERT_PATH"),
            configDirectory,
            Get("DOCKER_API_VERSION"));
    }
}

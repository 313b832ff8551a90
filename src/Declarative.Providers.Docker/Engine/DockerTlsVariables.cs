namespace Declarative.Providers.Docker.Engine;

/// <summary>
/// TLS for a host given by docker.host or DOCKER_HOST, as the CLI builds it (docker/cli cli/flags/options.go
/// SetDefaultOptions): DOCKER_TLS_VERIFY turns TLS on and verifies against ca.pem, DOCKER_TLS alone turns TLS on
/// without verification; the files are ca.pem, cert.pem and key.pem in DOCKER_CERT_PATH, else the config folder;
/// a missing cert.pem or key.pem means no client certificate.
/// </summary>
internal static class DockerTlsVariables
{
    public static DockerTlsMaterial? Read(DockerCliSettings settings)
    {
        if (!settings.Tls)
        {
            return null;
        }

        var folder = settings.CertPath ?? settings.ConfigDirectory;
        var folderOrigin = settings.CertPath is null ? "the Docker config folder (DOCKER_CERT_PATH is not set)" : "DOCKER_CERT_PATH";
        string? Existing(string file) => folder is not null && File.Exists(Path.Combine(folder, file)) ? Path.Combine(folder, file) : null;

        string? ca = null;
        if (settings.TlsVerify)
        {
            ca = Existing("ca.pem") ?? throw new DockerConnectionException(folder is null
                ? "DOCKER_TLS_VERIFY is set, so the engine's certificate must be checked against a ca.pem, but neither DOCKER_CERT_PATH, DOCKER_CONFIG nor HOME is set. Set DOCKER_CERT_PATH to the folder holding ca.pem, cert.pem and key.pem, or unset DOCKER_TLS_VERIFY."
                : $"DOCKER_TLS_VERIFY is set, so the engine's certificate must be checked against {Path.Combine(folder, "ca.pem")} (in {folderOrigin}), but that file does not exist. Put the CA certificate there, set DOCKER_CERT_PATH to the folder holding ca.pem, cert.pem and key.pem, or unset DOCKER_TLS_VERIFY.");
        }

        var certificate = Existing("cert.pem");
        var key = Existing("key.pem");
        if ((certificate is null) != (key is null))
        {
            var (present, missing) = certificate is null ? ("key.pem", "cert.pem") : ("cert.pem", "key.pem");
            throw new DockerConnectionException(
                $"TLS is on (DOCKER_TLS_VERIFY or DOCKER_TLS) and {Path.Combine(folder!, present)} exists, but {Path.Combine(folder!, missing)} does not: a client certificate needs both files. Add {missing} or remove {present} from {folderOrigin}.");
        }

        return new DockerTlsMaterial(ca, certificate, key, settings.TlsVerify);
    }
}

namespace Declarative.Providers.Docker.Engine;

/// <summary>
/// The TLS files for a tcp:// engine, as paths (read when connecting): the CA that signs the engine's certificate
/// (null: the system roots), the client certificate and its key (both or neither), and whether the engine's
/// certificate is verified at all (DOCKER_TLS without DOCKER_TLS_VERIFY, or a context's SkipTLSVerify, turn it off).
/// </summary>
public sealed record DockerTlsMaterial(string? CaCertificatePath, string? ClientCertificatePath, string? ClientKeyPath, bool Verify);

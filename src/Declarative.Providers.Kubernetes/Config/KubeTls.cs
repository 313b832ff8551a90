namespace Declarative.Providers.Kubernetes.Config;

/// <summary>The TLS side of a target: the CA to trust (PEM; null: the system roots), whether to skip verification,
/// the name to verify instead of the URL's host, and the client certificate with its key (PEM).</summary>
public sealed record KubeTls(
    string? CertificateAuthorityPem = null,
    bool InsecureSkipTlsVerify = false,
    string? TlsServerName = null,
    string? ClientCertificatePem = null,
    string? ClientKeyPem = null)
{
    public override string ToString() =>
        $"KubeTls {{ CA = {(CertificateAuthorityPem is null ? "system" : "custom")}, Insecure = {InsecureSkipTlsVerify}, TlsServerName = {TlsServerName}, ClientCertificate = {ClientCertificatePem is not null} }}";
}

namespace Declarative.Kubernetes.ApiServer.Hosting;

/// <summary>What a certificate is checked for: serving TLS or authenticating a client.</summary>
public enum CertificateUsage
{
    Server,
    Client,
}

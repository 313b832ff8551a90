using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Declarative.Providers.Docker.Engine;

/// <summary>
/// The TLS files of an endpoint, loaded: the engine's certificate must chain to the CA (or to the system roots when
/// there is none) and match the host name, unless verification is off; the client certificate is presented when
/// there is one. Owns the certificates; the <see cref="DockerEngine"/> disposes it with the client.
/// </summary>
internal sealed class EngineTls : IDisposable
{
    private readonly X509Certificate2Collection? roots;
    private readonly X509Certificate2? clientCertificate;
    private readonly bool verify;

    private EngineTls(X509Certificate2Collection? roots, X509Certificate2? clientCertificate, bool verify)
    {
        this.roots = roots;
        this.clientCertificate = clientCertificate;
        this.verify = verify;
    }

    public static EngineTls? Load(DockerEndpoint endpoint)
    {
        if (endpoint.Tls is not { } material)
        {
            return null;
        }

        var roots = material.Verify && material.CaCertificatePath is { } caPath ? LoadRoots(caPath, endpoint) : null;
        var client = material is { ClientCertificatePath: { } certificatePath, ClientKeyPath: { } keyPath }
            ? LoadClientCertificate(certificatePath, keyPath, endpoint)
            : null;
        return new EngineTls(roots, client, material.Verify);
    }

    public void Apply(SslClientAuthenticationOptions options)
    {
        options.EnabledSslProtocols = SslProtocols.Tls12 | SslProtocols.Tls13;
        options.RemoteCertificateValidationCallback = ValidateServer;
        if (clientCertificate is not null)
        {
            options.ClientCertificates = [clientCertificate];
        }
    }

    public void Dispose()
    {
        clientCertificate?.Dispose();
        foreach (var root in roots ?? [])
        {
            root.Dispose();
        }
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Security", "CA5359", Justification = "No verification is the user's explicit choice (DOCKER_TLS without DOCKER_TLS_VERIFY, or SkipTLSVerify), as with the docker CLI.")]
    private bool ValidateServer(object sender, X509Certificate? certificate, X509Chain? presented, SslPolicyErrors errors)
    {
        if (!verify)
        {
            return true;
        }

        if (roots is null)
        {
            return errors == SslPolicyErrors.None;
        }

        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNameMismatch | SslPolicyErrors.RemoteCertificateNotAvailable)) != 0)
        {
            return false;
        }

        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        if (presented is not null)
        {
            foreach (var element in presented.ChainElements)
            {
                chain.ChainPolicy.ExtraStore.Add(element.Certificate);
            }
        }

        using var leaf = new X509Certificate2(certificate);
        return chain.Build(leaf);
    }

    private static X509Certificate2Collection LoadRoots(string path, DockerEndpoint endpoint)
    {
        try
        {
            var roots = new X509Certificate2Collection();
            roots.ImportFromPemFile(path);
            return roots.Count > 0 ? roots : throw new CryptographicException("the file holds no PEM certificate");
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new DockerConnectionException(
                $"The CA certificate {path} for the Docker engine at {endpoint} cannot be loaded: {ex.Message}. Check the file, or the TLS settings where it came from.", ex);
        }
    }

    private static X509Certificate2 LoadClientCertificate(string certificatePath, string keyPath, DockerEndpoint endpoint)
    {
        try
        {
            using var ephemeral = X509Certificate2.CreateFromPemFile(certificatePath, keyPath);
            // A PKCS#12 round trip makes the key usable by SslStream on every platform.
            return X509CertificateLoader.LoadPkcs12(ephemeral.Export(X509ContentType.Pkcs12), null);
        }
        catch (Exception ex) when (ex is CryptographicException or IOException or UnauthorizedAccessException)
        {
            throw new DockerConnectionException(
                $"The client certificate {certificatePath} with key {keyPath} for the Docker engine at {endpoint} cannot be loaded: {ex.Message}. Check that both are PEM files and that the key belongs to the certificate.", ex);
        }
    }
}

namespace Declarative.Providers.Kubernetes.Config;

/// <summary>What a credential plugin returned: a token or a client certificate and key, valid until
/// <see cref="Expiry"/> (null: for the life of the process).</summary>
public sealed record ExecCredential(string? Token, string? ClientCertificatePem, string? ClientKeyPem, DateTimeOffset? Expiry)
{
    public override string ToString() =>
        $"ExecCredential {{ Token = {(Token is null ? "none" : "***")}, ClientCertificate = {ClientCertificatePem is not null}, Expiry = {Expiry} }}";
}

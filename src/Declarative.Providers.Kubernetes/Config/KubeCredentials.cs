namespace Declarative.Providers.Kubernetes.Config;

/// <summary>How requests authenticate: a bearer token, a token file (re-read), basic auth or a credential plugin.
/// Client certificates are part of <see cref="KubeTls"/>, since they belong to the connection.</summary>
public sealed record KubeCredentials(
    string? Token = null,
    string? TokenFile = null,
    KubeExecConfig? Exec = null,
    string? Username = null,
    string? Password = null)
{
    public static KubeCredentials None { get; } = new();

    public override string ToString() =>
        $"KubeCredentials {{ Token = {(Token is null ? "none" : "***")}, TokenFile = {TokenFile}, Exec = {Exec?.Command}, Username = {Username} }}";
}

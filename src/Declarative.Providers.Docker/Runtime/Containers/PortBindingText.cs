namespace Declarative.Providers.Docker.Runtime.Containers;

/// <summary>
/// One published port: the container side as the Engine API keys it ("8080/tcp") and the host side as a user
/// writes it ("8080", "127.0.0.1:8080", "[::1]:8080"). Parses the syntax the catalog already validated.
/// </summary>
internal sealed record PortBindingText(string ContainerKey, string? HostIp, string HostPort)
{
    public string HostText => HostIp is null ? HostPort : HostIp.Contains(':', StringComparison.Ordinal) ? $"[{HostIp}]:{HostPort}" : $"{HostIp}:{HostPort}";

    public static PortBindingText Parse(string text)
    {
        var protocol = "tcp";
        var slash = text.LastIndexOf('/');
        if (slash >= 0)
        {
            protocol = text[(slash + 1)..];
            text = text[..slash];
        }

        string? ip = null;
        if (text.StartsWith('['))
        {
            var close = text.IndexOf(']', StringComparison.Ordinal);
            ip = text[1..close];
            text = text[(close + 2)..];
        }

        var parts = text.Split(':');
        if (parts.Length == 3)
        {
            ip = parts[0];
            parts = parts[1..];
        }

        return new PortBindingText($"{parts[1]}/{protocol}", NormalizeIp(ip), parts[0]);
    }

    /// <summary>An empty host address and 0.0.0.0 both mean every interface.</summary>
    public static string? NormalizeIp(string? ip) => string.IsNullOrEmpty(ip) || ip == "0.0.0.0" ? null : ip;
}

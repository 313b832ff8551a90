using Declarative.Providers.Docker.Engine;

namespace Declarative.Providers.Docker.Tests.Engine;

/// <summary>
/// The engine the integration tests use: the one this process's DOCKER_* variables point at (DOCKER_HOST, contexts,
/// TLS), with DOCKER_API_VERSION left out so tests choose their own pin. Whether it answers is asked once.
/// </summary>
internal static class TestEngine
{
    private static readonly string[] LocatingVariables =
        ["DOCKER_HOST", "DOCKER_CONTEXT", "DOCKER_CONFIG", "DOCKER_TLS_VERIFY", "DOCKER_TLS", "DOCKER_CERT_PATH"];

    private static readonly Lazy<string?> UnavailableReason = new(Probe);

    /// <summary>Why no engine can be used, or null when one answers.</summary>
    public static string? Unavailable => UnavailableReason.Value;

    public static string Home => Environment.GetEnvironmentVariable("HOME") ?? string.Empty;

    public static DockerEndpoint Endpoint(params (string Name, string Value)[] overrides)
    {
        var variables = new Dictionary<string, string>();
        foreach (var name in LocatingVariables)
        {
            if (Environment.GetEnvironmentVariable(name) is { } value)
            {
                variables[name] = value;
            }
        }

        foreach (var (name, value) in overrides)
        {
            variables[name] = value;
        }

        return DockerEndpointResolver.Resolve(null, variables, Home);
    }

    public static Task<DockerEngine> ConnectAsync(params (string Name, string Value)[] overrides) =>
        DockerEngine.ConnectAsync(Endpoint(overrides), CancellationToken.None);

    private static string? Probe()
    {
        try
        {
            using var engine = DockerEngine.ConnectAsync(Endpoint(), TimeSpan.FromSeconds(2), CancellationToken.None).GetAwaiter().GetResult();
            return null;
        }
        catch (DockerConnectionException ex)
        {
            return $"No Docker engine to test against: {ex.Message}";
        }
    }
}

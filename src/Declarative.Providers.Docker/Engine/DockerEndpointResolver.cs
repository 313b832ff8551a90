using System.Globalization;
using System.Text.RegularExpressions;

namespace Declarative.Providers.Docker.Engine;

/// <summary>
/// Finds the Docker engine the way the Docker CLI does (docker/cli cli/command/cli.go resolveContextName), with the
/// environment's docker.host from declarative.yaml in the place of the -H flag: docker.host, else DOCKER_HOST
/// (which wins over DOCKER_CONTEXT, as in the CLI's code, whatever its docs say), else DOCKER_CONTEXT, else
/// config.json's currentContext, else the built-in default (the socket, or tcp://localhost:2376 when TLS is on).
/// Reads nothing but config.json, the context's meta.json and the presence of TLS files.
/// </summary>
public static partial class DockerEndpointResolver
{
    private const string DefaultContext = "default";
    private const string DefaultTlsHost = "tcp://localhost:2376";

    /// <param name="environmentHost">The environment's docker.host in declarative.yaml; null or empty when unset.</param>
    /// <param name="variables">The process environment (DOCKER_HOST, DOCKER_CONTEXT, DOCKER_CONFIG, DOCKER_TLS_VERIFY,
    /// DOCKER_TLS, DOCKER_CERT_PATH, DOCKER_API_VERSION).</param>
    /// <param name="homeDirectory">HOME, for ~/.docker; empty when unknown.</param>
    /// <exception cref="DockerConnectionException">A setting or file is unusable; the message says which and what to do.</exception>
    public static DockerEndpoint Resolve(string? environmentHost, IReadOnlyDictionary<string, string> variables, string homeDirectory)
    {
        var settings = DockerCliSettings.Read(variables, homeDirectory);
        var pinned = PinnedApiVersion(settings.ApiVersion);
        return ResolveHost(environmentHost, settings) with { PinnedApiVersion = pinned };
    }

    private static DockerEndpoint ResolveHost(string? environmentHost, DockerCliSettings settings)
    {
        if (!string.IsNullOrWhiteSpace(environmentHost))
        {
            var host = DockerHostSyntax.Normalize(environmentHost, "The environment's docker.host in declarative.yaml");
            return new DockerEndpoint(host, DockerEndpointSources.EnvironmentHost, TlsFromVariables(host, settings));
        }

        if (settings.Host is { } variable)
        {
            var host = DockerHostSyntax.Normalize(variable, "DOCKER_HOST");
            return new DockerEndpoint(host, DockerEndpointSources.DockerHostVariable, TlsFromVariables(host, settings));
        }

        if (ContextName(settings) is { } context && context.Name != DefaultContext)
        {
            return DockerContextStore.Load(settings.ConfigDirectory, context.Name, context.Origin);
        }

        return settings.Tls
            ? new DockerEndpoint(DefaultTlsHost, DockerEndpointSources.DefaultTlsHost, DockerTlsVariables.Read(settings))
            : new DockerEndpoint(DockerHostSyntax.DefaultSocketHost, DockerEndpointSources.DefaultSocket);
    }

    /// <summary>DOCKER_CONTEXT, else config.json's currentContext, with where the name came from.</summary>
    private static (string Name, string Origin)? ContextName(DockerCliSettings settings)
    {
        if (settings.Context is { } named)
        {
            return (named, "DOCKER_CONTEXT");
        }

        if (settings.ConfigDirectory is { } folder && DockerContextStore.CurrentContext(folder) is { } current)
        {
            return (current, $"currentContext in {Path.Combine(folder, "config.json")}");
        }

        return null;
    }

    /// <summary>TLS settings mean nothing to a unix socket; the CLI does not use them there either.</summary>
    private static DockerTlsMaterial? TlsFromVariables(string host, DockerCliSettings settings) =>
        host.StartsWith("tcp://", StringComparison.Ordinal) ? DockerTlsVariables.Read(settings) : null;

    private static Version? PinnedApiVersion(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var match = ApiVersionSyntax().Match(value.Trim());
        if (!match.Success)
        {
            throw new DockerConnectionException(
                $"DOCKER_API_VERSION is \"{value}\", which is not an API version like 1.41. Fix it, or unset it to let Declarative use the newest version the engine supports.");
        }

        return new Version(
            int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    [GeneratedRegex(@"^(\d{1,4})\.(\d{1,4})$")]
    private static partial Regex ApiVersionSyntax();
}

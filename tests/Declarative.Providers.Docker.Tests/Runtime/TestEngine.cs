using Declarative.Providers.Docker.Engine;
using Declarative.Testing.Docker;
using Docker.DotNet;

namespace Declarative.Providers.Docker.Tests.Runtime;

/// <summary>A client for the test engine, connected the way the CLI connects (API version read from /_ping).</summary>
internal static class TestEngine
{
    public static async Task<IDockerClient> ConnectAsync(CancellationToken cancellationToken)
    {
        var endpoint = DockerEndpointResolver.Resolve(DockerTestServices.Current.DockerHost, new Dictionary<string, string>(), string.Empty);
        var engine = await DockerEngine.ConnectAsync(endpoint, cancellationToken);
        return engine.Client;
    }
}

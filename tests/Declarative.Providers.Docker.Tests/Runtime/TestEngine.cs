using Declarative.Testing.Docker;
using Docker.DotNet;

namespace Declarative.Providers.Docker.Tests.Runtime;

/// <summary>A client for the test engine, pinned to the API version the engine reports.</summary>
internal static class TestEngine
{
    public static Task<IDockerClient> ConnectAsync(CancellationToken cancellationToken)
    {
        IDockerClient client = new DockerClientBuilder()
            .WithEndpoint(new Uri(DockerTestServices.Current.DockerHost))
            .WithApiVersion(new System.Version(1, 41))
            .Build();
        return Task.FromResult(client);
    }
}

using Declarative.Providers.Docker.Engine;
using Declarative.Providers.Docker.Images;
using Declarative.Providers.Docker.Registries;
using Declarative.Providers.Docker.Runtime.Shared;
using Declarative.Providers.Kubernetes.Client;

namespace Declarative.Cli;

/// <summary>The provider exceptions whose message is written for the user (what failed, where, what to do): the CLI
/// shows them as one diagnostic. Anything else is a bug and keeps its stack trace.</summary>
internal static class ProviderErrors
{
    public static bool IsUserFacing(Exception error) => error is KubeApiException
        or DockerOperationException
        or DockerConnectionException
        or BuildContextException
        or RegistryException
        or Docker.DotNet.DockerApiException;
}

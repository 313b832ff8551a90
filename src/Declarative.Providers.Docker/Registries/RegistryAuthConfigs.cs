using Docker.DotNet.Models;

namespace Declarative.Providers.Docker.Registries;

/// <summary>
/// The Docker.DotNet <see cref="AuthConfig"/> a push sends as X-Registry-Auth: username and password (or identity
/// token) with the server address as docker login writes it (host[:port]; Docker Hub's index URL). An anonymous push
/// gets an empty config, which the engine needs as much as a filled one.
/// </summary>
internal static class RegistryAuthConfigs
{
    public static AuthConfig ForPush(string server, RegistryCredential? credential)
    {
        if (credential is null)
        {
            return new AuthConfig();
        }

        var config = new AuthConfig { ServerAddress = RegistryServerNames.ConfigKeyOf(server) };
        if (credential.IdentityToken is { } identityToken)
        {
            config.IdentityToken = identityToken;
        }
        else
        {
            config.Username = credential.Username;
            config.Password = credential.Password;
        }

        return config;
    }
}

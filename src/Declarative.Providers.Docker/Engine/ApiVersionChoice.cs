namespace Declarative.Providers.Docker.Engine;

/// <summary>
/// The API version to speak: DOCKER_API_VERSION when pinned (no negotiation, as in the Go client), else the lower
/// of the engine's newest version and the newest the client library's models are written for.
/// </summary>
internal static class ApiVersionChoice
{
    /// <summary>Docker.DotNet.Enhanced 4.4.1 models the Docker 29 API, whose first release speaks 1.52; newer
    /// versions may change fields the models do not know.</summary>
    public static readonly Version LibraryMaximum = new(1, 52);

    public static Version Choose(Version engineMaximum, Version? pinned) =>
        pinned ?? (engineMaximum < LibraryMaximum ? engineMaximum : LibraryMaximum);
}

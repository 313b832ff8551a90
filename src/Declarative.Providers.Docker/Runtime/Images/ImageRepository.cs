namespace Declarative.Providers.Docker.Runtime.Images;

/// <summary>
/// Where a repository lives, by docker's rule: the first component is a registry host when it has a '.' or a ':'
/// or is "localhost" (127.0.0.1:5000/kubia); otherwise the repository is on Docker Hub (library/ for one part).
/// </summary>
internal sealed record ImageRepository(string Server, string Path)
{
    public const string DockerHub = "docker.io";

    /// <summary>The repository of a reference: <c>host:5000/app:tag@sha256:…</c> without its digest and tag.</summary>
    public static ImageRepository OfReference(string reference)
    {
        var name = reference.Split('@')[0];
        var colon = name.LastIndexOf(':');
        return Parse(colon > name.LastIndexOf('/') ? name[..colon] : name);
    }

    public static ImageRepository Parse(string repository)
    {
        var slash = repository.IndexOf('/', StringComparison.Ordinal);
        if (slash > 0)
        {
            var first = repository[..slash];
            if (first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost")
            {
                return new ImageRepository(first, repository[(slash + 1)..]);
            }
        }

        return new ImageRepository(DockerHub, slash > 0 ? repository : $"library/{repository}");
    }
}

namespace Declarative.Providers.Docker.Catalog.Syntax;

/// <summary>
/// A Container's <c>source:/container/path[:ro|rw]</c>. The source is a Volume's name or a host path
/// (starting with ./, ../ or /; relative paths are relative to the document's folder).
/// </summary>
internal sealed record VolumeMount(string Source, string Target, string? Mode)
{
    public bool IsHostPath => IsPath(Source);

    public static VolumeMount? Parse(string text) => FindProblem(text) is null ? Split(text) : null;

    public static string? FindProblem(string text)
    {
        var parts = text.Split(':');
        if (parts.Length < 2)
        {
            return "it needs a source and a container path; anonymous volumes are not supported";
        }

        if (parts.Length > 3)
        {
            return "it has too many ':' separators";
        }

        return FindSourceProblem(parts[0])
            ?? (parts[1].StartsWith('/') ? null : $"the container path \"{parts[1]}\" is not absolute")
            ?? (parts.Length == 3 && parts[2] is not ("ro" or "rw") ? $"the mode \"{parts[2]}\" is not ro or rw" : null);
    }

    private static string? FindSourceProblem(string source) =>
        source.Length == 0 ? "the source is empty"
        : IsPath(source) || DockerNames.IsObjectName(source) ? null
        : $"\"{source}\" is neither a volume name nor a host path (host paths start with ./, ../ or /)";

    private static bool IsPath(string source) =>
        source is "." or ".."
        || source.StartsWith('/')
        || source.StartsWith("./", StringComparison.Ordinal)
        || source.StartsWith("../", StringComparison.Ordinal);

    private static VolumeMount Split(string text)
    {
        var parts = text.Split(':');
        return new VolumeMount(parts[0], parts[1], parts.Length == 3 ? parts[2] : null);
    }
}

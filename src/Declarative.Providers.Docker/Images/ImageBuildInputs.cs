namespace Declarative.Providers.Docker.Images;

/// <summary>The build settings besides the context that change what an Image build produces.</summary>
/// <param name="BuildArgs">Build arguments; a null value is "declared but unset" and differs from "".</param>
/// <param name="Target">The stage to build; null or "" builds the last stage.</param>
/// <param name="Platform">The platform, as given (e.g. linux/amd64); null or "" is the engine's own.</param>
/// <param name="Labels">Labels the build adds to the image.</param>
internal sealed record ImageBuildInputs(
    IReadOnlyDictionary<string, string?>? BuildArgs = null,
    string? Target = null,
    string? Platform = null,
    IReadOnlyDictionary<string, string>? Labels = null)
{
    public static ImageBuildInputs None { get; } = new();
}

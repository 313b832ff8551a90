namespace Declarative.Cli.Rendering.Live;

/// <summary>How apply, rollback and destroy show their progress: the live view on a terminal unless --no-progress,
/// otherwise the plain timestamped lines; and whether the live view may colour (NO_COLOR, --no-color).</summary>
internal sealed record ProgressView(bool Live, bool Color)
{
    public static ProgressView Plain { get; } = new(false, false);

    public static ProgressView For(IOContext io, bool noProgress, bool noColor) =>
        new(io.IsTerminal && !noProgress, io.UseColor(noColor));
}

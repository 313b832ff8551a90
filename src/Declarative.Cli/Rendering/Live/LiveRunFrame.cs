using System.Globalization;
using System.Text;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Declarative.Cli.Rendering.Live;

/// <summary>
/// Draws one frame of the live view: a header with the run's counts and elapsed time, the running and waiting
/// resources (what each is doing, or waiting for, and for how long), then the newest finished ones and the failures.
/// Every line is cropped to the terminal's width and the frame to its height, so a large run stays readable.
/// </summary>
internal static class LiveRunFrame
{
    /// <summary>Lines a frame needs besides the running and waiting rows: the header, "... more", the finished rows and
    /// the failures with their "... more" line.</summary>
    private const int FixedLines = 3 + LiveRunState.RecentlyFinishedKept + LiveRunState.FailuresShown;

    private const int AddressWidthMax = 60;

    /// <summary>How many running or waiting rows fit a terminal <paramref name="height"/> lines tall (at least 3).</summary>
    public static int ActiveRowsFor(int height) => Math.Max(3, height - FixedLines - 1);

    /// <param name="verb">What the run does, for the header: "Applying", "Rolling back", "Destroying".</param>
    /// <param name="color">Colour the states; without it the frame is the same text, unstyled.</param>
    /// <param name="width">The terminal's width: longer lines are cut with "...", as a wrapped row would push the frame
    /// past the terminal's height.</param>
    public static IRenderable Render(LiveRunSnapshot snapshot, string verb, bool color, int width)
    {
        Text Line(string text, string? style) => new(Crop(text, width), style is null ? Spectre.Console.Style.Plain : Spectre.Console.Style.Parse(style));
        IRenderable Row(LiveRow row, int addressWidth) => Line(RowText(row, addressWidth), color ? Style(row.State) : null);

        var lines = new List<IRenderable> { Line(Header(snapshot, verb), color ? "bold" : null) };
        var shown = snapshot.ActiveRows.Concat(snapshot.RecentlyFinished).Concat(snapshot.Failures).ToList();
        var addressWidth = Math.Min(AddressWidthMax, shown.Count == 0 ? 0 : shown.Max(r => r.Address.ToString().Length));
        lines.AddRange(snapshot.ActiveRows.Select(r => Row(r, addressWidth)));
        if (snapshot.Active > snapshot.ActiveRows.Count)
        {
            lines.Add(Line(string.Create(CultureInfo.InvariantCulture, $"  ... and {snapshot.Active - snapshot.ActiveRows.Count} more in progress"), color ? "dim" : null));
        }

        lines.AddRange(snapshot.RecentlyFinished.Select(r => Row(r, addressWidth)));
        if (snapshot.Failed > snapshot.Failures.Count)
        {
            lines.Add(Line(string.Create(CultureInfo.InvariantCulture, $"  ... and {snapshot.Failed - snapshot.Failures.Count} more failed (the summary names them all)"), color ? "red" : null));
        }

        lines.AddRange(snapshot.Failures.Select(r => Row(r, addressWidth)));
        return new Rows(lines);
    }

    /// <summary>"Applying: 42 done, 1 failed, 0 skipped, 30 in progress, 927 pending (1m05s)".</summary>
    public static string Header(LiveRunSnapshot snapshot, string verb) => string.Create(
        CultureInfo.InvariantCulture,
        $"{verb}: {snapshot.Done} done, {snapshot.Failed} failed, {snapshot.Skipped} skipped, {snapshot.Active} in progress, {snapshot.Pending} pending ({Duration(snapshot.Elapsed)})");

    /// <summary>"5s", "1m05s", "1h02m": short enough to sit at the end of a row.</summary>
    public static string Duration(TimeSpan elapsed)
    {
        var seconds = (long)Math.Max(0, elapsed.TotalSeconds);
        return seconds switch
        {
            < 60 => string.Create(CultureInfo.InvariantCulture, $"{seconds}s"),
            < 3600 => string.Create(CultureInfo.InvariantCulture, $"{seconds / 60}m{seconds % 60:00}s"),
            _ => string.Create(CultureInfo.InvariantCulture, $"{seconds / 3600}h{seconds / 60 % 60:00}m"),
        };
    }

    /// <summary>"  waiting    12s  Deployment.apps/shop/web  2 of 3 replicas available": the time before the address, so
    /// that cutting a long reason to the terminal's width never cuts it.</summary>
    public static string RowText(LiveRow row, int addressWidth)
    {
        var text = new StringBuilder("  ")
            .Append(Label(row.State).PadRight(8))
            .Append(Duration(row.Elapsed).PadLeft(6))
            .Append("  ")
            .Append(row.Address.ToString().PadRight(addressWidth));
        if (row.Text.Length > 0)
        {
            text.Append("  ").Append(OneLine(row.Text));
        }

        return text.ToString().TrimEnd();
    }

    private static string Label(LiveRowState state) => state switch
    {
        LiveRowState.Running => "running",
        LiveRowState.Waiting => "waiting",
        LiveRowState.Done => "done",
        LiveRowState.Failed => "FAILED",
        _ => "skipped",
    };

    private static string? Style(LiveRowState state) => state switch
    {
        LiveRowState.Running => "blue",
        LiveRowState.Waiting => "yellow",
        LiveRowState.Done => "green",
        LiveRowState.Failed => "red",
        _ => "dim",
    };

    /// <summary>A failure's message or a build's output can span lines; a row is one line.</summary>
    private static string OneLine(string text)
    {
        var end = text.IndexOfAny(['\r', '\n']);
        return end < 0 ? text : text[..end] + " ...";
    }

    private static string Crop(string text, int width) =>
        text.Length <= width || width < 4 ? text : string.Concat(text.AsSpan(0, width - 3), "...");
}

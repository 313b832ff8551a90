using Declarative.Core.Durations;

namespace Declarative.Providers.Docker.Runtime.Shared;

/// <summary>
/// Go durations to nanoseconds (what the Engine API takes) and back to the shortest Go spelling, so that "90s" in a
/// document and 90000000000 from an inspect compare equal as "1m30s". The grammar is Core's <see cref="GoDuration"/>,
/// the same the command line takes.
/// </summary>
internal static class GoDurations
{
    /// <summary>Nanoseconds of a duration the catalog already validated ("0", "30s", "1m30s", "1.5h").</summary>
    public static long ToNanoseconds(string text) =>
        GoDuration.TryParseNanoseconds(text, out var nanoseconds) ? nanoseconds : throw new FormatException($"\"{text}\" is not a Go duration.");

    /// <summary>Go's time.Duration.String(): 90s is "1m30s", 1500ms is "1.5s", 0 is "0s".</summary>
    public static string Format(long nanoseconds) => GoDuration.Format(nanoseconds);
}

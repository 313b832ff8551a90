using System.Collections;

namespace Declarative.Cli;

/// <summary>
/// Everything the CLI reads from or writes to its process: streams, working directory, environment variables
/// and whether stdout is a terminal. Tests build one with StringWriters; nothing in the CLI touches Console.
/// </summary>
public sealed record IOContext(
    TextWriter Out,
    TextWriter Error,
    string WorkingDirectory,
    IReadOnlyDictionary<string, string> EnvironmentVariables,
    bool IsTerminal)
{
    /// <summary>HOME from the process context ("" when unset): kubeconfig, caches and the state key live under it.</summary>
    public string HomeDirectory => EnvironmentVariables.TryGetValue("HOME", out var home) ? home : string.Empty;

    /// <summary>Cancelled by the first SIGINT/SIGTERM: runs start nothing new and let in-flight calls finish within the
    /// grace period; the command's own cancellation token aborts them (second signal, or the grace period over).</summary>
    public CancellationToken StopScheduling { get; init; }

    /// <summary>Where answers to prompts come from (stdin for the process).</summary>
    public TextReader In { get; init; } = TextReader.Null;

    public static IOContext FromProcess() => new(
        Console.Out,
        Console.Error,
        Directory.GetCurrentDirectory(),
        Environment.GetEnvironmentVariables().Cast<DictionaryEntry>().ToDictionary(e => (string)e.Key, e => (string?)e.Value ?? string.Empty, StringComparer.Ordinal),
        !Console.IsOutputRedirected && !Console.IsInputRedirected)
    {
        In = Console.In,
    };

    /// <summary>Colour follows NO_COLOR, --no-color and TTY detection.</summary>
    public bool UseColor(bool noColorOption) =>
        IsTerminal && !noColorOption && !EnvironmentVariables.ContainsKey("NO_COLOR");
}

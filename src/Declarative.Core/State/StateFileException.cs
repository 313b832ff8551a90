using System.Collections.Immutable;

namespace Declarative.Core.State;

/// <summary>
/// A state file cannot be used: not valid JSON, not a revision, written by a newer Declarative, or sealed with
/// another key. <see cref="Summary"/> and <see cref="Details"/> are ready for a DCL5xx diagnostic (the last detail
/// says what to do); <see cref="Path"/> names the file.
/// </summary>
public sealed class StateFileException : Exception
{
    public StateFileException(string path, string summary, ImmutableArray<string> details, Exception? innerException = null)
        : base($"{summary}: {string.Join(" ", details)}", innerException)
    {
        Path = path;
        Summary = summary;
        Details = details;
    }

    public StateFileException()
        : this(string.Empty, "State file is unusable", [])
    {
    }

    public StateFileException(string message)
        : this(string.Empty, message, [])
    {
    }

    public StateFileException(string message, Exception innerException)
        : this(string.Empty, message, [], innerException)
    {
    }

    public string Path { get; }

    public string Summary { get; }

    public ImmutableArray<string> Details { get; }
}

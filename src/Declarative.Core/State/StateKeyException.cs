using System.Collections.Immutable;

namespace Declarative.Core.State;

/// <summary>
/// The state key is unusable (DECLARATIVE_STATE_KEY or the key file is not base64 of 32 bytes) or missing where
/// secret values must be sealed. <see cref="Summary"/> and <see cref="Details"/> are ready for a DCL5xx diagnostic;
/// the message never contains key material.
/// </summary>
public sealed class StateKeyException : Exception
{
    public StateKeyException(string summary, ImmutableArray<string> details, Exception? innerException = null)
        : base($"{summary}: {string.Join(" ", details)}", innerException)
    {
        Summary = summary;
        Details = details;
    }

    public StateKeyException()
        : this("State key is unusable", [])
    {
    }

    public StateKeyException(string message)
        : this(message, [])
    {
    }

    public StateKeyException(string message, Exception innerException)
        : this(message, [], innerException)
    {
    }

    public string Summary { get; }

    public ImmutableArray<string> Details { get; }
}

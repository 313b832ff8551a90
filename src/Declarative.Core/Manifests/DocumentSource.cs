using System.Collections.Immutable;
using Declarative.Core.Diagnostics;

namespace Declarative.Core.Manifests;

/// <summary>
/// Where one YAML document came from, with the position of every node.
/// Keys are JSON Pointers (RFC 6901, "" is the root, "/spec/ports/0/port").
/// <see cref="ValuePositions"/> holds where each node's value starts; <see cref="KeyPositions"/> where a
/// mapping entry's key starts. Positions are in the original source file, before templating.
/// </summary>
public sealed record DocumentSource(
    string File,
    int Index,
    SourcePosition Start,
    ImmutableDictionary<string, SourcePosition> ValuePositions,
    ImmutableDictionary<string, SourcePosition> KeyPositions)
{
    public static DocumentSource Synthetic(string file) =>
        new(file, 0, new SourcePosition(1, 1), ImmutableDictionary<string, SourcePosition>.Empty, ImmutableDictionary<string, SourcePosition>.Empty);

    /// <summary>The value at <paramref name="pointer"/>, else its nearest ancestor that has a position.</summary>
    public SourceLocation Locate(string pointer) => ToLocation(Find(ValuePositions, pointer) ?? Find(KeyPositions, pointer) ?? Start);

    /// <summary>The key of the entry at <paramref name="pointer"/>, else like <see cref="Locate"/>.</summary>
    public SourceLocation LocateKey(string pointer) =>
        KeyPositions.TryGetValue(pointer, out var key) ? ToLocation(key) : Locate(pointer);

    private SourceLocation ToLocation(SourcePosition position) => new(File, position.Line, position.Column);

    private static SourcePosition? Find(ImmutableDictionary<string, SourcePosition> positions, string pointer)
    {
        var current = pointer;
        while (true)
        {
            if (positions.TryGetValue(current, out var position))
            {
                return position;
            }

            if (current.Length == 0)
            {
                return null;
            }

            var slash = current.LastIndexOf('/');
            current = slash <= 0 ? string.Empty : current[..slash];
        }
    }
}

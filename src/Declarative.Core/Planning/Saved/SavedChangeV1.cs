using System.Text.Json.Nodes;

namespace Declarative.Core.Planning.Saved;

/// <summary>One resource of a saved plan: the provider's planned change and the engine's context for it.</summary>
internal sealed record SavedChangeV1
{
    public required string Provider { get; init; }

    public required SavedAddressV1 Address { get; init; }

    public required string Action { get; init; }

    public string? Verb { get; init; }

    public string? ReplaceReason { get; init; }

    public bool ServerDefaultsUnknown { get; init; }

    /// <summary>Outputs the provider knew at plan time; absent in plans saved before they existed.</summary>
    public SortedDictionary<string, string>? KnownOutputs { get; init; }

    public required List<SavedAddressV1> DependsOn { get; init; }

    public required List<string> SensitivePaths { get; init; }

    public required List<SavedDiffV1> Diffs { get; init; }

    public required List<string> DriftPaths { get; init; }

    public required List<SavedTakenFieldV1> TakenOver { get; init; }

    public required List<string> UnknownPaths { get; init; }

    /// <summary>The provider's notes (a field kept because another manager set it); absent in plans saved before
    /// they existed, and when there are none.</summary>
    public List<SavedNoteV1>? Notes { get; init; }

    /// <summary>What the server would fill in on a create (shown with --verbose); absent in plans saved before they
    /// were kept, and when there are none.</summary>
    public List<SavedDiffV1>? ServerDefaults { get; init; }

    public SavedDesiredV1? Desired { get; init; }

    public SavedObjectV1? Live { get; init; }

    public SavedObjectV1? LastApplied { get; init; }
}

/// <summary>A field diff; values of sensitive fields were already left out by the differ.</summary>
internal sealed record SavedDiffV1
{
    public required string Path { get; init; }

    public required string Kind { get; init; }

    public JsonNode? Before { get; init; }

    public JsonNode? After { get; init; }

    public bool Sensitive { get; init; }

    public bool Unknown { get; init; }
}

internal sealed record SavedTakenFieldV1(string Path, string Manager);

/// <summary>A note on a change: a path and manager names, never a value.</summary>
internal sealed record SavedNoteV1(string? Path, string Text);

internal sealed record SavedDesiredV1
{
    public required string ApiVersion { get; init; }

    public required string Kind { get; init; }

    public required List<SavedUnknownValueV1> Unknowns { get; init; }

    public required List<string> SensitivePaths { get; init; }

    public required List<string> IgnoredPaths { get; init; }

    public required JsonObject Object { get; init; }
}

internal sealed record SavedUnknownValueV1(string Path, string Template, List<SavedUnknownV1> References);

internal sealed record SavedUnknownV1(string Scheme, string Name, SavedAddressV1 Source, string Output);

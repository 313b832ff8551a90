using System.Text.Json.Nodes;
using Declarative.Core.Planning;

namespace Declarative.Cli.Rendering;

/// <summary>
/// One field line of a resource's block, already redacted: <see cref="Before"/> and <see cref="After"/> are null
/// when <see cref="Sensitive"/>, and <see cref="After"/> is null when <see cref="Unknown"/>. An added or removed
/// object is split into one line per leaf, so every line names one field. <see cref="ServerDefault"/> marks a field
/// the server would fill in on a create, not one the manifests set (shown with <c>--verbose</c>).
/// </summary>
internal sealed record PlanLine(
    FieldDiffKind Kind,
    string Path,
    JsonNode? Before,
    JsonNode? After,
    bool Sensitive,
    bool Unknown,
    bool Drift,
    string? TakenFrom,
    bool ServerDefault = false)
{
    public char Symbol => Kind switch
    {
        FieldDiffKind.Added => '+',
        FieldDiffKind.Removed => '-',
        _ => '~',
    };
}

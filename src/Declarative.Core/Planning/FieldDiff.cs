using System.Text.Json.Nodes;

namespace Declarative.Core.Planning;

/// <summary>
/// One changed leaf (or whole added/removed subtree) between two objects. <see cref="Path"/> is in display
/// syntax: <c>spec.template.spec.containers[name=web].image</c>, <c>metadata.labels["app.kubernetes.io/name"]</c>,
/// <c>spec.args[2]</c>. When <see cref="Sensitive"/> is true, <see cref="Before"/> and <see cref="After"/> are null
/// and renderers print "(sensitive)". When <see cref="Unknown"/> is true the new value is known only after apply.
/// </summary>
public sealed record FieldDiff(
    string Path,
    FieldDiffKind Kind,
    JsonNode? Before,
    JsonNode? After,
    bool Sensitive = false,
    bool Unknown = false);

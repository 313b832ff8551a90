namespace Declarative.Core.Providers;

/// <summary>
/// Something a provider wants the reader of a plan to know about a resource that is not a change of a field: a field
/// live holds that no manifest sets and another manager owns (<see cref="Path"/>
/// "spec.template.spec.containers[name=web].resources", <see cref="Text"/> "set by kubectl-edit, not in the
/// manifests: kept"), or what adopting the object does (<see cref="Path"/> null).
/// </summary>
public sealed record ChangeNote(string? Path, string Text);

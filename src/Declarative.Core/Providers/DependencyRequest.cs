namespace Declarative.Core.Providers;

/// <summary>
/// An edge a catalog says a resource implies. <see cref="Reason"/> reads after the arrow in `decl graph`
/// ("spec.template.spec.serviceAccountName names ServiceAccount web"). <see cref="SourcePointer"/> is the JSON
/// Pointer of the field that implies it, for error locations ("" when the whole document does).
/// </summary>
public sealed record DependencyRequest(ReferenceTarget Target, string Reason, DependencyKind Kind, string SourcePointer);

namespace Declarative.Providers.Kubernetes.Catalog;

/// <summary>A group/version (of one kind, or of every kind when <paramref name="Kind"/> is null) that Kubernetes
/// once served and removed in <paramref name="Release"/>; <paramref name="Replacement"/> says what to use instead.</summary>
internal sealed record RemovedApi(string Group, string Version, string? Kind, string Release, string Replacement);

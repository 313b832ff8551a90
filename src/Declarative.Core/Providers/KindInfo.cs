namespace Declarative.Core.Providers;

/// <summary>What a catalog knows of a kind without any I/O.</summary>
public sealed record KindInfo(KindRef Kind, ResourceScope Scope);

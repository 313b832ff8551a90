namespace Declarative.Core.State.Migration;

/// <summary>One side of a migration: the store, and how messages name it ("the local store (folder state/dev)").</summary>
public sealed record MigrationStore(ISealedRevisionStore Store, string Name);

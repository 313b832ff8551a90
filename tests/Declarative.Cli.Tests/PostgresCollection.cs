using Declarative.Testing;

namespace Declarative.Cli.Tests;

/// <summary>The CLI test classes that share one throwaway PostgreSQL server (<see cref="PostgresServer"/>), each
/// with a database of its own.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL server";
}

using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace Declarative.Core.State.Postgres;

/// <summary>One environment's history in a database: the server, the project and environment that key every row,
/// the advisory lock key of its lock, and the names errors give its rows.</summary>
internal sealed record PostgresScope(PostgresTarget Target, string Project, string Environment)
{
    /// <summary>The session advisory lock of this project and environment: the first 8 bytes of a SHA-256 of both
    /// names, so the key does not depend on the server's hash functions, and two environments meet by chance only
    /// with odds of 2^-64.</summary>
    public long LockKey { get; } = KeyOf(Project, Environment);

    /// <summary>How pg_locks shows a bigint advisory lock: the high half as classid, the low half as objid.</summary>
    public uint LockClassId => (uint)((ulong)LockKey >> 32);

    public uint LockObjectId => (uint)((ulong)LockKey & 0xffffffff);

    public string RevisionRow(int number) => Target.RevisionRow(Project, Environment, number);

    public string JournalRow(int number, long seq) => Target.JournalRow(Project, Environment, number, seq);

    /// <summary>The SQL condition that selects this environment's rows, for the statements error messages suggest.</summary>
    public string Where => $"project = {PostgresTarget.Literal(Project)} AND environment = {PostgresTarget.Literal(Environment)}";

    private static long KeyOf(string project, string environment)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"declarative-state\n{project}\n{environment}"));
        return BinaryPrimitives.ReadInt64BigEndian(hash);
    }
}

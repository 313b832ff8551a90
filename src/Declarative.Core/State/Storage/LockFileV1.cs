namespace Declarative.Core.State.Storage;

/// <summary>The lock record file (<c>lock.json</c>), format version 1.</summary>
internal sealed record LockFileV1(int FormatVersion, string User, string Host, int ProcessId, DateTimeOffset Started, string Command);

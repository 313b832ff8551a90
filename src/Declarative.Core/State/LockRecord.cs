namespace Declarative.Core.State;

/// <summary>Who holds an environment's lock, shown to a second run that fails at once.</summary>
public sealed record LockRecord(string User, string Host, int ProcessId, DateTimeOffset Started, string Command);

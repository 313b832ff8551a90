namespace Declarative.Core.State;

/// <summary>Who holds an environment's lock, shown to a second run that fails at once.</summary>
public sealed record LockRecord(string User, string Host, int ProcessId, DateTimeOffset Started, string Command)
{
    /// <summary>"decl apply --env dev (user alice, pid 4312 on ci-7, since 2025-01-01 10:00:00Z)".</summary>
    public string Describe() => $"{Command} (user {User}, pid {ProcessId} on {Host}, since {Started:u})";
}

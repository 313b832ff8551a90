using System.Collections.Immutable;
using System.Globalization;
using Declarative.Core.Diagnostics;
using Declarative.Core.Manifests;

namespace Declarative.Core.State.Migration;

/// <summary>
/// <c>decl state migrate</c>: copies an environment's whole history from one store to another (docs/state.md,
/// "Moving a history"). Under both locks (taken at once or refused, naming the holder), it refuses a source with a
/// pending revision (a journal is never copied) and a target that holds a history other than the source's; it copies
/// every revision the target lacks as sealed bytes (no key needed), then reads both sides again and compares count
/// and SHA-256 of each revision. It never deletes or replaces anything in either store: switching is the user's edit
/// of declarative.yaml, and the old copy stays where it was.
/// </summary>
public static class StateMigration
{
    public static async Task<StageResult<MigrationReport?>> RunAsync(string environment, MigrationStore source, MigrationStore target, LockRecord holder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(target);
        var sourceLock = await TryLockAsync(source, "source", holder, cancellationToken);
        if (sourceLock.Problem is { } sourceLocked)
        {
            return Refused(sourceLocked);
        }

        await using (sourceLock.Held)
        {
            var targetLock = await TryLockAsync(target, "target", holder, cancellationToken);
            if (targetLock.Problem is { } targetLocked)
            {
                return Refused(targetLocked);
            }

            await using (targetLock.Held)
            {
                return await CopyAsync(environment, source, target, sourceLock.Held!.AbandonedPending, cancellationToken);
            }
        }
    }

    private static async Task<StageResult<MigrationReport?>> CopyAsync(string environment, MigrationStore source, MigrationStore target, Revision? abandoned, CancellationToken cancellationToken)
    {
        var revisions = await source.Store.ReadSealedAsync(cancellationToken);
        if (revisions.FirstOrDefault(r => r.Status == RevisionStatus.Pending) is { } pending)
        {
            return Refused(Pending(environment, source, pending, abandoned));
        }

        var existing = await target.Store.ReadSealedAsync(cancellationToken);
        if (Conflict(revisions, existing) is { } conflict)
        {
            return Refused(Migration(
                "The target store already holds another history",
                $"{Capital(target.Name)} already holds revisions of environment \"{environment}\" ({Numbers(existing)}), and they are not the source's: {conflict}.",
                "Nothing was copied. Migrate to another namespace, database or folder, or, if that history is not needed, remove it from the target yourself (decl never deletes a history), then migrate again."));
        }

        var present = existing.Select(r => r.Number).ToHashSet();
        var missing = revisions.Where(r => !present.Contains(r.Number)).ToList();
        foreach (var revision in missing)
        {
            await target.Store.WriteSealedAsync(revision, cancellationToken);
        }

        var copied = await target.Store.ReadSealedAsync(cancellationToken);
        var reread = await source.Store.ReadSealedAsync(cancellationToken);
        if (Mismatch(revisions, reread, copied) is { } mismatch)
        {
            return Refused(Migration(
                "The copy does not match the source",
                $"After copying {Count(missing.Count)} to {target.Name}: {mismatch}.",
                $"The environment still uses {source.Name}, which was not changed. Look into {target.Name} (what this migration wrote there is revisions {Numbers([.. missing])}), remove it, and migrate again."));
        }

        return new StageResult<MigrationReport?>(new MigrationReport(revisions, [.. missing.Select(r => r.Number)]), []);
    }

    private static async Task<(IStateLock? Held, Diagnostic? Problem)> TryLockAsync(MigrationStore side, string role, LockRecord holder, CancellationToken cancellationToken)
    {
        try
        {
            return (await side.Store.LockAsync(holder, cancellationToken), null);
        }
        catch (StateLockedException locked)
        {
            return (null, Diagnostic.Error(
                DiagnosticCodes.StateLocked,
                "State is locked",
                null,
                $"{locked.Message} That lock is on the {role} store, {side.Name}.",
                "Nothing was copied. Wait for that run to finish, then migrate again: the lock goes with its process (a lease in a remote store expires by itself within its duration)."));
        }
    }

    private static Diagnostic Pending(string environment, MigrationStore source, SealedRevision pending, Revision? abandoned)
    {
        var who = abandoned is { } revision && revision.Number == pending.Number
            ? string.Create(CultureInfo.InvariantCulture, $" ({revision.CommandLine ?? "decl " + revision.Operation.ToString().ToLowerInvariant()}, by {revision.User}, started {revision.StartedAt.UtcDateTime:u})")
            : string.Empty;
        return Migration(
            "The history has a pending revision",
            string.Create(CultureInfo.InvariantCulture, $"Revision {pending.Number}{who} of environment \"{environment}\" in {source.Name} is pending: its run stopped before finishing, and what it did is in its journal, which a migration does not copy."),
            $"Nothing was copied. Run decl apply --env {environment} once: it takes over the pending revision and marks it failed, keeping what it recorded. Then migrate again.");
    }

    /// <summary>Why <paramref name="existing"/> is not (part of) <paramref name="revisions"/>, or null when every
    /// revision it holds is the source's, byte for byte.</summary>
    private static string? Conflict(ImmutableArray<SealedRevision> revisions, ImmutableArray<SealedRevision> existing)
    {
        var byNumber = revisions.ToDictionary(r => r.Number);
        foreach (var revision in existing)
        {
            if (!byNumber.TryGetValue(revision.Number, out var mine))
            {
                return string.Create(CultureInfo.InvariantCulture, $"revision {revision.Number} ({Word(revision.Status)}) is not in the source");
            }

            if (mine.Checksum != revision.Checksum)
            {
                return string.Create(CultureInfo.InvariantCulture, $"its revision {revision.Number} ({Word(revision.Status)}, sha256 {Short(revision.Checksum)}) differs from the source's ({Word(mine.Status)}, sha256 {Short(mine.Checksum)})");
            }
        }

        return null;
    }

    /// <summary>What differs between the source as first read, as read again, and the copy, or null when all three
    /// hold the same revisions with the same checksums.</summary>
    private static string? Mismatch(ImmutableArray<SealedRevision> expected, ImmutableArray<SealedRevision> source, ImmutableArray<SealedRevision> copy)
    {
        if (source.Length != expected.Length || source.Zip(expected).Any(p => p.First.Number != p.Second.Number || p.First.Checksum != p.Second.Checksum))
        {
            return "the source changed while it was copied (another process wrote it without holding its lock)";
        }

        if (copy.Length != expected.Length)
        {
            return string.Create(CultureInfo.InvariantCulture, $"the target holds {Count(copy.Length)} ({Numbers(copy)}), the source {Count(expected.Length)} ({Numbers(expected)})");
        }

        var byNumber = copy.ToDictionary(r => r.Number);
        foreach (var revision in expected)
        {
            if (!byNumber.TryGetValue(revision.Number, out var copied))
            {
                return string.Create(CultureInfo.InvariantCulture, $"revision {revision.Number} is missing from the target");
            }

            if (copied.Checksum != revision.Checksum)
            {
                return string.Create(CultureInfo.InvariantCulture, $"revision {revision.Number} reads back with sha256 {Short(copied.Checksum)}, not {Short(revision.Checksum)}");
            }
        }

        return null;
    }

    /// <summary>"1-3, 5" for revisions 1, 2, 3 and 5.</summary>
    public static string Numbers(ImmutableArray<SealedRevision> revisions)
    {
        var numbers = revisions.Select(r => r.Number).Order().ToList();
        var ranges = new List<string>();
        for (var i = 0; i < numbers.Count;)
        {
            var j = i;
            while (j + 1 < numbers.Count && numbers[j + 1] == numbers[j] + 1)
            {
                j++;
            }

            ranges.Add(i == j ? numbers[i].ToString(CultureInfo.InvariantCulture) : string.Create(CultureInfo.InvariantCulture, $"{numbers[i]}-{numbers[j]}"));
            i = j + 1;
        }

        return ranges.Count == 0 ? "none" : string.Join(", ", ranges);
    }

    /// <summary>The first 16 hex digits of a SHA-256: enough to tell revisions apart in a message.</summary>
    public static string Short(string checksum) => checksum[..Math.Min(16, checksum.Length)];

    private static string Count(int revisions) => string.Create(CultureInfo.InvariantCulture, $"{revisions} revision{(revisions == 1 ? string.Empty : "s")}");

    private static string Word(RevisionStatus status) => status.ToString().ToLowerInvariant();

    private static string Capital(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];

    private static Diagnostic Migration(string summary, string problem, string fix) =>
        Diagnostic.Error(DiagnosticCodes.StateMigrationRefused, summary, null, problem, fix);

    private static StageResult<MigrationReport?> Refused(Diagnostic problem) => new(null, [problem]);
}

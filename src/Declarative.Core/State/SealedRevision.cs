using System.Security.Cryptography;

namespace Declarative.Core.State;

/// <summary>
/// A revision as every store keeps it: the canonical bytes <see cref="RevisionCodec"/> writes (JSON, formatVersion,
/// secret values still sealed), with the few fields a store indexes it by. Read and written without the state key,
/// so <c>decl state migrate</c> copies a history that only its owners can open. <see cref="Checksum"/> (SHA-256 of
/// <see cref="Bytes"/>) is what the copy is verified by on both sides.
/// </summary>
public sealed record SealedRevision(int Number, RevisionStatus Status, RevisionOperation Operation, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, byte[] Bytes)
{
    /// <summary>Lower-case hex of the SHA-256 of <see cref="Bytes"/> (computed on each call, so a copy made with
    /// <c>with</c> never carries a stale one).</summary>
    public string Checksum => Convert.ToHexStringLower(SHA256.HashData(Bytes));
}

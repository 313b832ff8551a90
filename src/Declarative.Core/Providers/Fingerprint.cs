namespace Declarative.Core.Providers;

/// <summary>
/// What a saved plan remembers of a live object: <see cref="Hash"/> of the normalized object on the compared
/// paths (status writes do not change it), plus uid and metadata.generation where the kind has them.
/// </summary>
public sealed record Fingerprint(string Hash, string? Uid, long? Generation);

namespace Declarative.Core.State;

/// <summary>
/// The key that seals secret values in state files and saved plans: DECLARATIVE_STATE_KEY (base64, 32 bytes), else
/// ~/.config/declarative/state.key (created on first use, 0600, never inside a project).
/// </summary>
public sealed class StateKey
{
    private StateKey(byte[] bytes)
    {
        Bytes = bytes;
    }

    public ReadOnlyMemory<byte> Bytes { get; }

    public static StateKey FromBytes(byte[] bytes) => new((byte[])bytes.Clone());

    /// <summary>Loads or creates the key; null when none exists and <paramref name="create"/> is false.</summary>
    public static StateKey? Load(IReadOnlyDictionary<string, string> environment, string homeDirectory, bool create) =>
        throw new NotImplementedException();
}

using System.Security.Cryptography;

namespace Declarative.Core.State;

/// <summary>
/// The key that seals secret values in state files and saved plans: DECLARATIVE_STATE_KEY (base64, 32 bytes), else
/// ~/.config/declarative/state.key (created on first use, 0600, never inside a project).
/// </summary>
public sealed class StateKey
{
    public const string EnvironmentVariable = "DECLARATIVE_STATE_KEY";

    public const int Length = 32;

    private StateKey(byte[] bytes)
    {
        Bytes = bytes;
    }

    public ReadOnlyMemory<byte> Bytes { get; }

    public static StateKey FromBytes(byte[] bytes)
    {
        if (bytes.Length != Length)
        {
            throw new ArgumentException($"A state key is {Length} bytes, not {bytes.Length}.", nameof(bytes));
        }

        return new((byte[])bytes.Clone());
    }

    /// <summary>A new random key (tests, and the key file's first use).</summary>
    public static StateKey Generate() => new(RandomNumberGenerator.GetBytes(Length));

    /// <summary>The key file under a home folder: <c>&lt;home&gt;/.config/declarative/state.key</c>.</summary>
    public static string FilePath(string homeDirectory) => Path.Combine(homeDirectory, ".config", "declarative", "state.key");

    /// <summary>Loads or creates the key; null when none exists and <paramref name="create"/> is false.</summary>
    public static StateKey? Load(IReadOnlyDictionary<string, string> environment, string homeDirectory, bool create)
    {
        if (environment.TryGetValue(EnvironmentVariable, out var text) && !string.IsNullOrWhiteSpace(text))
        {
            return Decode(text, EnvironmentVariable);
        }

        if (!Path.IsPathRooted(homeDirectory))
        {
            // Without a home folder the key file would land relative to the current folder, perhaps in a project.
            return create
                ? throw new StateKeyException("No place for the state key", [$"Neither {EnvironmentVariable} nor a home folder (HOME) is set.", $"Set HOME, or set {EnvironmentVariable} to a base64 key of {Length} bytes."])
                : null;
        }

        var path = FilePath(homeDirectory);
        if (File.Exists(path))
        {
            return Decode(File.ReadAllText(path), path);
        }

        return create ? CreateFile(path) : null;
    }

    /// <summary>The key as the key file and DECLARATIVE_STATE_KEY hold it.</summary>
    public string ToBase64() => Convert.ToBase64String(Bytes.Span);

    private static StateKey Decode(string text, string source)
    {
        byte[] bytes;
        try
        {
            bytes = Convert.FromBase64String(text.Trim());
        }
        catch (FormatException ex)
        {
            throw Invalid(source, "is not valid base64", ex);
        }

        return bytes.Length == Length ? new StateKey(bytes) : throw Invalid(source, $"holds {bytes.Length} bytes instead of {Length}", null);
    }

    private static StateKeyException Invalid(string source, string problem, Exception? inner) => new(
        "State key is invalid",
        [
            $"The state key from {source} {problem}.",
            $"Set {EnvironmentVariable} to the base64 text of a {Length}-byte key (for example the content of ~/.config/declarative/state.key that wrote the state), or fix the key file.",
        ],
        inner);

    private static StateKey CreateFile(string path)
    {
        var folder = Path.GetDirectoryName(path)!; // FilePath always has a folder.
        UnixPermissions.CreateFolder(folder);
        var key = Generate();
        var temp = $"{path}.{Guid.NewGuid():N}.tmp";
        using (var stream = new FileStream(temp, UnixPermissions.NewFile(FileMode.CreateNew, FileAccess.Write, FileShare.None)))
        using (var writer = new StreamWriter(stream))
        {
            writer.Write(key.ToBase64());
            writer.Flush();
            stream.Flush(flushToDisk: true);
        }

        try
        {
            // No overwrite: when another process created the key meanwhile, its key wins and ours is dropped.
            File.Move(temp, path, overwrite: false);
            return key;
        }
        catch (IOException) when (File.Exists(path))
        {
            File.Delete(temp);
            return Decode(File.ReadAllText(path), path);
        }
    }
}

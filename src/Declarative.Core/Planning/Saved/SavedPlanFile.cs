using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Declarative.Core.State;
using Declarative.Core.State.Storage;

namespace Declarative.Core.Planning.Saved;

/// <summary>
/// Reads and writes saved plan files (format version 1): written atomically as 0600, secret values sealed with
/// the state key, refused when newer than this Declarative, damaged, or sealed with another key. Problems with the
/// file are <see cref="StateFileException"/>s, problems with the key <see cref="StateKeyException"/>s.
/// </summary>
public static class SavedPlanFile
{
    private const string KeyCheckText = "declarative saved plan";

    public static async Task WriteAsync(string path, SavedPlan saved, StateKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(path);
        await AtomicFile.WriteAsync(Path.GetFullPath(path), Encode(saved, key), cancellationToken);
    }

    /// <exception cref="StateFileException">The file is missing, damaged or from a newer Declarative.</exception>
    /// <exception cref="StateKeyException">There is no key, or not the key that sealed the plan.</exception>
    public static async Task<SavedPlan> ReadAsync(string path, StateKey? key, CancellationToken cancellationToken)
    {
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(path, cancellationToken);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw Unreadable(path, ex.Message, ex);
        }

        return Decode(bytes, key, path);
    }

    public static byte[] Encode(SavedPlan saved, StateKey key)
    {
        ArgumentNullException.ThrowIfNull(saved);
        var sealer = new SecretSealer(key);
        var file = SavedPlanMapper.ToFile(saved, sealer, KeyCheck(sealer));
        return Encoding.UTF8.GetBytes(JsonSerializer.Serialize(file, SavedPlanJsonContext.Files.SavedPlanFileV1) + "\n");
    }

    public static SavedPlan Decode(byte[] bytes, StateKey? key, string path)
    {
        var root = ParseRoot(bytes, path);
        CheckVersion(root, path);
        SavedPlanFileV1 file;
        try
        {
            file = root.Deserialize(SavedPlanJsonContext.Files.SavedPlanFileV1) ?? throw new InvalidDataException("It is empty.");
        }
        catch (Exception ex) when (ex is JsonException or InvalidDataException)
        {
            throw Unreadable(path, ex.Message, ex);
        }

        var sealer = SealerFor(file, key, path);
        try
        {
            return SavedPlanMapper.FromFile(file, sealer);
        }
        catch (CryptographicException ex)
        {
            throw Unreadable(path, "A secret value in it does not open with the key that sealed the plan: the file was altered.", ex);
        }
        catch (InvalidDataException ex)
        {
            throw Unreadable(path, ex.Message, ex);
        }
    }

    private static string KeyCheck(SecretSealer sealer) => sealer.Hmac(JsonValue.Create(KeyCheckText));

    private static SecretSealer SealerFor(SavedPlanFileV1 file, StateKey? key, string path)
    {
        if (key is null)
        {
            throw new StateKeyException("No state key to open the saved plan", [
                $"{path} is sealed with a state key, and neither {StateKey.EnvironmentVariable} nor ~/.config/declarative/state.key holds one.",
                $"Set {StateKey.EnvironmentVariable} to the key that made the plan, or run decl plan --out again on this machine.",
            ]);
        }

        var sealer = new SecretSealer(key);
        return KeyCheck(sealer) == file.KeyCheck ? sealer : throw new StateKeyException("Saved plan was sealed with another state key", [
            $"{path} does not open with the current state key ({StateKey.EnvironmentVariable} or ~/.config/declarative/state.key).",
            "Use the key of the machine that ran decl plan --out, or run decl plan --out again here.",
        ]);
    }

    private static JsonObject ParseRoot(byte[] bytes, string path)
    {
        try
        {
            return JsonNode.Parse(bytes) as JsonObject ?? throw Unreadable(path, "It is not a JSON object.", null);
        }
        catch (JsonException ex)
        {
            throw Unreadable(path, $"It is not valid JSON: {ex.Message}", ex);
        }
    }

    private static void CheckVersion(JsonObject root, string path)
    {
        var version = root["formatVersion"] is JsonValue value && value.TryGetValue<int>(out var v) ? v : (int?)null;
        if (version is null or < 1)
        {
            throw Unreadable(path, "It has no valid formatVersion.", null);
        }

        if (version > SavedPlanFileV1.Version)
        {
            throw new StateFileException(path, "Saved plan is from a newer Declarative", [
                $"{path} has format version {version}; this Declarative reads saved plans up to format version {SavedPlanFileV1.Version}.",
                "Apply it with the Declarative that made it, or run decl plan --out again with this one.",
            ]);
        }
    }

    private static StateFileException Unreadable(string path, string problem, Exception? inner) => new(
        path,
        "Saved plan is unreadable",
        [$"{path} is not a saved plan Declarative can read. {problem}", "Run decl plan --out again to make a new one."],
        inner);
}

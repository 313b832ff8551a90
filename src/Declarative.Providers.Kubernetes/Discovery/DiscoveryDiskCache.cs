using System.Text;
using System.Text.Json;

namespace Declarative.Providers.Kubernetes.Discovery;

/// <summary>
/// Discovery kept between runs, one file per server under the cache directory (like kubectl's
/// ~/.kube/cache/discovery), fresh for the TTL after it was written (file time). Files are 0600 and written
/// atomically; an unreadable or corrupt file is just a miss.
/// </summary>
internal sealed class DiscoveryDiskCache(string directory, Uri server, TimeSpan ttl, TimeProvider clock)
{
    public string FilePath { get; } = Path.Combine(directory, Sanitize(server), "discovery.json");

    public DiscoverySnapshot? Load()
    {
        try
        {
            if (!File.Exists(FilePath) || File.GetLastWriteTimeUtc(FilePath) + ttl < clock.GetUtcNow().UtcDateTime)
            {
                return null;
            }

            return JsonSerializer.Deserialize(File.ReadAllBytes(FilePath), DiscoveryJsonContext.Default.DiscoverySnapshot);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return null;
        }
    }

    public void Save(DiscoverySnapshot snapshot)
    {
        try
        {
            var folder = Path.GetDirectoryName(FilePath)!;
            if (OperatingSystem.IsWindows())
            {
                Directory.CreateDirectory(folder);
            }
            else
            {
                Directory.CreateDirectory(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            }

            var temporary = FilePath + "." + Guid.NewGuid().ToString("N") + ".tmp";
            WritePrivate(temporary, JsonSerializer.Serialize(snapshot, DiscoveryJsonContext.Default.DiscoverySnapshot));
            File.Move(temporary, FilePath, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The disk cache is an optimisation; a read-only home must not fail the run.
        }
    }

    private static void WritePrivate(string path, string text)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using var stream = new FileStream(path, options);
        stream.Write(Encoding.UTF8.GetBytes(text));
    }

    private static string Sanitize(Uri server)
    {
        var text = server.Authority + server.AbsolutePath.TrimEnd('/');
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(char.IsAsciiLetterOrDigit(c) || c is '.' or '-' ? c : '_');
        }

        return builder.ToString();
    }
}

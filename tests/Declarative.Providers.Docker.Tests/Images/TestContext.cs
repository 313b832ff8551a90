using Declarative.Providers.Docker.Images;
using Declarative.Testing;

namespace Declarative.Providers.Docker.Tests.Images;

/// <summary>A build context folder for a test: files with fixed permissions, deleted on dispose.</summary>
internal sealed class TestContext : IDisposable
{
    private const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead | UnixFileMode.OtherRead;
    private const UnixFileMode FolderMode = FileMode | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;

    private readonly TempDirectory _folder = new();

    public TestContext(params (string Path, string Text)[] files)
    {
        Root = Path.Combine(_folder.Root, "ctx");
        Directory.CreateDirectory(Root);
        SetMode(Root, FolderMode);
        foreach (var (path, text) in files)
        {
            Write(path, text);
        }
    }

    /// <summary>The context folder.</summary>
    public string Root { get; }

    /// <summary>A place outside the context for cache files.</summary>
    public string Outside => _folder.Root;

    public string PathOf(string relative) => Path.Combine(Root, relative);

    /// <summary>Writes a file (0644; folders 0755) with an mtime well in the past.</summary>
    public TestContext Write(string relative, string text)
    {
        var full = PathOf(relative);
        CreateFolders(Path.GetDirectoryName(relative) ?? string.Empty);
        File.WriteAllText(full, text);
        SetMode(full, FileMode);
        File.SetLastWriteTimeUtc(full, new DateTime(2020, 1, 2, 3, 4, 5, DateTimeKind.Utc));
        return this;
    }

    public TestContext Folder(string relative)
    {
        CreateFolders(relative);
        return this;
    }

    public TestContext Link(string relative, string target)
    {
        File.CreateSymbolicLink(PathOf(relative), target);
        return this;
    }

    public TestContext Mode(string relative, UnixFileMode mode)
    {
        SetMode(PathOf(relative), mode);
        return this;
    }

    public BuildContext Load(string? dockerfile = null) => BuildContext.Load(Root, dockerfile);

    public void Dispose() => _folder.Dispose();

    // The tests run on Linux, where docker builds; Windows has no permission bits to set.
    private static void SetMode(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(path, mode);
        }
    }

    private void CreateFolders(string relative)
    {
        var current = Root;
        foreach (var part in relative.Split('/', '\\', StringSplitOptions.RemoveEmptyEntries))
        {
            current = Path.Combine(current, part);
            if (!Directory.Exists(current))
            {
                Directory.CreateDirectory(current);
                SetMode(current, FolderMode);
            }
        }
    }
}
